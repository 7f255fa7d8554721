import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, launch, url } from './support';

/** Every page at 320 px: no sideways scrolling; and no request ever leaves the site. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pages = builtPages().map((p) => (p === '/404.html' ? '/no-such-page/' : p));

describe('layout and requests', () => {
  for (const path of pages) {
    it(`${path} has no horizontal overflow at 320 px and requests nothing from another origin`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      const foreign: string[] = [];
      const origin = new URL(url('/')).origin;
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.protocol !== 'data:' && u.origin !== origin) foreign.push(r.url());
      });
      await page.goto(url(path), { waitUntil: 'networkidle' });
      // Scroll through the page so lazy work (fonts, observers) happens too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
        }
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(foreign).toEqual([]);
      await ctx.close();
    });
  }
});
