import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, builtChapters, builtPages, launch, url } from './support';

/** Every page at 320 px: no sideways scrolling; and no request ever leaves the site. Then the reading details: the 404 page by language, figure text size on phones and desktops, the pinned panel's size and which drawing it shows, the figure's share of its column, source markers and the source line, the phone contents list, the data table toggle, glossary popovers. */
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
      await booted(page);
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
      await booted(page);
      expect(res?.status(), path).toBe(404);
      await expect.poll(() => page.locator('html').getAttribute('lang'), { message: path }).toBe(lang);
      expect(await page.locator('h1').textContent(), path).toBe(title);
      await page.context().close();
    }
  });

  // Phones (the pinned top panel) and a desktop (pinned beside the text): the figure's
  // smallest text, as drawn on screen (font size × the SVG's scale), in every state.
  for (const [width, height] of [[320, 568], [375, 667], [375, 740], [1280, 800]] as const) {
    it(`figure text is at least 12 CSS px at ${width}×${height}, in every state of every chapter`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' })).newPage();
      const small: string[] = [];
      for (const c of chapters) {
        await page.goto(url(c.path));
        await booted(page);
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
  }

  /** The pinned figure's boxes once a step is active: panel, frame, drawing, and which drawing shows. */
  async function pinned(width: number, height: number, path: string) {
    const page = await (await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' })).newPage();
    await page.goto(url(path));
    await booted(page);
    await page.waitForFunction(() => document.querySelector('[data-scrolly-ready]') !== null && document.querySelector('figure-stage')?.hasAttribute('data-shown'));
    await page.evaluate(() => document.querySelectorAll('.step')[1]?.scrollIntoView({ block: 'center', behavior: 'instant' }));
    // Pinned once the graphic column sits at the top of the screen.
    await page.waitForFunction(() => Math.abs(document.querySelector('.scrolly__graphic')?.getBoundingClientRect().top ?? 99) < 1);
    const m = await page.evaluate(() => {
      const box = (el: Element | null | undefined) => el?.getBoundingClientRect().toJSON() as DOMRect;
      const svgs = [...document.querySelectorAll<SVGSVGElement>('.scrolly__graphic svg[data-layout]')];
      const svg = svgs.find((s) => s.getBoundingClientRect().width > 0);
      return {
        layout: getComputedStyle(document.querySelector('.scrolly') as Element).getPropertyValue('--scrolly-layout').trim(),
        graphic: box(document.querySelector('.scrolly__graphic')),
        frame: box(document.querySelector('.scrolly__graphic .fig-frame')),
        svg: box(svg),
        shown: svgs.filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.dataset['layout']),
        vh: innerHeight,
      };
    });
    await page.context().close();
    return m;
  }

  for (const [width, height, most] of [[320, 568, 0.45], [360, 640, 0.4], [375, 667, 0.4], [375, 740, 0.4], [390, 844, 0.4], [412, 915, 0.4]] as const) {
    it(`at ${width}×${height} the pinned panel takes at most ${most * 100} % of the screen and its drawing box is at least 288×200 px`, async () => {
      const m = await pinned(width, height, ch?.path ?? '/');
      expect(m.layout).toBe('top');
      expect(m.graphic.height / m.vh).toBeLessThanOrEqual(most + 0.001);
      // The narrow drawing is 288 × 200 units: a box this big never scales it below 1.
      expect(m.shown).toEqual(['narrow']);
      expect(m.svg.width).toBeGreaterThanOrEqual(288);
      expect(m.svg.height).toBeGreaterThanOrEqual(200 - 0.5);
    });
  }

  it('a tablet held upright (768×1024) pins the figure on top and shows the narrow drawing, the wide one at width 0', async () => {
    const m = await pinned(768, 1024, ch?.path ?? '/');
    expect(m.layout).toBe('top');
    expect(m.shown).toEqual(['narrow']);
  });

  it('turning a tablet from landscape (wide drawing beside the text) to upright brings the narrow drawing up in the same state', async () => {
    const step = ch?.steps[2] ?? '';
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' })).newPage();
    await page.goto(url(ch?.path ?? '/'));
    await booted(page);
    await page.waitForFunction(() => document.querySelector('[data-scrolly-ready]') !== null && document.querySelector('figure-stage')?.hasAttribute('data-shown'));
    // Scrolled to the step once the page has been drawn, so the stage knows the narrow view is hidden and leaves it behind.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'center', behavior: 'instant' }), step);
    await page.waitForFunction((id) => document.querySelector('figure-stage')?.getAttribute('data-shown') === id, step);
    await page.setViewportSize({ width: 768, height: 1024 });
    // The narrow view, hidden until now, catches up with the state shown: its marks are the state's.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const stage = document.querySelector('figure-stage') as HTMLElement;
          const svg = stage.querySelector<SVGSVGElement>('svg[data-layout="narrow"]');
          if (!svg || svg.getBoundingClientRect().width === 0) return ['narrow not shown'];
          const payload = JSON.parse(stage.querySelector('script[data-figure-states]')?.textContent ?? '{}');
          const target = payload.layouts.narrow[stage.dataset['shown'] ?? ''] as Record<string, [Record<string, string | number>]>;
          const wrong: string[] = [];
          for (const el of svg.querySelectorAll<SVGElement>('[data-key]')) {
            const entry = target[el.dataset['key'] ?? ''];
            if (!entry) {
              if (Number(el.getAttribute('opacity') ?? 1) > 0.01) wrong.push(`${el.dataset['key']} shown`);
              continue;
            }
            for (const [name, v] of Object.entries(entry[0])) if (el.getAttribute(name) !== String(v)) wrong.push(`${el.dataset['key']} ${name}`);
          }
          return wrong;
        }),
      )
      .toEqual([]);
    expect(await page.locator('figure-stage').getAttribute('data-shown')).toBe(step);
    await page.context().close();
  });

  for (const [width, height] of [[1280, 800], [1440, 900]] as const) {
    it(`at ${width}×${height} the figure fills at least 70 % of its pinned column, in every chapter`, async () => {
      const shares: string[] = [];
      for (const c of chapters) {
        const m = await pinned(width, height, c.path);
        expect(m.layout, c.path).toBe('side');
        expect(m.shown, c.path).toEqual(['wide']);
        const share = (m.frame.width * m.frame.height) / (m.graphic.width * m.graphic.height);
        if (share < 0.7) shares.push(`${c.path}: ${Math.round(share * 100)} %`);
      }
      expect(shares).toEqual([]);
    });
  }

  // Beside the text the drawing and the strip below it are centred in the column. The place is
  // computed from the drawing's box alone: the source line and the actions are parsed after the
  // drawing (its states' JSON comes between), and a step's source line may wrap to more lines than
  // another's. Centring by the frame's content moved the painted drawing when they arrived (CLS
  // 0.001-0.006 on desktop) and again on a deep link. Here: take them away, or show any state's
  // line, and the drawing stays put; with them the strip stays on screen, the block near centre.
  for (const [width, height] of [[900, 700], [1100, 680], [1280, 720], [1280, 800], [1920, 1080]] as const) {
    it(`at ${width}×${height} the pinned drawing's place depends on nothing below it, and its source line and actions stay on screen, in every chapter`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' })).newPage();
      const wrong: string[] = [];
      for (const c of chapters) {
        await page.goto(url(c.path));
        await booted(page);
        await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
        await page.evaluate(() => document.querySelectorAll('.step')[1]?.scrollIntoView({ block: 'center', behavior: 'instant' }));
        await page.waitForFunction(() => Math.abs(document.querySelector('.scrolly__graphic')?.getBoundingClientRect().top ?? 99) < 1);
        const r = await page.evaluate(async (states) => {
          const frame = document.querySelector<HTMLElement>('.scrolly__graphic .fig-frame');
          const stage = frame?.querySelector<HTMLElement>('figure-stage');
          const foot = [frame?.querySelector<HTMLElement>('.fig__source'), frame?.querySelector<HTMLElement>('.fig__actions')];
          if (!frame || !stage || !foot[0] || !foot[1]) return { problem: 'no pinned figure with a source line and actions' };
          const svg = () => [...frame.querySelectorAll('svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0)?.getBoundingClientRect();
          const at = (b: DOMRect | undefined) => (b ? `${Math.round(b.top)}/${Math.round(b.height)}` : 'none');
          const first = at(svg());
          const moved: string[] = [];
          const lows: number[] = [];
          for (const st of states) {
            stage.setAttribute('data-step', st);
            while (stage.getAttribute('data-shown') !== st) await new Promise((res) => requestAnimationFrame(res));
            if (at(svg()) !== first) moved.push(`${st}: ${at(svg())}`);
            lows.push(foot[1]!.getBoundingClientRect().bottom);
          }
          for (const el of foot) el!.style.display = 'none';
          const bare = at(svg());
          for (const el of foot) el!.style.display = '';
          const top = svg()?.top ?? 0;
          return { first, bare, moved, top, bottom: Math.max(...lows), vh: innerHeight };
        }, c.steps);
        if ('problem' in r) {
          wrong.push(`${c.path}: ${r.problem}`);
          continue;
        }
        if (r.bare !== r.first) wrong.push(`${c.path}: the drawing at ${r.first} moves to ${r.bare} without the source line and actions`);
        if (r.moved.length) wrong.push(`${c.path}: the drawing at ${r.first} moves in states ${r.moved.join(', ')}`);
        if (r.bottom > r.vh) wrong.push(`${c.path}: the actions end at ${Math.round(r.bottom)} px, below the screen (${r.vh})`);
        // Near centre: the space above the drawing and below the actions differ by less than a line of buttons.
        if (Math.abs(r.top - (r.vh - r.bottom)) > 60) wrong.push(`${c.path}: ${Math.round(r.top)} px above, ${Math.round(r.vh - r.bottom)} px below`);
      }
      expect(wrong.join('\n')).toBe('');
      await page.context().close();
    });
  }

  it('source markers are numbered in order of first citation, each names its source and leads to its numbered entry', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    for (const c of chapters) {
      await page.goto(url(c.path));
      await booted(page);
      const markers = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('.scrolly sup.src > a')].map((a) => {
          const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
          const list = target?.parentElement;
          return {
            text: a.textContent?.trim() ?? '',
            hash: a.hash,
            name: a.getAttribute('aria-label') ?? '',
            targetTag: target?.localName ?? '',
            // The entry's number as the list shows it (an <ol> counts from 1).
            entry: list?.localName === 'ol' ? [...list.children].indexOf(target as Element) + 1 : 0,
            kind: target?.querySelector('[data-kind]')?.getAttribute('data-kind') ?? '',
            kindLabel: target?.querySelector('[data-kind]')?.textContent?.trim() ?? '',
          };
        }),
      );
      if (markers.length === 0) problems.push(`${c.path}: no markers`);
      const numbers = new Map<string, number>();
      for (const m of markers) {
        const n = Number(m.text);
        const expected = numbers.get(m.hash) ?? numbers.size + 1;
        numbers.set(m.hash, expected);
        if (n !== expected) problems.push(`${c.path} ${m.hash}: numbered ${m.text}, expected ${expected}`);
        if (m.targetTag !== 'li' || m.entry !== n) problems.push(`${c.path} ${m.hash}: leads to ${m.targetTag || 'nothing'} number ${m.entry}, not entry ${n}`);
        if (!new RegExp(`^(Quelle|Source) ${n}: \\S`).test(m.name)) problems.push(`${c.path} ${m.hash}: accessible name "${m.name}"`);
        if (m.kind && m.kind !== 'article' && !m.name.includes(`(${m.kindLabel})`)) problems.push(`${c.path} ${m.hash}: name does not say "${m.kindLabel}"`);
      }
    }
    expect(problems).toEqual([]);
    // Keyboard focus shows on the marker.
    await page.goto(url(ch?.path ?? '/'));
    await booted(page);
    await page.keyboard.press('Tab');
    await page.locator('.scrolly sup.src > a').first().focus();
    const ring = await page.locator('.scrolly sup.src > a').first().evaluate((a) => ({ visible: a.matches(':focus-visible'), style: getComputedStyle(a).outlineStyle, width: parseFloat(getComputedStyle(a).outlineWidth) }));
    expect(ring.visible).toBe(true);
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('the source line names the sources of the state shown: one line visible, the one for that state', async () => {
    const page = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
    const wrong: string[] = [];
    for (const c of chapters) {
      await page.goto(url(c.path));
      await booted(page);
      await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
      // Every state has exactly one line.
      const lines = await page.locator('.scrolly [data-source-states]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-states')?.split(' ') ?? []));
      for (const st of c.steps) if (lines.filter((l) => l.includes(st)).length !== 1) wrong.push(`${c.path}: ${st} is on ${lines.filter((l) => l.includes(st)).length} lines`);
      for (const st of [...c.steps].reverse()) {
        const visible = await page.evaluate(async (state) => {
          const stage = document.querySelector('figure-stage') as HTMLElement;
          stage.setAttribute('data-step', state);
          while (stage.getAttribute('data-shown') !== state) await new Promise((r) => requestAnimationFrame(r));
          return [...document.querySelectorAll<HTMLElement>('.scrolly [data-source-states]')].filter((e) => e.checkVisibility({ visibilityProperty: true })).map((e) => e.dataset['sourceStates'] ?? '');
        }, st);
        if (visible.length !== 1 || !visible[0]?.split(' ').includes(st)) wrong.push(`${c.path}#${st}: visible lines ${JSON.stringify(visible)}`);
      }
    }
    expect(wrong).toEqual([]);
    await page.context().close();
  });

  it('on a phone the contents list shows every title on one line, and the reading hint names no keys', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(url(ch?.path ?? '/'));
    await booted(page);
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
    await booted(page);
    expect(await page.locator('.data-table summary').evaluate((s) => getComputedStyle(s).display)).toBe('list-item');
    await page.context().close();
  });

  for (const [width, height] of [[375, 740], [1280, 800]] as const) {
    it(`at ${width} px a glossary popover opens at its term, not in the middle of the screen`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
      await page.goto(url(ch?.path ?? '/'));
      await booted(page);
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
