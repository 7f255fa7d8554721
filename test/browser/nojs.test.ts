import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtChapters, dist, launch, url } from './support';

/**
 * Without JavaScript: nothing is pinned, every step reads in order and is followed by
 * the still of its own state. With JavaScript the stills cost no request and no DOM,
 * and at most 2 KB of HTML (gzip) per step.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

for (const ch of builtChapters()) {
  describe(`${ch.path} without JavaScript`, () => {
    for (const [width, height] of [[375, 740], [1280, 900]] as const) {
      it(`at ${width} px: the figure is not pinned and each step is followed by the still of its state`, async () => {
        const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
        const page = await ctx.newPage();
        await page.goto(url(ch.path));
        const got = await page.evaluate(() => {
          const graphic = document.querySelector('.scrolly__graphic') as HTMLElement;
          const live = [...graphic.querySelectorAll('figure-stage svg')].filter((s) => s.getBoundingClientRect().height > 0).length;
          const steps = [...document.querySelectorAll<HTMLElement>('[data-step-id]')].map((s) => {
            const card = s.querySelector('.step__card')?.getBoundingClientRect();
            const still = s.querySelector<HTMLElement>('.step__still');
            const svgs = [...(still?.querySelectorAll('svg') ?? [])].filter((x) => x.getBoundingClientRect().height > 100);
            const below = !!card && svgs.length === 1 && (svgs[0]?.getBoundingClientRect().top ?? 0) >= card.bottom;
            return `${s.id}:${still?.dataset['still']}:${svgs.length === 1 ? 'one figure' : `${svgs.length} figures`}:${below ? 'after the text' : 'misplaced'}:${svgs[0]?.getAttribute('aria-label') ? 'labelled' : 'no label'}`;
          });
          return { position: getComputedStyle(graphic).position, live, steps };
        });
        expect(got.position).toBe('static');
        expect(got.live, 'the pinned drawing gives way to the stills').toBe(0);
        expect(got.steps).toEqual(ch.steps.map((id) => `${id}:${id}:one figure:after the text:labelled`));
        await ctx.close();
      });
    }
  });
}

describe('with JavaScript the stills cost nothing extra', () => {
  const ch = builtChapters()[0];
  it('no still is in the DOM or fetched, on a phone and on a wide screen', async () => {
    for (const width of [375, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await ctx.newPage();
      const svgRequests: string[] = [];
      page.on('request', (r) => {
        if (/\.svg(\?|$)/.test(r.url()) && !r.url().includes('favicon')) svgRequests.push(r.url());
      });
      await page.goto(url(ch?.path ?? '/'), { waitUntil: 'networkidle' });
      await page.waitForFunction(() => document.querySelector('[data-scrolly-ready]') !== null);
      expect(await page.locator('.step__still').count(), `${width} px`).toBe(0);
      expect(svgRequests).toEqual([]);
      await ctx.close();
    }
  });

  for (const c of builtChapters()) {
    it(`${c.path}: the stills add at most 2 KB of HTML (gzip) per step`, () => {
      const html = readFileSync(join(dist, c.path, 'index.html'), 'utf8');
      const without = html.replace(/<noscript data-step-still>[\s\S]*?<\/noscript>/g, '');
      expect(without.length, 'the page has stills').toBeLessThan(html.length);
      const perStep = (gzipSync(html).length - gzipSync(without).length) / c.steps.length;
      expect(perStep).toBeLessThanOrEqual(2048);
    });
  }
});
