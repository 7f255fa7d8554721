import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtChapters, launch, url } from './support';

/**
 * The first paint of a story page waits for the HTML alone (src/build/first-paint.ts, boot.ts):
 * its fonts and scripts are requested only after it. Measured on a slow connection (150 ms
 * latency, 1.6 Mbit/s, as Lighthouse's mobile profile), where the old order (preloaded fonts,
 * module scripts found by the preload scanner) fetched them all while the HTML was still arriving.
 * Then the page must still end up whole: web fonts in use, every module run.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Load {
  firstPaint: number;
  domContentLoaded: number;
  responseEnd: number;
  early: { name: string; start: number }[];
  late: number;
  fontsAttrAtDcl: string | null;
  fontsAttrNow: string | null;
  webFontsUsed: boolean;
}

/** Load `path` in `page` and say when the first paint came and what was fetched before it. */
async function load(page: Page, path: string): Promise<Load> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __fontsAtDcl: string | null }).__fontsAtDcl = document.documentElement.getAttribute('data-fonts');
    });
  });
  await page.goto(url(path), { waitUntil: 'load' });
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-fonts'), undefined, { timeout: 30_000 });
  // The modules ran: the scrolly says it is ready (src/components/scrolly/index.ts), or the page has none.
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-scrolly]')].every((s) => 'scrollyReady' in s.dataset), undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const fp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const wanted = res.filter((r) => /\.(woff2|js)(\?|$)/.test(new URL(r.name).pathname));
    return {
      firstPaint: fp,
      domContentLoaded: nav.domContentLoadedEventEnd,
      responseEnd: nav.responseEnd,
      early: wanted.filter((r) => r.startTime < fp).map((r) => ({ name: new URL(r.name).pathname, start: Math.round(r.startTime) })),
      late: wanted.filter((r) => r.startTime >= fp).length,
      fontsAttrAtDcl: (window as unknown as { __fontsAtDcl: string | null }).__fontsAtDcl ?? null,
      fontsAttrNow: document.documentElement.getAttribute('data-fonts'),
      webFontsUsed: document.fonts.check('16px Inter') && document.fonts.check('16px "Source Serif 4"') && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Source Serif 4' && f.status === 'loaded'),
    };
  });
}

async function slowPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  return page;
}

describe('first paint: the HTML alone', () => {
  const pages = ['/de/', ...builtChapters().map((c) => c.path)];

  for (const path of pages) {
    it(`${path}: no font or script is requested before the first paint, and afterwards the page is whole`, async () => {
      const page = await slowPage();
      try {
        const l = await load(page, path);
        expect(Number.isFinite(l.firstPaint), 'first-contentful-paint entry').toBe(true);
        expect(l.early, `requested before the first contentful paint at ${Math.round(l.firstPaint)} ms`).toEqual([]);
        // …and they were requested after it: two fonts, and scripts on pages that have them.
        expect(l.late).toBeGreaterThanOrEqual(2);
        expect(l.fontsAttrAtDcl).toBe('later');
        expect(l.fontsAttrNow).toBeNull();
        expect(l.webFontsUsed).toBe(true);
      } finally {
        await page.context().close();
      }
    }, 60_000);
  }

  it('a second page in the same tab starts in the web fonts (they are cached), so it never shows the fallback', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const first = await load(page, '/de/');
      expect(first.fontsAttrAtDcl).toBe('later');
      const second = await load(page, builtChapters()[0]?.path ?? '/de/');
      expect(second.fontsAttrAtDcl).toBeNull();
      expect(second.webFontsUsed).toBe(true);
    } finally {
      await context.close();
    }
  }, 60_000);
});
