import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOT_PITCH } from '../../src/components/landing/hook-model';
import { figure, keyStateOf } from '../../src/figures';
import { layoutFrames } from '../../src/figures/frames';
import { booted, builtChapters, launch, url } from './support';

/**
 * The landing pages: a thumbnail per chapter made of its figure's key-state marks, and the
 * rate hook (ten seconds of sign-ups at 2.3 and 278 per second): its still without
 * JavaScript and under reduced motion, its clock with motion (a fake clock drives it, so no
 * test waits on real time), and no sideways scrolling on a small phone.
 */
const LANDINGS = [
  {
    path: '/',
    lang: 'de',
    now: '2.778',
    then: '23',
    arithmetic: ['1.000.000 ÷ 3.600 s × 10 s ≈ 2.778', '1.000.000 ÷ 432.000 s × 10 s ≈ 23'],
    still: 'Stand nach 10 Sekunden',
    pause: 'Anhalten',
    resume: 'Weiter',
    replay: 'Noch einmal',
    simulation: 'Simulation',
  },
  {
    path: '/en/',
    lang: 'en',
    now: '2,778',
    then: '23',
    arithmetic: ['1,000,000 ÷ 3,600 s × 10 s ≈ 2,778', '1,000,000 ÷ 432,000 s × 10 s ≈ 23'],
    still: 'As it stands after 10 seconds',
    pause: 'Pause',
    resume: 'Resume',
    replay: 'Play again',
    simulation: 'simulation',
  },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: BrowserContextOptions = {}, fakeClock = false): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  if (fakeClock) {
    // Paused: no frame runs unless the test lets time pass (runFor).
    await ctx.clock.install({ time: new Date('2026-01-01T00:00:00Z') });
    await ctx.clock.pauseAt(new Date('2026-01-01T00:00:01Z'));
  }
  const page = await ctx.newPage();
  await page.goto(url(path));
  if (options.javaScriptEnabled !== false) await booted(page);
  return page;
}

/** What the hook shows: both counts, the clock, the button, and the dots its fields draw. */
function hookState(page: Page) {
  return page.evaluate((pitch) => {
    const text = (sel: string) => document.querySelector(sel)?.textContent?.trim() ?? '';
    const dots = (key: string) =>
      [...document.querySelectorAll(`[data-field="${key}"] [data-fill]`)]
        .map((r) => Math.round(Number(r.getAttribute('width')) / pitch) * Math.round(Number(r.getAttribute('height')) / pitch))
        .reduce((a, b) => a + b, 0);
    const button = document.querySelector<HTMLElement>('[data-hook-toggle]');
    return {
      now: text('[data-count="now"]'),
      then: text('[data-count="then"]'),
      dotsNow: dots('now'),
      dotsThen: dots('then'),
      clock: text('[data-hook-clock]'),
      button: button && button.getBoundingClientRect().height > 0 ? (button.textContent?.trim() ?? '') : null,
      running: document.querySelector('rate-hook')?.hasAttribute('data-running') ?? false,
    };
  }, DOT_PITCH);
}

/** Parses a count as shown ("2.778", "2,778") into a number. */
const count = (shown: string) => Number(shown.replace(/[.,\s]/g, ''));

