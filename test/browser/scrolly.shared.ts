import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, builtChapters, launch, url } from './support';

/**
 * The scrolly on every chapter: scrolling, deep links, keyboard, the language
 * switch, reduced motion and the pinned figure on phones. One test file per
 * language calls this, so the two halves run in parallel.
 */
let browser: Browser;

export function scrollyTests(lang: 'de' | 'en'): void {
const chapters = builtChapters().filter((c) => c.lang === lang);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, opts: { width?: number; height?: number; reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    reducedMotion: opts.reducedMotion ?? 'no-preference',
  });
  const page = await ctx.newPage();
  await page.goto(url(path));
  await booted(page);
  await page.waitForFunction(() => customElements.get('figure-stage') !== undefined && document.querySelector('[data-scrolly-ready]') !== null);
  return page;
}

const shown = (page: Page) => page.locator('figure-stage').getAttribute('data-shown');

/** Scrolls with the wheel, as a reader would, until the step's top sits at `at` × the viewport height. */
async function scrollToStep(page: Page, id: string, at = 0.4): Promise<void> {
  const top = await page.evaluate(
    ([stepId, frac]) => {
      const r = document.getElementById(stepId)?.getBoundingClientRect();
      return r ? r.top - innerHeight * frac : 0;
    },
    [id, at] as const,
  );
  await page.mouse.move(300, 300);
  await page.mouse.wheel(0, top);
}

/** The visible SVG's marks must equal the state's marks in the page's own JSON payload. */
async function marksMatchState(page: Page, state: string): Promise<string[]> {
  return page.evaluate((st) => {
    const stage = document.querySelector('figure-stage');
    const payload = JSON.parse(stage?.querySelector('script[data-figure-states]')?.textContent ?? '{}');
    const svg = [...(stage?.querySelectorAll<SVGSVGElement>('svg[data-layout]') ?? [])].find((s) => s.getBoundingClientRect().width > 0);
    const target = payload.layouts[svg?.dataset.layout ?? ''][st] as Record<string, [Record<string, string | number>, string?]>;
    const wrong: string[] = [];
    for (const el of svg?.querySelectorAll<SVGElement>('[data-key]') ?? []) {
      const entry = target[el.dataset.key ?? ''];
      if (!entry) {
        if (Number(el.getAttribute('opacity') ?? 1) > 0.01) wrong.push(`${el.dataset.key} should be hidden`);
        continue;
      }
      for (const [name, value] of Object.entries(entry[0])) {
        if (name === 'class') continue;
        const got = el.getAttribute(name);
        if (typeof value === 'number' ? Math.abs(Number(got) - value) > 0.05 : got !== value) wrong.push(`${el.dataset.key}.${name}: ${got} ≠ ${value}`);
      }
    }
    return wrong;
  }, state);
}

/** Resolves once the page has not scrolled for five frames in a row. */
async function scrollStopped(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        let y = scrollY;
        let quiet = 0;
        const frame = (): void => {
          if (scrollY === y) quiet++;
          else {
            y = scrollY;
            quiet = 0;
          }
          if (quiet >= 5) resolve(true);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/**
 * The steps the reader sees, judged from the screen and not from the scrolly's own rule:
 * those whose card crosses the reading band, the second quarter of the part of the screen
 * the text has (below a pinned top figure). With no card in the band, the last step
 * above it (or the first).
 */
async function seenSteps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const graphic = document.querySelector('.scrolly__graphic') as HTMLElement;
    const g = graphic.getBoundingClientRect();
    const pinnedTop = getComputedStyle(graphic).position === 'sticky' && g.width > innerWidth * 0.8;
    const top = pinnedTop ? Math.max(0, g.bottom) : 0;
    const band = [top + (innerHeight - top) * 0.25, top + (innerHeight - top) * 0.5] as const;
    const steps = [...document.querySelectorAll<HTMLElement>('[data-step-id]')].map((s) => ({
      id: s.dataset['stepId'] ?? '',
      box: (s.querySelector('.step__card') ?? s).getBoundingClientRect(),
    }));
    const inBand = steps.filter((s) => s.box.bottom > band[0] && s.box.top < band[1]).map((s) => s.id);
    if (inBand.length) return inBand;
    return [steps.filter((s) => s.box.bottom <= band[0]).at(-1)?.id ?? steps[0]?.id ?? ''];
  });
}

