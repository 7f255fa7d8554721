import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { booted, builtChapters, CHROMIUM_ARGS, launch, url } from './support';

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
      webFontsUsed: ['Inter', 'Source Serif 4'].every((family) => [...document.fonts].some((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded')),
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
        // The web fonts are loaded; at this width every page takes them at once (the swap moves nothing).
        expect(l.webFontsUsed).toBe(true);
        expect(l.fontsAttrNow).toBeNull();
      } finally {
        await page.context().close();
      }
    }, 60_000);
  }

  // A line that breaks elsewhere in the web font than in the fallback moves the text below it. The
  // boot script then keeps the fallback faces (data-fonts stays) until the page is hidden or printed.
  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 800 }]) {
    it(`at ${viewport.width} px the switch to the web fonts shifts nothing on any chapter's first screen, and a kept fallback gives way when the page is hidden`, async () => {
      const context = await browser.newContext({ viewport });
      const outcomes: string[] = [];
      try {
        for (const { path } of builtChapters()) {
          const page = await context.newPage();
          await page.addInitScript(() => {
            const w = window as unknown as { __shift: number; __what: string[] };
            w.__shift = 0;
            w.__what = [];
            // Every shift counts, the figures' too: a pinned figure is placed from its drawing's box
            // alone, so neither its source line and actions arriving later in the HTML nor a step's
            // source line moves it (Scrolly.astro).
            type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as Shift[]) {
                if (e.hadRecentInput) continue;
                w.__shift += e.value;
                // What moved, for the failure message.
                const at = (r: DOMRectReadOnly) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
                w.__what.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms, fonts ${document.documentElement.getAttribute('data-fonts') ?? 'web'}: ${e.sources.map((s) => `${(s.node instanceof Element ? s.node : s.node?.parentElement)?.className || s.node?.nodeName || '?'} ${at(s.previousRect)} -> ${at(s.currentRect)}`).join('; ')}`);
              }
            }).observe({ type: 'layout-shift', buffered: true });
            // A first visit each time: nothing remembered from the page before.
            sessionStorage.clear();
          });
          await page.goto(url(path));
          await booted(page);
          await page.waitForTimeout(300);
          const { shift, what, kept } = await page.evaluate(() => ({ shift: (window as unknown as { __shift: number }).__shift, what: (window as unknown as { __what: string[] }).__what, kept: document.documentElement.getAttribute('data-fonts') }));
          expect(shift, `${path}: layout shift while loading (${what.join(' | ')})`).toBeLessThan(0.0004);
          outcomes.push(`${path} ${kept ? 'kept the fallback' : 'took the web fonts'}`);
          if (kept) {
            await page.evaluate(() => {
              Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
              document.dispatchEvent(new Event('visibilitychange'));
            });
            expect(await page.evaluate(() => document.documentElement.getAttribute('data-fonts')), `${path}: hidden`).toBeNull();
          }
          await page.close();
        }
        console.log(`[first-paint] ${viewport.width} px: ${outcomes.join('; ')}`);
        // Most pages take the web fonts on their first view; the fallback is the exception.
        expect(outcomes.filter((o) => o.endsWith('web fonts')).length).toBeGreaterThan(outcomes.length / 2);
      } finally {
        await context.close();
      }
    }, 120_000);
  }

  // The first paint may come while the HTML has arrived only in part. Here the page stops inside
  // the header's right-hand group until it has been painted, on a screen with classic scrollbars
  // (Playwright hides them by default), then the rest arrives. Nothing painted may move: not the
  // group (it grew leftwards as its parts came), not the centred columns (they moved when the
  // scrollbar appeared).
  it('a first paint that comes mid-header moves nothing when the rest of the page arrives', async () => {
    const path = builtChapters()[0]?.path ?? '/de/';
    const whole = await (await fetch(url(path))).text();
    const cut = whole.lastIndexOf('<', whole.indexOf('class="toc__where"'));
    expect(cut, 'the contents button in the header').toBeGreaterThan(0);
    // The page in two parts, the second once the first has been painted; the rest of the site
    // from the test server.
    let release = (): void => {};
    const released = new Promise<void>((ok) => (release = ok));
    const server = createServer((req, res) => {
      if (req.url === path) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write(whole.slice(0, cut));
        void released.then(() => res.end(whole.slice(cut)));
        return;
      }
      void fetch(url(req.url ?? '/')).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' });
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const classic = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] });
    try {
      const page = await classic.newPage({ viewport: { width: 1350, height: 940 } });
      await page.addInitScript(() => {
        const w = window as unknown as { __shifts: string[]; __painted: boolean };
        w.__shifts = [];
        type Shift = PerformanceEntry & { value: number; sources: { node: Node | null }[] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Shift[]) w.__shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => (s.node instanceof Element ? s.node : s.node?.parentElement)?.className ?? '?').join(', ')}`);
        }).observe({ type: 'layout-shift', buffered: true });
        new PerformanceObserver(() => (w.__painted = true)).observe({ type: 'paint', buffered: true });
      });
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const going = page.goto(origin + path);
      // Painted while the HTML stops in the header, with the scrollbar not there yet.
      await page.waitForFunction(() => (window as unknown as { __painted: boolean }).__painted === true, undefined, { timeout: 5_000 });
      const early = await page.evaluate(() => ({ complete: document.readyState, gutter: innerWidth - document.documentElement.clientWidth, header: !!document.querySelector('.site-header__right'), main: !!document.querySelector('main') }));
      release();
      expect(early).toMatchObject({ complete: 'loading', header: true, main: false });
      await going;
      await booted(page);
      await page.waitForTimeout(300);
      // Nothing moved (the early screen had no scrollbar yet, on a page that scrolls now)…
      expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts), `early: ${JSON.stringify(early)}`).toEqual([]);
      // …and the scrollbar takes room here, or the check would prove nothing.
      const late = await page.evaluate(() => ({ gutter: innerWidth - document.documentElement.clientWidth, scrolls: document.documentElement.scrollHeight > innerHeight }));
      expect(late).toMatchObject({ scrolls: true, gutter: 15 });
    } finally {
      release();
      await classic.close();
      server.close();
    }
  }, 60_000);

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
