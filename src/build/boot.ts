/**
 * The one script a story page starts with. src/build/first-paint.ts transpiles this file and
 * writes it, inline, at the top of the <head> of every page that asks for it (Base.astro's
 * `data-gg-boot` marker), with the page's module scripts in `data-modules`; the build's
 * Content-Security-Policy allows it by its hash (src/build/csp-hashes.ts).
 *
 * Why: the first screen is text and a static SVG, all in the HTML. Fonts and scripts only
 * change how it looks (a metric-matched fallback face stands in for each web font, so the swap
 * moves nothing) and what it does. Fetched before the first paint, they share the slow network
 * with the HTML and hold the paint back; fetched after it, they do not.
 *
 * What it does:
 *   1. On a first visit in this tab, `data-fonts="later"` on <html>: the stylesheet then sets
 *      text in the fallback faces only, so no web font is requested for the first paint.
 *      Once this tab has loaded them (sessionStorage), they are in the cache and used at once.
 *   2. When the document is parsed and its first contentful paint is on the screen: load the page's web fonts
 *      and, when they are ready, drop `data-fonts` if that moves nothing on screen (trySwap), else
 *      when the page is hidden or printed, or never (the next page starts in them); and
 *      import the page's module scripts, fetched together, run one after another in page order.
 *      When both are done, `data-booted` on <html> says so (the tests wait for it), and
 *      `data-fonts` is gone or says the page kept the fallback faces.
 *   3. A page that is not visible (a background tab, a prerender) paints no frame: it starts at once.
 *
 * Without JavaScript none of this runs: no `data-fonts`, so the stylesheet asks for the web fonts
 * as usual (font-display: swap), and the page works without its scripts.
 */
