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
 *      and, when they are ready, drop `data-fonts` (text switches face without moving); and
 *      import the page's module scripts, fetched together, run one after another in page order.
 *      When both are done, `data-booted` on <html> says so (the tests wait for it).
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

  const fonts = async (): Promise<void> => {
    if (!root.hasAttribute('data-fonts')) return;
    // The web fonts the stylesheet declares; not the metric-matched local() faces ("… Fallback",
    // src/type/webfonts.ts), which a device may lack and which load when used anyway.
    const web = Array.from(d.fonts).filter((face) => !/ Fallback["']?$/.test(face.family));
    const results = await Promise.allSettled(web.map((face) => face.load()));
    root.removeAttribute('data-fonts');
    if (results.every((r) => r.status === 'fulfilled')) {
      try {
        sessionStorage.setItem(FLAG, '1');
      } catch {
        // Nothing to remember it in: the next page starts with the fallback faces again.
      }
    }
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
