import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, launch, url } from './support';

/**
 * The request flow of chapter 5 (the-surge, rate-limit): it moves while the reader looks at
 * it, holds still while the page scrolls or the figure is off screen, and is a still frame
 * under reduced motion. In rate-limit an "add GPUs" button doubles the pool: a real toggle
 * button, worked here by keyboard, after which the count of turned-away requests stops.
 * The dots are read from the visible layout's paths.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The d of the dot paths in the layout on screen. */
function dots(page: Page): Promise<string> {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('figure-stage svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0);
    return [...(svg?.querySelectorAll('path[data-key^="req-"]') ?? [])].map((p) => p.getAttribute('d')).join('|');
  });
}

/** The count of turned-away requests the visible layout shows. */
function count(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('figure-stage svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0);
    return Number(svg?.querySelector('[data-key="count"]')?.textContent?.replace(/\D/g, '') ?? NaN);
  });
}

async function open(path: string, step: string, options: BrowserContextOptions = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'no-preference', ...options });
  const page = await ctx.newPage();
  await page.goto(url(path));
  await booted(page);
  await page.waitForFunction((s) => document.querySelector('figure-stage')?.getAttribute('data-shown') === s, step);
  // Past the stage's transition: the flow takes over when the stage says it has settled.
  await page.waitForTimeout(900);
  return page;
}

describe('chapter 5 request flow', () => {
  for (const step of ['the-surge', 'rate-limit']) {
    it(`moves in ${step} while the figure is on screen and the page rests`, async () => {
      const page = await open(`/de/gpu-engpass/#${step}`, step);
      const a = await dots(page);
      await page.waitForTimeout(400);
      expect(a.length).toBeGreaterThan(100);
      expect(await dots(page)).not.toBe(a);
      await page.context().close();
    });
  }

  it('holds still while the page scrolls, and carries on once it rests', async () => {
    const page = await open('/de/gpu-engpass/#rate-limit', 'rate-limit');
    // Scroll events every 50 ms for 600 ms, by a pixel up and down (the step stays active).
    const held = await page.evaluate(async () => {
      const read = () => [...document.querySelectorAll('path[data-key^="req-"]')].map((p) => p.getAttribute('d')).join('|');
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
    expect(await page.locator('figure-stage').getAttribute('data-shown')).toBe('rate-limit');
    const rest = await dots(page);
    await page.waitForTimeout(500);
    expect(await dots(page)).not.toBe(rest);
    await page.context().close();
  });

  it('pauses off screen and resumes on screen (embed page, pushed down by a spacer)', async () => {
    const page = await open('/embed/de/gpu-bottleneck/?step=rate-limit', 'rate-limit');
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
      document.body.prepend(spacer.cloneNode());
    });
    await page.waitForTimeout(400);
    const off = await dots(page);
    await page.waitForTimeout(400);
    expect(await dots(page)).toBe(off);
    await page.evaluate(() => document.querySelector('figure-stage')?.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(600);
    const on = await dots(page);
    await page.waitForTimeout(400);
    expect(await dots(page)).not.toBe(on);
    await page.context().close();
  });

  it('stays still in the other states, e.g. the gigawatt staircase of since-then, and shows no button there', async () => {
    const page = await open('/de/gpu-engpass/#since-then', 'since-then');
    const a = await dots(page);
    await page.waitForTimeout(600);
    expect(await dots(page)).toBe(a);
    await expect(page.getByRole('button', { name: 'GPUs hinzufügen' }).isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it('is a still frame under reduced motion, with no button: the paths stay as the static SVG has them', async () => {
    const page = await open('/de/gpu-engpass/#rate-limit', 'rate-limit', { reducedMotion: 'reduce' });
    const still = await page.evaluate(() => {
      const stage = document.querySelector('figure-stage');
      const payload = JSON.parse(stage?.querySelector('script[data-figure-states]')?.textContent ?? '{}');
      const svg = [...(stage?.querySelectorAll<SVGSVGElement>('svg[data-layout]') ?? [])].find((s) => s.getBoundingClientRect().width > 0);
      const target = payload.layouts[svg?.dataset.layout ?? '']['rate-limit'] as Record<string, [Record<string, string>]>;
      return [...(svg?.querySelectorAll('path[data-key^="req-"]') ?? [])].map((p) => target[p.getAttribute('data-key') ?? '']?.[0]['d'] ?? '').join('|');
    });
    expect(await dots(page)).toBe(still);
    await page.waitForTimeout(600);
    expect(await dots(page)).toBe(still);
    await expect(page.getByRole('button', { name: 'GPUs hinzufügen' }).isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it('lets a keyboard reader double the pool in rate-limit: the button is pressed, a status says so, and the count stops', async () => {
    const page = await open('/en/gpu-bottleneck/#rate-limit', 'rate-limit');
    const button = page.getByRole('button', { name: 'Add GPUs' });
    await expect(button.isVisible()).resolves.toBe(true);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    // Without more GPUs the count climbs.
    const before = await count(page);
    await page.waitForTimeout(2000);
    expect(await count(page)).toBeGreaterThan(before);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-gpu-add-status]').textContent()).toMatch(/added/);
    await page.waitForTimeout(300);
    const pressed = await count(page);
    await page.waitForTimeout(2000);
    expect(await count(page)).toBe(pressed);
    // The added GPUs are drawn.
    const extras = await page.evaluate(() => {
      const svg = [...document.querySelectorAll<SVGSVGElement>('figure-stage svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0);
      return [...(svg?.querySelectorAll('rect[data-key^="gpu-"]') ?? [])].filter((r) => r.getAttribute('opacity') !== '0').length;
    });
    expect(extras).toBe(16);
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-gpu-add-status]').textContent()).toMatch(/gone/);
    await page.context().close();
  });

  it('has no button without JavaScript: the static figure tells the story with its stills', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false })).newPage();
    await page.goto(url('/de/gpu-engpass/'));
    expect(await page.locator('[data-gpu-add]').count()).toBe(1);
    await expect(page.locator('[data-gpu-add] button').isVisible()).resolves.toBe(false);
    await page.context().close();
  });
});
