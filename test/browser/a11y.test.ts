import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, launch, url } from './support';

/** axe-core, WCAG 2.2 AA, on every built page, light and dark. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pages = builtPages().map((p) => (p === '/404.html' ? '/no-such-page/' : p));

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const path of pages) {
      it(`${path} (${scheme}) has no axe violations`, async () => {
        const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
        const page = await ctx.newPage();
        await page.goto(url(path));
        await page.evaluate(() => document.fonts.ready);
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        expect(summary).toEqual([]);
        await ctx.close();
      });
    }
  }
});