/** Once scrolling has stopped, the figure's state must be a step the reader sees (polls; fails if it stays wrong). */
/**
 * Presses End or Home until the page is at that end. A busy Chromium now and then drops a
 * keyboard scroll: the key reaches the page (not prevented), scrollend fires, and the page
 * has not moved (seen in about 1 of 60 tries at 6x CPU under load). The figure then rightly
 * stays with the step at the top, but the test would wait for the last one.
 */
async function pressTo(page: Page, key: 'End' | 'Home'): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press(key);
    await scrollStopped(page);
    const there = await page.evaluate((k) => (k === 'Home' ? scrollY <= 1 : scrollY + innerHeight >= document.documentElement.scrollHeight - 2), key);
    if (there) return;
  }
  throw new Error(`${key} pressed three times and the page is not at its ${key === 'End' ? 'end' : 'top'}`);
}

async function figureAgreesWithText(page: Page): Promise<void> {
  await scrollStopped(page);
  await expect
    .poll(async () => {
      const [figure, seen] = await Promise.all([page.locator('figure-stage').getAttribute('data-step'), seenSteps(page)]);
      return seen.includes(figure ?? '') ? 'agrees' : `figure ${figure}, text ${seen.join(' / ')}`;
    })
    .toBe('agrees');
}

for (const ch of chapters) {
  // Shared machinery (keyboard, print, address, resize…) is the same code on every
  // chapter: it runs on the first chapter of each language; figure-specific checks
  // (scroll, deep links, language switch, phone layout) run on every chapter.
  const machinery = (name: string, fn: () => Promise<void>): void => {
    if (ch === chapters[0]) it(name, fn);
  };
  describe(ch.path, () => {
    it('starts at the first step with JavaScript on', async () => {
      const page = await open(ch.path);
      expect(await shown(page)).toBe(ch.steps[0]);
      await page.context().close();
    });

    it('scrolling to the second step changes the figure to that state', async () => {
      const page = await open(ch.path);
      const second = ch.steps[1] ?? '';
      await scrollToStep(page, second);
      await expect.poll(() => shown(page), { timeout: 5000 }).toBe(second);
      await expect.poll(() => marksMatchState(page, second), { timeout: 3000 }).toEqual([]);
      await page.context().close();
    });

    it('a deep link #<step> shows that state for every step', async () => {
      // Reduced motion: a figure with continuous motion (chapter 5) then holds its still,
      // so the marks can be compared with the state's geometry.
      const page = await open(ch.path, { reducedMotion: 'reduce' });
      // Step ids are the same in both languages: every step in German, two in English.
      for (const step of lang === 'de' ? ch.steps : ch.steps.slice(0, 2)) {
        await page.goto('about:blank');
        await page.goto(url(`${ch.path}#${step}`));
        await booted(page);
        await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
        expect(await shown(page), step).toBe(step);
        expect(await marksMatchState(page, step), step).toEqual([]);
        const inView = await page.evaluate((id) => {
          const r = document.getElementById(id)?.getBoundingClientRect();
          return !!r && r.top < innerHeight && r.bottom > 0;
        }, step);
        expect(inView, `${step} scrolled into view`).toBe(true);
      }
      await page.context().close();
    });

    it('the language switch lands on the twin page at the same step', async () => {
      const step = ch.steps[2] ?? ch.steps[0] ?? '';
      const page = await open(`${ch.path}#${step}`);
      await expect.poll(() => shown(page)).toBe(step);
      // Clicked where it is: Playwright's own scroll to the header would make the first step current.
      await page.locator('a.lang-switch').evaluate((a: HTMLAnchorElement) => a.click());
      await page.waitForURL((u) => !u.pathname.startsWith(`/${ch.lang}/`));
      expect(new URL(page.url()).hash).toBe(`#${step}`);
      await booted(page);
      expect(await shown(page)).toBe(step);
      expect(await page.locator('html').getAttribute('lang')).toBe(ch.lang === 'de' ? 'en' : 'de');
      await page.context().close();
    });

    machinery('keyboard: tabbing onto a step moves the figure to it', async () => {
      const page = await open(ch.path);
      const target = ch.steps[2] ?? '';
      let reached = '';
      for (let i = 0; i < 60 && reached !== target; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-step-id]')?.dataset.stepId ?? '');
      }
      expect(reached).toBe(target);
      await expect.poll(() => shown(page)).toBe(target);
      await page.context().close();
    });

    machinery('reduced motion: marks never move, they only fade out and in', async () => {
      const page = await open(ch.path, { reducedMotion: 'reduce' });
      // The first change between neighbouring steps that moves a visible mark (a change that
      // only fades marks in would prove nothing here); the figure starts at its first step.
      const [first, second] = await page.evaluate((ids) => {
        const payload = JSON.parse(document.querySelector('script[data-figure-states]')?.textContent ?? '{}');
        const wide = payload.layouts.wide as Record<string, Record<string, [Record<string, string | number>]>>;
        const geometry = /^(x|y|x1|x2|y1|y2|cx|cy|r|width|height|d)$/;
        for (let i = 0; i + 1 < ids.length; i++) {
          const from = wide[ids[i] ?? ''] ?? {};
          const to = wide[ids[i + 1] ?? ''] ?? {};
          const moves = Object.entries(to).some(([key, [attrs]]) => {
            const was = from[key]?.[0];
            // A mark drawn in both states (not one that only fades in from opacity 0).
            const shownIn = (m: Record<string, string | number> | undefined) => !!m && Number(m['opacity'] ?? 1) > 0;
            return shownIn(was) && shownIn(attrs) && Object.entries(attrs).some(([n, v]) => geometry.test(n) && String(was?.[n]) !== String(v));
          });
          if (moves) return [ids[i] ?? '', ids[i + 1] ?? ''];
        }
        return ['', ''];
      }, ch.steps);
      expect(second, 'some step change moves a mark').not.toBe('');
      if (first !== ch.steps[0]) {
        await page.goto(url(`${ch.path}#${first}`));
        await booted(page);
        await page.waitForFunction((id) => document.querySelector('figure-stage')?.getAttribute('data-shown') === id, first);
      }
      // Every frame of the change, each position and size is either where it was or where it goes.
      const moved = await page.evaluate(async (id) => {
        const stage = document.querySelector('figure-stage');
        const payload = JSON.parse(stage?.querySelector('script[data-figure-states]')?.textContent ?? '{}');
        const svg = [...(stage?.querySelectorAll<SVGSVGElement>('svg[data-layout]') ?? [])].find((s) => s.getBoundingClientRect().width > 0);
        const target = payload.layouts[svg?.dataset.layout ?? ''][id] as Record<string, [Record<string, string | number>]>;
        const marks = [...(svg?.querySelectorAll<SVGElement>('[data-key]') ?? [])];
        const geometry = (el: SVGElement) => el.getAttributeNames().filter((n) => /^(x|y|x1|x2|y1|y2|cx|cy|r|width|height|d)$/.test(n));
        const before = new Map(marks.map((el) => [el, Object.fromEntries(geometry(el).map((n) => [n, el.getAttribute(n) ?? '']))]));
        const wrong = new Set<string>();
        // The change must move something, or this test would prove nothing.
        let moving = 0;
        for (const el of marks) {
          const to = target[el.dataset.key ?? '']?.[0];
          if (to && el.getAttribute('opacity') !== '0') moving += geometry(el).filter((n) => to[n] !== undefined && String(to[n]) !== before.get(el)?.[n]).length;
        }
        if (!moving) return ['nothing moves in this change'];
        // Step on with the j key, as a reader would (a direct data-step write would count as a deep link's instant jump).
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
        const t0 = performance.now();
        while (performance.now() - t0 < 700) {
          await new Promise((r) => requestAnimationFrame(r));
          for (const el of marks) {
            const to = target[el.dataset.key ?? '']?.[0];
            if (!to) continue;
            for (const n of geometry(el)) {
              const v = el.getAttribute(n) ?? '';
              const start = before.get(el)?.[n] ?? '';
              const same = (a: string, b: string | number | undefined) => b === undefined || a === String(b) || Math.abs(Number(a) - Number(b)) <= 0.05;
              if (!same(v, to[n]) && !same(v, start)) wrong.add(`${el.dataset.key}.${n}`);
            }
          }
        }
        return stage?.getAttribute('data-shown') === id ? [...wrong] : [`${stage?.getAttribute('data-shown')} shown, not ${id}`];
      }, second);
      expect(moved).toEqual([]);
      expect(await marksMatchState(page, second)).toEqual([]);
      await page.context().close();
    });

    it('on a phone the figure stays pinned above the active step, never over its text', async () => {
      const page = await open(ch.path, { width: 375, height: 740 });
      const step = ch.steps[2] ?? '';
      // Just past the point where the step takes over: its text must be fully below the figure.
      await scrollToStep(page, step, 0.55);
      await expect.poll(() => shown(page), { timeout: 5000 }).toBe(step);
      const box = await page.evaluate((id) => {
        const g = document.querySelector('.scrolly__graphic')?.getBoundingClientRect();
        const card = document.getElementById(id)?.querySelector('.step__card')?.getBoundingClientRect();
        return { gTop: g?.top ?? -1, gBottom: g?.bottom ?? 0, cardTop: card?.top ?? 0, vh: innerHeight };
      }, step);
      expect(box.gTop).toBeLessThanOrEqual(1);
      expect(box.cardTop).toBeGreaterThanOrEqual(box.gBottom - 1);
      await page.context().close();
    });

    for (const [width, height, most] of [[375, 740, 0.4], [320, 568, 0.45]] as const) {
      it(`at ${width}×${height} the pinned figure takes at most ${most * 100} % of the screen, source and actions in one row`, async () => {
        const page = await open(`${ch.path}#${ch.steps[1]}`, { width, height });
        await scrollStopped(page);
        const m = await page.evaluate(() => {
          const g = document.querySelector('.scrolly__graphic') as HTMLElement;
          const r = g.getBoundingClientRect();
          const row = (sel: string) => document.querySelector(`.scrolly ${sel}`)?.getBoundingClientRect();
          const source = row('.fig__source');
          const share = row('.share__toggle');
          return { position: getComputedStyle(g).position, top: r.top, height: r.height, vh: innerHeight, sourceMid: source ? (source.top + source.bottom) / 2 : -1, shareTop: share?.top ?? -1, shareBottom: share?.bottom ?? -1 };
        });
        expect(m.position).toBe('sticky');
        expect(m.top).toBeLessThanOrEqual(1);
        expect(m.height / m.vh).toBeLessThanOrEqual(most);
        // One row: the share toggle sits on the source line's row.
        expect(m.sourceMid).toBeGreaterThan(m.shareTop);
        expect(m.sourceMid).toBeLessThan(m.shareBottom);
        await page.context().close();
      });
    }

    it('in phone landscape (844×390) the figure is not pinned: each step shows its own still', async () => {
      const page = await open(ch.path, { width: 844, height: 390 });
      const stills = await page.evaluate(() => ({
        position: getComputedStyle(document.querySelector('.scrolly__graphic') as Element).position,
        shown: [...document.querySelectorAll<HTMLElement>('[data-step-id]')].map((s) => {
          const still = s.querySelector<HTMLElement>('.step__still');
          const svg = [...(still?.querySelectorAll('svg') ?? [])].find((x) => x.getBoundingClientRect().height > 100);
          return `${s.dataset['stepId']}:${still?.dataset['still']}:${svg ? 'visible' : 'missing'}`;
        }),
      }));
      expect(stills.position).toBe('static');
      expect(stills.shown).toEqual(ch.steps.map((id) => `${id}:${id}:visible`));
      await page.context().close();
    });

    for (const [width, height] of [[375, 740], [1280, 800]] as const) {
      it(`a cold deep link at ${width} px lands with the step's heading fully in view, clear of the figure`, async () => {
        const step = ch.steps[3] ?? ch.steps.at(-1) ?? '';
        // A fresh context: nothing cached, fonts and styles arrive as on a first visit.
        const page = await open(`${ch.path}#${step}`, { width, height });
        await page.evaluate(() => document.fonts.ready);
        await scrollStopped(page);
        const m = await page.evaluate((id) => {
          const h = document.getElementById(id)?.querySelector('h2, h3')?.getBoundingClientRect();
          const g = document.querySelector('.scrolly__graphic') as HTMLElement;
          const gr = g.getBoundingClientRect();
          const coversTop = getComputedStyle(g).position === 'sticky' && gr.width > innerWidth * 0.8;
          return { top: h?.top ?? -1, bottom: h?.bottom ?? 1e9, clear: coversTop ? gr.bottom : 0, vh: innerHeight };
        }, step);
        expect(m.top).toBeGreaterThanOrEqual(m.clear);
        expect(m.bottom).toBeLessThanOrEqual(m.vh);
        expect(await shown(page)).toBe(step);
        await page.context().close();
      });
    }

    machinery('print shows every step with the still of its own state, and the screen gets its step back', async () => {
      const step = ch.steps[1] ?? '';
      const page = await open(`${ch.path}#${step}`);
      await expect.poll(() => shown(page)).toBe(step);
      expect(await page.locator('.step__still').count(), 'no stills in the page on screen').toBe(0);
      await page.emulateMedia({ media: 'print' });
      await expect.poll(() => page.locator('.step__still').count()).toBe(ch.steps.length);
      const printed = await page.evaluate(() => ({
        pinned: getComputedStyle(document.querySelector('.scrolly__graphic') as Element).position,
        stills: [...document.querySelectorAll<HTMLElement>('[data-step-id]')].map((s) => {
          const svg = [...(s.querySelector('.step__still')?.querySelectorAll('svg') ?? [])].find((x) => x.getBoundingClientRect().height > 50);
          return `${s.dataset['stepId']}:${s.querySelector<HTMLElement>('.step__still')?.dataset['still']}:${svg ? 'drawn' : 'not drawn'}`;
        }),
      }));
      expect(printed.pinned).toBe('static');
      expect(printed.stills).toEqual(ch.steps.map((id) => `${id}:${id}:drawn`));
      await page.emulateMedia({ media: 'screen' });
      await expect.poll(() => shown(page)).toBe(step);
      expect(await page.locator('.step__still:visible').count(), 'stills hidden on screen again').toBe(0);
      await page.context().close();
    });

    for (const width of [1280, 390]) {
      machinery(`at ${width} px, print while the fonts are still on their way: back on screen, the figure and the text are the step the reader left`, async () => {
        // CI's failure: the fonts arrived during print and moved the text, so the place kept
        // from before print showed the next step; and on the way back the browser re-anchors
        // the scroll (with scroll events) before the media query reports the change.
        const step = ch.steps[1] ?? '';
        const ctx = await browser.newContext({ viewport: { width, height: 800 } });
        const page = await ctx.newPage();
        let release = (): void => undefined;
        const fontsHeld = new Promise<void>((r) => (release = r));
        await page.route('**/*.woff2', async (route) => {
          await fontsHeld;
          await route.continue();
        });
        await page.goto(url(`${ch.path}#${step}`), { waitUntil: 'commit' });
        // Not booted(): that waits for the fonts, held back here until print has begun.
        await page.waitForFunction(() => document.querySelector('[data-scrolly-ready]') !== null);
        expect(await shown(page)).toBe(step);
        await page.emulateMedia({ media: 'print' });
        await expect.poll(() => page.locator('.step__still').count()).toBe(ch.steps.length);
        release();
        await page.evaluate(() => document.fonts.ready);
        await page.emulateMedia({ media: 'screen' });
        await scrollStopped(page);
        await expect.poll(() => shown(page)).toBe(step);
        await figureAgreesWithText(page);
        await ctx.close();
      });
    }

    for (const [width, height] of [[1280, 800], [390, 844]] as const) {
      const sync = (name: string, act: (page: Page) => Promise<void>): void =>
        machinery(`at ${width} px, after ${name}, the figure shows the step the reader sees`, async () => {
          const page = await open(ch.path, { width, height });
          await act(page);
          await figureAgreesWithText(page);
          await page.context().close();
        });
      sync('End', async (page) => {
        await pressTo(page, 'End');
        await expect.poll(() => shown(page)).toBe(ch.steps.at(-1));
      });
      sync('End, then Home', async (page) => {
        await pressTo(page, 'End');
        await pressTo(page, 'Home');
        await expect.poll(() => shown(page)).toBe(ch.steps[0]);
      });
      sync('an instant jump to the end and straight back', async (page) => {
        await page.evaluate(async () => {
          scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
          await new Promise((r) => requestAnimationFrame(r));
          scrollTo({ top: 0, behavior: 'instant' });
        });
        await expect.poll(() => shown(page)).toBe(ch.steps[0]);
      });
      sync('a fast wheel back up from the end', async (page) => {
        await pressTo(page, 'End');
        await page.mouse.move(200, height - 100);
        for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -3000);
      });
      sync('a resize during the key lock (j three times, then a rotation at once)', async (page) => {
        for (let i = 0; i < 3; i++) await page.keyboard.press('j');
        await page.setViewportSize({ width: height, height: width });
      });
      sync('a rotation there and back', async (page) => {
        await page.keyboard.press('j');
        await page.keyboard.press('j');
        await expect.poll(() => shown(page)).toBe(ch.steps[2]);
        await page.setViewportSize({ width: height, height: width });
        await figureAgreesWithText(page);
        await page.setViewportSize({ width, height });
      });
    }

    machinery('on a phone the active step’s marker and focus ring pass under the pinned figure', async () => {
      const page = await open(ch.path, { width: 375, height: 740 });
      const step = ch.steps[1] ?? '';
      await page.keyboard.press('Tab');
      // The focused, active step scrolled so its top runs 120 px under the panel.
      await page.evaluate((id) => {
        const s = document.getElementById(id) as HTMLElement;
        s.focus({ preventScroll: true });
        const panel = (document.querySelector('.scrolly__graphic') as HTMLElement).getBoundingClientRect();
        // Once pinned, the panel's top is 0 and its bottom is its height.
        scrollBy({ top: (s.querySelector('.step__card') as HTMLElement).getBoundingClientRect().top - (panel.height - 120), behavior: 'instant' });
      }, step);
      await scrollStopped(page);
      await expect.poll(() => shown(page)).toBe(step);
      const over = await page.evaluate((id) => {
        const panel = (document.querySelector('.scrolly__graphic') as HTMLElement).getBoundingClientRect();
        const card = (document.getElementById(id)?.querySelector('.step__card') as HTMLElement).getBoundingClientRect();
        // Where the marker (left of the card) and the ring (just outside it) would be drawn, inside the panel.
        return [card.left - 12, card.left - 4, card.right + 4].map((x) => {
          const hit = document.elementFromPoint(x, panel.bottom - 30);
          return hit?.closest('.scrolly__graphic') ? 'panel' : `${hit?.tagName.toLowerCase()}.${hit?.className}`;
        });
      }, step);
      expect(over).toEqual(['panel', 'panel', 'panel']);
      await page.context().close();
    });

    machinery('a key event dispatched on document moves the figure and throws nothing', async () => {
      const page = await open(ch.path);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true })));
      await expect.poll(() => shown(page)).toBe(ch.steps[1]);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    machinery('the address follows the active step, without a history entry per step', async () => {
      const page = await open(ch.path);
      const entries = await page.evaluate(() => history.length);
      for (const step of ch.steps.slice(1, 3)) {
        await scrollToStep(page, step);
        await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).toBe(`#${step}`);
      }
      expect(await page.evaluate(() => history.length)).toBe(entries);
      await page.context().close();
    });

    machinery('j and k move one step forward and back', async () => {
      const page = await open(ch.path);
      await page.keyboard.press('j');
      await expect.poll(() => shown(page)).toBe(ch.steps[1]);
      await page.keyboard.press('j');
      await expect.poll(() => shown(page)).toBe(ch.steps[2]);
      await page.keyboard.press('k');
      await expect.poll(() => shown(page)).toBe(ch.steps[1]);
      // While a step has focus, the arrow keys move too.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => shown(page)).toBe(ch.steps[2]);
      await page.context().close();
    });

    machinery('"link to this step" copies the address of the current step', async () => {
      const step = ch.steps[1] ?? '';
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url('/')).origin });
      const page = await ctx.newPage();
      await page.goto(url(`${ch.path}#${step}`));
      await booted(page);
      await page.locator('button[data-step-link]').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url(`${ch.path}#${step}`));
      expect(await page.locator('[data-step-link-status]').textContent()).not.toBe('');
      await ctx.close();
    });

    machinery('keeps working after a resize from desktop to phone width', async () => {
      const page = await open(ch.path);
      await page.setViewportSize({ width: 390, height: 844 });
      const last = ch.steps.at(-1) ?? '';
      await scrollToStep(page, last);
      await expect.poll(() => shown(page), { timeout: 5000 }).toBe(last);
      await page.context().close();
    });
  });
}

if (lang === 'de') describe('bad fragments', () => {
  const ch = chapters[0];
  for (const hash of ['#no-such-step', '#%E0%A4%A', '#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E']) {
    it(`${hash} falls back to the first state without errors`, async () => {
      const errors: string[] = [];
      const page = await (await browser.newContext()).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(url(`${ch?.path}${hash}`));
      await booted(page);
      await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
      expect(await shown(page)).toBe(ch?.steps[0]);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
}