(() => {
  const d = document;
  const root = d.documentElement;
  const FLAG = 'gg-fonts';

  let list: unknown = [];
  try {
    list = JSON.parse(d.currentScript?.getAttribute('data-modules') ?? '[]');
  } catch {
    list = [];
  }
  const modules = Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : [];

  let cached = false;
  try {
    cached = sessionStorage.getItem(FLAG) === '1';
  } catch {
    // Storage blocked (a sandboxed frame, strict privacy settings): treat every visit as the first.
  }
  if (!cached) root.setAttribute('data-fonts', 'later');

  /**
   * How far the switch to the web fonts would shift what is on screen, scored as Chromium scores
   * a layout shift: the share of the viewport that moves (elements and text runs whose start moves
   * 3 px or more, each counted once with what moves inside it; not the marks inside an SVG, nor
   * what is not painted) times the longest move over the viewport's longer side. The switch is made
   * and measured in one task, so no frame ever shows it; it stays made only if the score is below
   * 0.0004 (it rounds to 0.000 with room to spare).
   */
  const trySwap = (): boolean => {
    const vw = innerWidth;
    const vh = innerHeight;
    const seen = (r: DOMRect): boolean => r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw;
    const els = Array.from(d.body.getElementsByTagName('*'));
    const before = els.map((e) => e.getBoundingClientRect());
    // Chromium also tracks each text node: it has moved when the point where it starts moves (a
    // run after a line that rewraps, while its paragraph stays), and then all of it counts, every
    // line it spans, across the whole width of its lines (its block's). Only the text of elements
    // on screen is measured.
    const range = d.createRange();
    type Place = { start: DOMRect; box: DOMRect };
    const blocks = new Map<Element, Element>();
    const blockOf = (el: Element): Element => {
      let b = blocks.get(el);
      if (!b) {
        b = el;
        while (b.parentElement && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
        blocks.set(el, b);
      }
      return b;
    };
    const textPlace = (t: Text): Place | undefined => {
      range.selectNodeContents(t);
      const start = range.getClientRects()[0];
      if (!start) return undefined;
      const lines = range.getBoundingClientRect();
      const block = blockOf(t.parentElement as Element).getBoundingClientRect();
      return { start, box: new DOMRect(block.left, lines.top, block.width, lines.height) };
    };
    const texts: Text[] = [];
    els.forEach((el, i) => {
      if (!seen(before[i] as DOMRect) || el.closest('svg')) return;
      for (const n of Array.from(el.childNodes)) if (n.nodeType === 3 && n.textContent?.trim()) texts.push(n as Text);
    });
    const textsBefore = texts.map(textPlace);
    root.removeAttribute('data-fonts');
    const after = els.map((e) => e.getBoundingClientRect());
    const textsAfter = texts.map(textPlace);
    const moved = new Set<Node>();
    let area = 0;
    let longest = 0;
    const add = (node: Node, was: Place | undefined, now: Place | undefined): void => {
      if (!was || !now) return;
      const move = Math.max(Math.abs(now.start.left - was.start.left), Math.abs(now.start.top - was.start.top));
      const a = was.box;
      const b = now.box;
      if (move < 3 || !(a.width * a.height || b.width * b.height)) return;
      const top = Math.max(0, Math.min(a.top, b.top));
      const bottom = Math.min(vh, Math.max(a.bottom, b.bottom));
      const left = Math.max(0, Math.min(a.left, b.left));
      const right = Math.min(vw, Math.max(a.right, b.right));
      if (bottom <= top || right <= left) return;
      moved.add(node);
      for (let up = node.parentElement; up; up = up.parentElement) if (moved.has(up)) return;
      area += (bottom - top) * (right - left);
      longest = Math.max(longest, move);
    };
    els.forEach((el, i) => {
      // Not the marks inside an SVG (Chromium does not track them), nor what is not painted.
      if (el.parentElement?.closest('svg')) return;
      if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return;
      const a = before[i];
      const b = after[i];
      if (a && b) add(el, { start: a, box: a }, { start: b, box: b });
    });
    texts.forEach((t, i) => add(t, textsBefore[i], textsAfter[i]));
    const score = Math.min(1, area / (vw * vh)) * (longest / Math.max(vw, vh));
    // Kept below 0.0004, a margin under what rounds to 0.000: this is an estimate of Chromium's score.
    if (score >= 0.0004) root.setAttribute('data-fonts', 'later');
    return score < 0.0004;
  };

  const fonts = async (): Promise<void> => {
    if (!root.hasAttribute('data-fonts')) return;
    // The web fonts the stylesheet declares; not the metric-matched local() faces ("… Fallback",
    // src/type/webfonts.ts), which a device may lack and which load when used anyway.
    const web = Array.from(d.fonts).filter((face) => !/ Fallback["']?$/.test(face.family));
    const results = await Promise.allSettled(web.map((face) => face.load()));
    if (results.every((r) => r.status === 'fulfilled')) {
      try {
        sessionStorage.setItem(FLAG, '1');
      } catch {
        // Nothing to remember it in: the next page starts with the fallback faces again.
      }
    }
    // A line that breaks elsewhere in the web font would move the text under the reader's eyes.
    // Then the page keeps the fallback faces until nobody looks (another tab, print); the next page
    // starts in the web fonts, now cached.
    const swap = (): void => root.removeAttribute('data-fonts');
    if (d.visibilityState === 'hidden') return swap();
    if (trySwap()) return;
    d.addEventListener('visibilitychange', () => {
      if (d.visibilityState === 'hidden') swap();
    });
    addEventListener('beforeprint', swap);
  };

  const scripts = (): Promise<unknown> => {
    for (const href of modules) {
      const link = d.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      d.head.append(link);
    }
    // In page order, as <script type="module"> tags would run; one that fails does not stop the rest.
    return modules.reduce<Promise<unknown>>(
      (previous, href) =>
        previous.then(() =>
          import(href).catch((e: unknown) => {
            console.error(e);
          }),
        ),
      Promise.resolve(),
    );
  };

  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    // data-booted: the web fonts are in use (or failed) and every module has run (or failed).
    void Promise.all([fonts(), scripts()]).then(() => root.setAttribute('data-booted', ''));
  };
  // The first contentful paint's entry comes once that frame is on the screen (its presentation
  // time), not when it is drawn: a request started before that still counts against the paint.
  const afterFirstPaint = (): void => {
    if (d.visibilityState !== 'visible') return start();
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      return void requestAnimationFrame(() => setTimeout(start, 0));
    }
    // buffered: also the entry of a paint that came before the document was parsed.
    const seen = new PerformanceObserver((entries) => {
      if (!entries.getEntriesByName('first-contentful-paint').length) return;
      seen.disconnect();
      start();
    });
    seen.observe({ type: 'paint', buffered: true });
    // A paint that never comes (a window hidden in some way the page is not told of) does not keep the scripts away.
    setTimeout(start, 3000);
  };
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', afterFirstPaint, { once: true });
  else afterFirstPaint();
})();
