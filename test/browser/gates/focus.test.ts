import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, builtChapters, builtPages, launch, url } from '../support';

/**
 * Focus: Tab reaches every interactive element of every page (disclosures opened),
 * each shows a visible focus indicator (WCAG 2.4.7) and is not hidden behind other
 * content such as the pinned figure (2.4.11, Focus Not Obscured). Desktop width for
 * every page, plus phone width for chapters, where the figure is pinned on top.
 */
let browser: Browser;
let shared: Page;
beforeAll(async () => {
  browser = await launch();
  // One page for every check: only the viewport changes between them.
  shared = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const pages = builtPages().map((p) => (p === '/404.html' ? '/no-such-page/' : p));
const chapters = builtChapters().map((c) => c.path);

interface Stop {
  /** A readable selector-ish name of the focused element. */
  name: string;
  /** Index in the list of focusable elements (-1: not in that list). */
  index: number;
  /** Inside the part of the page being judged. */
  inScope: boolean;
  problem: string;
}

/** Marks every focusable element with data-focus-index and returns how many there are. */
async function markFocusable(page: Page): Promise<number> {
  return page.evaluate(() => {
    // Frames are left out: focus goes straight into their document (embed pages are checked on their own).
    const sel = 'a[href], button, input, select, textarea, summary, [tabindex]:not(iframe), [contenteditable="true"], audio[controls], video[controls]';
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      el.removeAttribute('data-focus-index');
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) continue;
      if (el.closest('[inert], [hidden]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // Inside a closed <details> only its own summary can take focus (also for a disclosure
      // nested in a closed one, such as the share menu's list of states).
      let hidden = false;
      for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) {
        if (!d.open && !(el.tagName === 'SUMMARY' && el.parentElement === d)) hidden = true;
      }
      if (hidden) continue;
      if (el.tagName === 'SUMMARY' && el.parentElement?.tagName === 'DETAILS' && el.parentElement.querySelector(':scope > summary') !== el) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0 && el.getClientRects().length === 0) continue;
      el.dataset['focusIndex'] = String(n++);
    }
    return n;
  });
}

/**
 * Installs the checker: on every Tab keyup (focus has moved and the browser has scrolled it
 * into view by then) it judges the element that has focus: a visible indicator, not covered
 * by other content, really on screen. Results pile up in window.__stops, so tabbing costs
 * one key press per stop and no round trip.
 */
