import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtChapters, builtPages, launch, url } from './support';

/** Every page at 320 px: no sideways scrolling; and no request ever leaves the site. Then the reading details: the 404 page by language, figure text size, the phone contents list, the data table toggle, glossary popovers. */
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

describe('reading details', () => {
  const chapters = builtChapters();
  const ch = chapters[0];

  it('an unknown /en/ address gets the English 404 page, an unknown German one the German page', async () => {
    for (const [path, lang, title] of [['/en/no-such-page/', 'en', 'Page not found'], ['/de/keine-seite/', 'de', 'Seite nicht gefunden']] as const) {
      const page = await (await browser.newContext()).newPage();
      const res = await page.goto(url(path));
      expect(res?.status(), path).toBe(404);
      await expect.poll(() => page.locator('html').getAttribute('lang'), { message: path }).toBe(lang);
      expect(await page.locator('h1').textContent(), path).toBe(title);
      await page.context().close();
    }
  });

  it('figure text is at least 12 CSS px at 1280 px, in every state of every chapter', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    const small: string[] = [];
    for (const c of chapters) {
      await page.goto(url(c.path));
      await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
      for (const st of c.steps) {
        const min = await page.evaluate(async (state) => {
          const stage = document.querySelector('figure-stage') as HTMLElement;
          stage.setAttribute('data-instant', '');
          stage.setAttribute('data-step', state);
          while (stage.getAttribute('data-shown') !== state) await new Promise((r) => requestAnimationFrame(r));
          const svg = [...stage.querySelectorAll<SVGSVGElement>('svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0);
          const sizes = [...(svg?.querySelectorAll<SVGTextElement>('text') ?? [])]
            .filter((t) => Number(t.getAttribute('opacity') ?? 1) > 0.05 && t.textContent?.trim())
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0));
          return Math.min(...sizes);
        }, st);
        if (min < 12) small.push(`${c.path}#${st}: ${min.toFixed(1)} px`);
      }
    }
    expect(small).toEqual([]);
    await page.context().close();
  });

  it('on a phone the contents list shows every title on one line, and the reading hint names no keys', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(url(ch?.path ?? '/'));
    await page.locator('.toc summary').click();
    const lines = await page.locator('.toc__list a').evaluateAll((links) => links.map((a) => `${a.textContent?.trim()}: ${a.getClientRects().length}`));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !l.endsWith(': 1'))).toEqual([]);
    expect(await page.locator('.chapter__howto').isVisible()).toBe(false);
    await ctx.close();
  });

  it('the data table toggle keeps its disclosure triangle', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url(ch?.path ?? '/'));
    expect(await page.locator('.data-table summary').evaluate((s) => getComputedStyle(s).display)).toBe('list-item');
    await page.context().close();
  });

  for (const [width, height] of [[375, 740], [1280, 800]] as const) {
    it(`at ${width} px a glossary popover opens at its term, not in the middle of the screen`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
      await page.goto(url(ch?.path ?? '/'));
      const term = page.locator('a.term').first();
      await term.scrollIntoViewIfNeeded();
      await term.click();
      const pop = page.locator(`[id="${await term.getAttribute('data-term-pop')}"]`);
      await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      const [t, p] = await Promise.all([term.evaluate((a) => a.getClientRects()[0]?.toJSON() as DOMRect), pop.evaluate((x) => x.getBoundingClientRect().toJSON() as DOMRect)]);
      // Just below the term (or just above it), overlapping it sideways.
      const gap = p.top >= t.bottom ? p.top - t.bottom : t.top - p.bottom;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(12);
      expect(p.left).toBeLessThan(t.right);
      expect(p.right).toBeGreaterThan(t.left);
      await page.context().close();
    });
  }
});
