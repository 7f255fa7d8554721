import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, builtPages, launch, url } from './support';

/**
 * axe-core, WCAG 2.2 AA, on every built page: all rules in the light scheme, then
 * the colour rules again in the dark scheme (the only thing the scheme changes).
 * Two test files each take half of the pages, so they run in parallel.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function a11yTests(half: 0 | 1): void {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pages = builtPages()
    .map((p) => (p === '/404.html' ? '/no-such-page/' : p))
    .filter((_, i) => i % 2 === half);

  describe('accessibility', () => {
    it('covers its half of the built pages', () => {
      expect(pages.length).toBeGreaterThan(5);
    });
    for (const path of pages) {
      it(`${path} has no axe violations, light and dark`, async () => {
        const ctx = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
        const page = await ctx.newPage();
        await page.goto(url(path));
        await booted(page);
        await page.evaluate(() => document.fonts.ready);
        const summarise = (r: Awaited<ReturnType<AxeBuilder['analyze']>>, scheme: string) =>
          r.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        const light = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block']).analyze();
        expect([...summarise(light, 'light'), ...summarise(dark, 'dark')]).toEqual([]);
        await ctx.close();
      });
    }
  });
}
