import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figures } from '../../src/figures';
import { booted, dist, launch, url } from './support';

/**
 * The embed code's fixed height (src/embed/heights.json) against what every embed page
 * needs: every figure, state and language, in frames from 280 px (the narrowest phone
 * column) to 700 px (the widest common article column; the content stops growing
 * there). A figure that grows beyond its height fails here; rerun this file with
 * UPDATE_EMBED_HEIGHTS=1 to measure and write the file, then rebuild.
 */
const WIDTHS = [280, 320, 375, 480, 600, 700];
/** Room for font hinting and rounding between machines. */
const SLACK = 8;
const file = join(import.meta.dirname, '../../src/embed/heights.json');
const committed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The tallest content height of a figure's embed pages over states, languages and widths. */
async function needed(figure: string, states: readonly string[]): Promise<{ height: number; where: string }> {
  const ctx = await browser.newContext({ viewport: { width: 700, height: 300 } });
  const page = await ctx.newPage();
  let best = { height: 0, where: '' };
  for (const lang of ['de', 'en']) {
    for (const state of states) {
      await page.goto(url(`/embed/${lang}/${figure}/${state}/`));
      await booted(page);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 300 });
        const h = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        if (h > best.height) best = { height: h, where: `${lang} ${state} at ${width} px` };
      }
    }
  }
  await ctx.close();
  return best;
}

describe('the embed code’s fixed height', () => {
  it('the built pages carry the committed heights (rebuild after UPDATE_EMBED_HEIGHTS=1)', () => {
    const html = readFileSync(join(dist, 'de/der-ansturm/index.html'), 'utf8');
    const escaped = /<textarea[^>]*data-share-code[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? '';
    const code = escaped.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const figure = /<figure-stage data-figure="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(code).toContain(`height="${committed[figure]}"`);
  });

  for (const fig of Object.values(figures)) {
    it(`${fig.id}: holds every state in both languages from 280 to 700 px, with no more than 60 px to spare`, async () => {
      const { height, where } = await needed(fig.id, fig.states);
      if (process.env['UPDATE_EMBED_HEIGHTS'] === '1') {
        const now = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
        now[fig.id] = height + SLACK;
        writeFileSync(file, `${JSON.stringify(Object.fromEntries(Object.entries(now).sort()), null, 2)}\n`);
        return;
      }
      const given = committed[fig.id] ?? 0;
      expect(given, `needs ${height} px (${where}); UPDATE_EMBED_HEIGHTS=1 rewrites src/embed/heights.json`).toBeGreaterThanOrEqual(height);
      expect(given - height, `${given} px leaves a gap below ${where}`).toBeLessThanOrEqual(60);
    });
  }
});