for (const L of LANDINGS) {
  describe(`${L.path} chapter cards`, () => {
    const chapters = builtChapters().filter((c) => c.lang === L.lang);

    it('each chapter card shows one thumbnail made of its figure’s key-state marks, decorative and toned', async () => {
      const page = await open(L.path, { javaScriptEnabled: false });
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll('.chapters__list > li')].map((li) => {
          const svgs = [...li.querySelectorAll('svg[data-thumb]')];
          const svg = svgs[0];
          return {
            href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
            thumbs: svgs.length,
            figure: svg?.getAttribute('data-thumb') ?? '',
            state: svg?.getAttribute('data-state') ?? '',
            keys: [...(svg?.querySelectorAll('[data-key]') ?? [])].map((m) => m.getAttribute('data-key')),
            untoned: [...(svg?.querySelectorAll('[data-key]') ?? [])].filter((m) => !/\btone-[a-z0-9-]+\b/.test(m.getAttribute('class') ?? '')).length,
            hidden: !!svg?.closest('[aria-hidden="true"]'),
            height: svg?.getBoundingClientRect().height ?? 0,
          };
        }),
      );
      expect(chapters.length).toBeGreaterThan(0);
      expect(cards.filter((c) => c.thumbs > 0).length).toBe(chapters.length);
      for (const ch of chapters) {
        const card = cards.find((c) => c.href === ch.path);
        expect(card, ch.path).toBeDefined();
        const fig = figure(ch.figure);
        const state = keyStateOf(fig);
        const marks = layoutFrames(fig, 'narrow', L.lang).states[state] ?? [];
        expect(marks.length, ch.figure).toBeGreaterThan(0);
        expect({ thumbs: card?.thumbs, figure: card?.figure, state: card?.state }, ch.path).toEqual({ thumbs: 1, figure: ch.figure, state });
        expect(card?.keys, ch.path).toEqual(marks.map((m) => m.key));
        expect(card?.untoned, `${ch.path}: marks without a tone class`).toBe(0);
        expect(card?.hidden, `${ch.path}: the thumbnail is decorative`).toBe(true);
        expect(card?.height, ch.path).toBeGreaterThan(100);
      }
      await page.context().close();
    });
  });

  describe(`${L.path} rate hook`, () => {
    it('without JavaScript shows the still after ten seconds, its arithmetic and that it is a simulation', async () => {
      const page = await open(L.path, { javaScriptEnabled: false });
      const got = await hookState(page);
      expect(got).toMatchObject({ now: L.now, then: L.then, clock: L.still, button: null });
      expect({ now: got.dotsNow, then: got.dotsThen }).toEqual({ now: count(L.now), then: count(L.then) });
      const note = (await page.locator('[data-hook-note]').textContent()) ?? '';
      for (const a of L.arithmetic) expect(note).toContain(a);
      expect(note).toContain(L.simulation);
      const sr = await page.evaluate(() => ({
        summary: document.querySelector('[data-hook-summary]')?.textContent ?? '',
        countsHidden: [...document.querySelectorAll('[data-count]')].every((n) => n.closest('[aria-hidden="true"]')),
      }));
      expect(sr.countsHidden).toBe(true);
      expect(sr.summary).toContain(L.now);
      expect(sr.summary).toContain(L.then);
      expect(sr.summary).toContain('120');
      await page.context().close();
    });

    it('under reduced motion the still stays: the counts do not change and there is no control', async () => {
      const page = await open(L.path, { reducedMotion: 'reduce' }, true);
      await page.waitForFunction(() => customElements.get('rate-hook') !== undefined);
      const before = await hookState(page);
      await page.clock.runFor(4000);
      const after = await hookState(page);
      expect(before).toMatchObject({ now: L.now, then: L.then, clock: L.still, button: null, running: false });
      expect(after).toEqual(before);
      await page.context().close();
    });

    it('with motion it counts up from zero on screen, pauses on request, off screen and in a hidden tab, and ends on the still', async () => {
      const page = await open(L.path, { reducedMotion: 'no-preference' }, true);
      await expect.poll(async () => (await hookState(page)).running).toBe(true);
      const start = await hookState(page);
      expect({ now: start.now, then: start.then, button: start.button }).toEqual({ now: '0', then: '0', button: L.pause });

      await page.clock.runFor(2000);
      const two = await hookState(page);
      expect(count(two.now)).toBeGreaterThan(0);
      expect(count(two.now)).toBeLessThan(count(L.now));
      expect(two.dotsNow).toBe(count(two.now));

      // The reader pauses: nothing moves until they resume.
      await page.locator('[data-hook-toggle]').click();
      await expect.poll(async () => (await hookState(page)).button).toBe(L.resume);
      const paused = await hookState(page);
      await page.clock.runFor(2000);
      expect((await hookState(page)).now).toBe(paused.now);
      await page.locator('[data-hook-toggle]').press('Enter');
      await expect.poll(async () => (await hookState(page)).running).toBe(true);

      // Off screen: the clock stops, and time away does not count.
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await expect.poll(async () => (await hookState(page)).running).toBe(false);
      const away = await hookState(page);
      await page.clock.runFor(3000);
      expect((await hookState(page)).now).toBe(away.now);
      await page.evaluate(() => scrollTo(0, 0));
      await expect.poll(async () => (await hookState(page)).running).toBe(true);

      // A hidden tab stops it too.
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      const hidden = await hookState(page);
      expect(hidden.running).toBe(false);
      await page.clock.runFor(3000);
      expect((await hookState(page)).now).toBe(hidden.now);
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
        document.dispatchEvent(new Event('visibilitychange'));
      });

      await page.clock.runFor(12_000);
      const end = await hookState(page);
      expect(end).toMatchObject({ now: L.now, then: L.then, clock: L.still, button: L.replay, running: false });
      expect({ now: end.dotsNow, then: end.dotsThen }).toEqual({ now: count(L.now), then: count(L.then) });

      await page.locator('[data-hook-toggle]').click();
      await expect.poll(async () => (await hookState(page)).running).toBe(true);
      await page.clock.runFor(1000);
      expect(count((await hookState(page)).now)).toBeLessThan(count(L.now));
      await page.context().close();
    });
  });

  describe(`${L.path} on a small phone`, () => {
    for (const javaScriptEnabled of [true, false]) {
      it(`at 320 px nothing sticks out sideways and the counts are large (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
        const page = await open(L.path, { viewport: { width: 320, height: 568 }, javaScriptEnabled });
        const got = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          outside: [...document.querySelectorAll<HTMLElement>('.landing *')]
            .filter((el) => !el.closest('svg') && !el.closest('.sr-only'))
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5);
            })
            .map((el) => el.className || el.tagName),
          sizes: [...document.querySelectorAll('[data-count]')].map((n) => parseFloat(getComputedStyle(n).fontSize)),
        }));
        expect(got.overflow).toBeLessThanOrEqual(0);
        expect(got.outside).toEqual([]);
        expect(got.sizes.length).toBe(2);
        for (const size of got.sizes) expect(size).toBeGreaterThanOrEqual(24);
        await page.context().close();
      });
    }
  });
}
