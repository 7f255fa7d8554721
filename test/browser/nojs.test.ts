import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtChapters, launch, url } from './support';

/** Without JavaScript: the summary state is drawn and every step's text reads in order. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

for (const ch of builtChapters()) {
  describe(`${ch.path} without JavaScript`, () => {
    it('shows the figure in its summary state and all steps in order', async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(url(ch.path));
      const svg = page.locator('figure-stage svg[data-layout="wide"]');
      await expect.poll(() => svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(150);
      expect(await page.locator('figure-stage').getAttribute('data-step')).toBe('summary');
      const ids = await page.locator('[data-step-id]').evaluateAll((els) => els.map((e) => e.id));
      expect(ids).toEqual(ch.steps);
      for (const id of ids) expect(await page.locator(`[id="${id}"] .step__card`).isVisible(), id).toBe(true);
      await ctx.close();
    });
  });
}
