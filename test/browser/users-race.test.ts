import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, launch, url } from './support';

/**
 * The dot fields of chapter 3 ("per-second"): while the state is shown and the figure is on
 * screen they fill from empty, one dot per new user, and the count beside each field is the
 * number of its dots; under reduced motion they are the still after ten seconds and do not
 * move. Read from the layout on screen.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Field {
  /** Dots in the field's path (each dot is one closed square, begun by a move). */
  dots: number;
  /** The count beside it, as written. */
  count: string;
}

/** Dots and counts of both fields in the layout on screen, and the dots of the still. */
function fields(page: Page): Promise<{ fields: Field[]; still: number[] }> {
  return page.evaluate(() => {
    const stage = document.querySelector('figure-stage');
    const svg = [...(stage?.querySelectorAll<SVGSVGElement>('svg[data-layout]') ?? [])].find((s) => s.getBoundingClientRect().width > 0);
    const payload = JSON.parse(stage?.querySelector('script[data-figure-states]')?.textContent ?? '{}');
    const target = payload.layouts[svg?.dataset.layout ?? '']['per-second'] as Record<string, [Record<string, string>]>;
    const moves = (d: string) => (d.match(/[Mm]/g) ?? []).length;
    return {
      fields: ['2022', '2025'].map((year) => ({
        dots: moves(svg?.querySelector(`[data-key="field-${year}"]`)?.getAttribute('d') ?? ''),
        count: svg?.querySelector(`[data-key="count-${year}"]`)?.textContent ?? '',
      })),
      still: ['2022', '2025'].map((year) => moves(String(target[`field-${year}`]?.[0]['d'] ?? ''))),
    };
  });
}

async function open(path: string, reducedMotion: 'reduce' | 'no-preference', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, reducedMotion });
  const page = await ctx.newPage();
  await page.goto(url(path));
  await booted(page);
  await page.waitForFunction(() => document.querySelector('figure-stage')?.getAttribute('data-shown') === 'per-second');
  return page;
}

/** German counts: "2.778" is 2778. */
const parse = (count: string) => Number(count.replace(/\D/g, ''));

describe('chapter 3 dot fields', () => {
  it('fill while per-second is shown and the figure is on screen, each count the number of its dots', async () => {
    const page = await open('/de/der-ansturm/#per-second', 'no-preference');
    await page.waitForTimeout(1500);
    const early = await fields(page);
    await page.waitForTimeout(1500);
    const later = await fields(page);
    const [small, large] = early.fields as [Field, Field];
    expect(large.dots).toBeGreaterThan(0);
    expect(large.dots).toBeLessThan(early.still[1]!);
    expect(later.fields[1]!.dots).toBeGreaterThan(large.dots);
    for (const f of [...early.fields, ...later.fields]) expect(parse(f.count)).toBe(f.dots);
    // The two fields fill at rates 120 apart: 2022's has a handful of dots when 2025's has hundreds.
    expect(small.dots).toBeLessThan(large.dots / 50);
    await page.context().close();
  });

  it('end as the still after ten seconds: 23 and 2,778 dots', async () => {
    const page = await open('/en/the-rush/#per-second', 'no-preference', { width: 375, height: 740 });
    await expect.poll(async () => (await fields(page)).fields.map((f) => f.dots), { timeout: 16_000, interval: 500 }).toEqual([23, 2778]);
    const end = await fields(page);
    expect(end.fields.map((f) => f.count)).toEqual(['23', '2,778']);
    expect(end.still).toEqual([23, 2778]);
    await page.context().close();
  });

  it('pause off screen (embed page, pushed down by a spacer) and carry on on screen', async () => {
    const page = await open('/embed/de/users-race/?step=per-second', 'no-preference');
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.prepend(spacer);
    });
    await page.waitForTimeout(400);
    const off = await fields(page);
    await page.waitForTimeout(600);
    expect((await fields(page)).fields).toEqual(off.fields);
    await page.evaluate(() => document.querySelector('figure-stage')?.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(800);
    expect((await fields(page)).fields[1]!.dots).toBeGreaterThan(off.fields[1]!.dots);
    await page.context().close();
  });

  it('stand still as the ten-second still under reduced motion', async () => {
    const page = await open('/de/der-ansturm/#per-second', 'reduce');
    await page.waitForTimeout(600);
    const a = await fields(page);
    await page.waitForTimeout(800);
    const b = await fields(page);
    expect(b).toEqual(a);
    expect(a.fields.map((f) => f.dots)).toEqual(a.still);
    expect(a.fields.map((f) => f.count)).toEqual(['23', '2.778']);
    await page.context().close();
  });
});