async function installChecker(page: Page, scope: string | null): Promise<void> {
  await page.evaluate((within) => {
    const w = window as unknown as { __stops: (object | null)[]; __onTabUp?: (e: KeyboardEvent) => void };
    w.__stops = [];
    if (w.__onTabUp) removeEventListener('keyup', w.__onTabUp, true);
    const check = () => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el === document.documentElement) return null;
      const judged = !within || !!el.closest(within);
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''}`;
      const index = Number(el.dataset['focusIndex'] ?? -1);
      if (el.tagName === 'IFRAME' || !judged) return { name, index, problem: '', inScope: judged };
      const problems: string[] = [];
      if (!el.matches(':focus-visible')) problems.push('does not match :focus-visible');
      const transparent = (c: string) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
      const indicated = (node: Element): boolean => {
        const s = getComputedStyle(node);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !transparent(s.outlineColor);
        return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
      };
      // The ring may be drawn on the element or on the box that fills it (a step draws it on its card).
      const boxes = [el, ...[...el.children].flatMap((c) => [c, ...c.children])].slice(0, 30);
      if (!boxes.some(indicated)) {
        const s = getComputedStyle(el);
        problems.push(`no focus indicator (outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}, box-shadow ${s.boxShadow})`);
      }
      // 2.4.11: some part of the element must be visible, not covered by other content.
      const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (!rects.length) problems.push('has no box');
      else {
        let seen = false;
        for (const r of rects) {
          for (const [fx, fy] of [[0.5, 0.5], [0.1, 0.5], [0.9, 0.5], [0.5, 0.15], [0.5, 0.85]] as const) {
            const x = r.left + r.width * fx;
            const y = r.top + r.height * fy;
            if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
            const hit = document.elementFromPoint(x, y);
            if (hit && (hit === el || el.contains(hit) || hit.contains(el))) seen = true;
            // An open disclosure may cover its own summary (Escape closes it: allowed by 2.4.11).
            if (hit && el.tagName === 'SUMMARY' && el.parentElement?.contains(hit)) seen = true;
          }
        }
        if (!seen) {
          const r = rects[0];
          const cover = r ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
          const at = (b: DOMRect | undefined) => (b ? `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}` : '');
          problems.push(`is hidden on screen at ${at(r)} (covered by ${cover ? `${cover.tagName.toLowerCase()}.${String(cover.getAttribute('class') ?? '').split(' ')[0]} at ${at(cover.getBoundingClientRect())}` : 'nothing: off screen'})`);
        }
      }
      return { name, index, problem: problems.join('; '), inScope: judged };
    };
    w.__onTabUp = (e: KeyboardEvent) => {
      if (e.key === 'Tab') w.__stops.push(check());
    };
    addEventListener('keyup', w.__onTabUp, true);
  }, scope);
}

/**
 * Tabs through the page from the top; returns the problems and the focusable elements
 * never reached. With `menus`, the share menus are open and only what is inside them is
 * judged (an open menu may cover the text behind it: Escape closes it, which WCAG 2.4.11
 * allows); without, every other disclosure is open and the menus are closed.
 */
async function tabThrough(page: Page, menus = false): Promise<{ problems: string[]; unreached: string[]; stops: number }> {
  await page.evaluate(async (openMenus) => {
    // Data tables inside a pinned figure are left closed: opened, they would make it taller than the screen.
    // Resolves once every disclosure that changed has had its toggle event (the page's handlers ran).
    const toggled: Promise<unknown>[] = [];
    for (const d of document.querySelectorAll('details')) {
      const open = d.matches('[data-share]') ? openMenus : !openMenus && !d.closest('.scrolly__graphic');
      if (d.open === open) continue;
      toggled.push(new Promise((resolve) => d.addEventListener('toggle', resolve, { once: true })));
      d.open = open;
    }
    await Promise.all(toggled);
  }, menus);
  // Wait for what opening does, not for a while: an open menu builds its preview frame, and the
  // frame's document (Tab walks through it) must be there before the stops are counted.
  await page.waitForFunction(
    (openMenus) =>
      !openMenus ||
      [...document.querySelectorAll<HTMLDetailsElement>('details[data-share]')].every((d) => {
        const frame = d.querySelector<HTMLIFrameElement>('[data-share-preview] iframe');
        return d.open && frame?.contentDocument?.readyState === 'complete' && frame.contentDocument.querySelector('figure-stage') !== null;
      }),
    menus,
  );
  const total = await markFocusable(page);
  let presses = total + 4;
  if (menus) {
    // Start just before the first menu: Tab once (keyboard modality), then put focus there.
    await page.keyboard.press('Tab');
    presses = await page.evaluate(() => {
      const first = document.querySelector<HTMLElement>('details[data-share] > summary');
      const all = [...document.querySelectorAll<HTMLElement>('[data-focus-index]')];
      const before = all[all.indexOf(first as HTMLElement) - 1] ?? first;
      before?.focus();
      // The menus' own controls, the preview frame's document (~10 stops) and a few beyond.
      return document.querySelectorAll('details[data-share] [data-focus-index]').length + 20;
    });
  } else {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      scrollTo(0, 0);
    });
  }
  await installChecker(page, menus ? 'details[data-share]' : null);
  if (menus) {
    // Tab until focus has left the last menu (after its last control), however many stops
    // the preview frame adds; `presses` only bounds a run that never gets there.
    const lastInMenus = await page.evaluate(() => {
      const inMenus = [...document.querySelectorAll<HTMLElement>('details[data-share] [data-focus-index]')];
      return Number(inMenus.at(-1)?.dataset['focusIndex'] ?? -1);
    });
    let passedLast = false;
    for (let i = 0; i < presses * 3; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { index: Number(el?.dataset['focusIndex'] ?? -1), inMenus: !!el?.closest('details[data-share]') || el?.tagName === 'IFRAME' };
      });
      if (at.index === lastInMenus) passedLast = true;
      else if (passedLast && !at.inMenus) break;
    }
  } else {
    for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
  }
  const stops = (await page.evaluate(() => (window as unknown as { __stops: (Stop | null)[] }).__stops)) ?? [];

  const reached = new Set<number>();
  const problems: string[] = [];
  let leftMenus = 0;
  for (const stop of stops) {
    if (!stop) {
      if (reached.size) break; // past the last element: focus went to the browser
      continue;
    }
    if (stop.name.startsWith('iframe')) {
      // Focus moves through the framed document (an embed page, checked on its own).
      if (stop.index >= 0) reached.add(stop.index);
      continue;
    }
    if (stop.index >= 0 && reached.has(stop.index)) break; // wrapped to the start
    if (menus && !stop.inScope && reached.size > 1 && ++leftMenus > 2) break; // past the last menu
    if (stop.index >= 0) reached.add(stop.index);
    if (stop.problem) problems.push(`${stop.name}: ${stop.problem}`);
  }
  const unreached = await page.evaluate(
    ([got, scope]) =>
      [...document.querySelectorAll<HTMLElement>('[data-focus-index]')]
        .filter((el) => !got.includes(Number(el.dataset['focusIndex'])) && (!scope || el.closest(scope)))
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ')[0]}`),
    [[...reached], menus ? 'details[data-share]' : ''] as const,
  );
  return { problems, unreached, stops: reached.size };
}

