import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, url } from './support';

/**
 * The request flow of chapter 5 ("the-surge"): it moves while the reader looks at it,
 * holds still while the page scrolls or the figure is off screen, and is a still
 * frame under reduced motion. Positions are read from the visible layout's circles.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** cx/cy of the request circles in the layout on screen. */
function positions(page: Page): Promise<string> {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('figure-stage svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0);
    return [...(svg?.querySelectorAll('circle[data-key^="req-"]') ?? [])].map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`).join(' ');
  });
}

async function openSurge(path: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
  const page = await ctx.newPage();
  await page.goto(url(path));
  await page.waitForFunction(() => document.querySelector('figure-stage')?.getAttribute('data-shown') === 'the-surge');
  // The stage's transition and the flow's hand-over (520 ms) are over.
  await page.waitForTimeout(900);
  return page;
}

describe('chapter 5 request flow', () => {
  it('moves while the figure is on screen and the page rests', async () => {
    const page = await openSurge('/de/gpu-engpass/#the-surge');
    const a = await positions(page);
    await page.waitForTimeout(400);
    expect(a.split(' ').length).toBeGreaterThan(10);
    expect(await positions(page)).not.toBe(a);
    await page.context().close();
  });

  it('holds still while the page scrolls, and carries on once it rests', async () => {
    const page = await openSurge('/de/gpu-engpass/#the-surge');
    // Scroll events every 50 ms for 600 ms, by a pixel up and down (the step stays active).
    const held = await page.evaluate(async () => {
      const read = () => [...document.querySelectorAll('circle[data-key^="req-"]')].map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`).join(' ');
      scrollBy(0, 1);
      await new Promise((r) => setTimeout(r, 60));
      const first = read();
      let changed = 0;
      for (let i = 0; i < 12; i++) {
        scrollBy(0, i % 2 ? 1 : -1);
        await new Promise((r) => setTimeout(r, 50));
        if (read() !== first) changed++;
      }
      return changed;
    });
    expect(held).toBe(0);
    expect(await page.locator('figure-stage').getAttribute('data-shown')).toBe('the-surge');
    const rest = await positions(page);
    await page.waitForTimeout(500);
    expect(await positions(page)).not.toBe(rest);
    await page.context().close();
  });

  it('pauses off screen and resumes on screen (embed page, pushed down by a spacer)', async () => {
    const page = await openSurge('/embed/de/gpu-bottleneck/?step=the-surge');
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
      document.body.prepend(spacer.cloneNode());
    });
    await page.waitForTimeout(400);
    const off = await positions(page);
    await page.waitForTimeout(400);
    expect(await positions(page)).toBe(off);
    await page.evaluate(() => document.querySelector('figure-stage')?.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(600);
    const on = await positions(page);
    await page.waitForTimeout(400);
    expect(await positions(page)).not.toBe(on);
    await page.context().close();
  });

  it('stays still in the other states, e.g. the gigawatt chart of since-then', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(url('/de/gpu-engpass/#since-then'));
    await page.waitForFunction(() => document.querySelector('figure-stage')?.getAttribute('data-shown') === 'since-then');
    // Past the stage's transition and the flow's hand-over time: if the flow ran here, it would be moving by now.
    await page.waitForTimeout(900);
    const a = await positions(page);
    await page.waitForTimeout(600);
    expect(await positions(page)).toBe(a);
    await ctx.close();
  });

  it('is a still frame under reduced motion: the circles stay where the static SVG puts them', async () => {
    const page = await openSurge('/de/gpu-engpass/#the-surge', 'reduce');
    const still = await page.evaluate(() => {
      const stage = document.querySelector('figure-stage');
      const payload = JSON.parse(stage?.querySelector('script[data-figure-states]')?.textContent ?? '{}');
      const svg = [...(stage?.querySelectorAll<SVGSVGElement>('svg[data-layout]') ?? [])].find((s) => s.getBoundingClientRect().width > 0);
      const target = payload.layouts[svg?.dataset.layout ?? '']['the-surge'] as Record<string, [Record<string, number>]>;
      return [...(svg?.querySelectorAll('circle[data-key^="req-"]') ?? [])]
        .filter((c) => target[c.getAttribute('data-key') ?? ''])
        .map((c) => `${target[c.getAttribute('data-key') ?? '']?.[0]['cx']},${target[c.getAttribute('data-key') ?? '']?.[0]['cy']}`)
        .join(' ');
    });
    const a = await positions(page);
    await page.waitForTimeout(600);
    expect(await positions(page)).toBe(a);
    // Every circle the state shows sits on the still frame's position.
    for (const p of still.split(' ')) expect(a.split(' ')).toContain(p);
    await page.context().close();
  });
});
