/**
 * Calls `fn` whenever the page comes to rest: the end of a scroll (scrollend, or a
 * quiet moment after the last scroll event where scrollend is missing), a resize or
 * rotation once layout has caught up, and after the fonts have loaded.
 */
export function onSettle(fn: () => void): void {
  let frame = 0;
  // Two frames: the first runs before the browser has laid out the new size.
  const soon = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(fn);
    });
  };
  if ('onscrollend' in window) addEventListener('scrollend', soon);
  else {
    let quiet = 0;
    addEventListener(
      'scroll',
      () => {
        clearTimeout(quiet);
        quiet = window.setTimeout(soon, 150);
      },
      { passive: true },
    );
  }
  addEventListener('resize', soon);
  addEventListener('orientationchange', soon);
  addEventListener('load', soon);
  void document.fonts?.ready.then(soon);
}