describe('focus', () => {
  it('self-check: an element whose outline is removed, and one under a fixed banner, are reported', async () => {
    const page = await (await browser.newContext({ viewport: { width: 800, height: 600 } })).newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><body style="margin:0"><div style="position:fixed;top:0;left:0;right:0;height:300px;background:#fff;z-index:2">banner</div>' +
        '<style>a:focus-visible{outline:3px solid blue} .bare:focus{outline:none}</style>' +
        '<p style="margin-top:400px"><a href="#a">fine</a> <a class="bare" href="#b">bare</a></p><div style="height:2000px"></div>' +
        '<p style="position:absolute;top:100px;left:10px;z-index:1"><a href="#c">hidden</a></p><button hidden>x</button></body></html>',
    );
    const { problems, unreached, stops } = await tabThrough(page);
    expect(stops).toBe(3);
    expect(unreached).toEqual([]);
    expect(problems.some((p) => p.includes('bare') && p.includes('no focus indicator'))).toBe(true);
    expect(problems.some((p) => p.includes('#c') && p.includes('hidden on screen'))).toBe(true);
    expect(problems.some((p) => p.includes('#a'))).toBe(false);
    await page.context().close();
  });

  const runs = [
    ...pages.map((path) => ({ path, width: 1280, height: 900 })),
    ...chapters.map((path) => ({ path, width: 375, height: 740 })),
  ];
  for (const { path, width, height } of runs) {
    it(`${path} at ${width} px: Tab reaches every interactive element, focus is visible and not hidden`, async () => {
      const page = shared;
      await page.setViewportSize({ width, height });
      await page.goto(url(path));
      await booted(page);
      // Transitions (even the ~0 s ones under reduced motion) would leave boxes mid-way when measured.
      await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
      if (await page.locator('figure-stage').count()) await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
      const { problems, unreached, stops } = await tabThrough(page);
      expect(stops).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(unreached).toEqual([]);
      if (width > 400 && (await page.locator('details[data-share]').count())) {
        const menu = await tabThrough(page, true);
        expect(menu.problems, 'inside the share menu').toEqual([]);
        expect(menu.unreached, 'inside the share menu').toEqual([]);
      }
    });
  }
});
