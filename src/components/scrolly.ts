import scrollama from 'scrollama';

/**
 * The scroll machinery. It knows nothing about figures: it finds the steps inside
 * each [data-scrolly], tracks the active one (by scroll, by keyboard focus, or by
 * the URL fragment on load), sets `data-step` on the element marked
 * [data-scrolly-target] and dispatches one `scrolly:step` event. Links marked
 * [data-keep-step] get the active step as their fragment, so the language switch
 * lands on the same step of the twin page.
 */

/** Phones: the figure is pinned on top, so a step counts as active lower down the screen. */
const NARROW = '(max-width: 51.99rem) and (orientation: portrait), (max-width: 35.99rem)';

export interface StepDetail {
  step: string;
  instant: boolean;
}

const printing = matchMedia('print');

/** Reads a step id from a URL fragment; malformed escapes and unknown ids give null. */
export function stepFromHash(hash: string, known: readonly string[]): string | null {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return null;
  }
  return known.includes(id) ? id : null;
}

function init(root: HTMLElement): void {
  const steps = [...root.querySelectorAll<HTMLElement>('[data-step-id]')];
  const target = root.querySelector<HTMLElement>('[data-scrolly-target]');
  if (!steps.length || !target) return;
  const ids = steps.map((s) => s.dataset.stepId ?? '');
  let active = '';

  const setStep = (id: string, instant: boolean): void => {
    // Print reflows the page and would fire step changes; the printed figure is the summary anyway.
    if (id === active || printing.matches) return;
    active = id;
    for (const s of steps) {
      const on = s.dataset.stepId === id;
      s.classList.toggle('is-active', on);
      if (on) s.setAttribute('aria-current', 'step');
      else s.removeAttribute('aria-current');
    }
    target.toggleAttribute('data-instant', instant);
    target.setAttribute('data-step', id);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-step]')) {
      const url = new URL(a.href);
      url.hash = id;
      a.href = url.href;
    }
    // The address follows the reader (replaceState: no history entry per step), so a copied
    // URL returns to the same place. The first, automatic step on load leaves it alone.
    if (!instant && location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
    root.dispatchEvent(new CustomEvent<StepDetail>('scrolly:step', { detail: { step: id, instant }, bubbles: true }));
  };

  // Deep link: #<step-id> shows that state at once; anything else starts at the first step.
  const fromHash = stepFromHash(location.hash, ids);
  setStep(fromHash ?? ids[0] ?? '', true);
  if (fromHash) {
    // The browser already scrolled to the fragment; make sure layout (fonts, pinned figure) did not move it.
    requestAnimationFrame(() => document.getElementById(fromHash)?.scrollIntoView({ block: 'start' }));
  }

  const narrow = matchMedia(NARROW);
  // While a key press scrolls the page to a step, the steps passed on the way don't take over.
  let lockedUntil = 0;
  addEventListener('scrollend', () => {
    // Observer callbacks for the last scroll frames arrive just after scrollend.
    if (lockedUntil) lockedUntil = Math.min(lockedUntil, performance.now() + 250);
  });
  let scroller: scrollama.ScrollamaInstance | null = null;
  const setup = (): void => {
    scroller?.destroy();
    scroller = scrollama()
      .setup({ step: steps, offset: narrow.matches ? 0.7 : 0.5 })
      .onStepEnter(({ element }) => {
        if (performance.now() > lockedUntil) setStep(element.dataset.stepId ?? '', false);
      });
  };
  setup();
  narrow.addEventListener('change', setup);

  // On phones the pinned figure covers the top of the screen: keep focused elements
  // (links in a step, a step itself) clear of it when the browser scrolls them into view.
  const graphic = root.querySelector<HTMLElement>('.scrolly__graphic');
  if (graphic) {
    new ResizeObserver(() => {
      const pinned = getComputedStyle(graphic).position === 'sticky' && narrow.matches;
      document.documentElement.style.setProperty('--pinned-height', pinned ? `${Math.ceil(graphic.getBoundingClientRect().height)}px` : '0px');
    }).observe(graphic);
  }

  let pending = 0;
  const onResize = (): void => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => scroller?.resize());
  };
  addEventListener('resize', onResize);
  addEventListener('orientationchange', onResize);

  // Keyboard: the figure follows focus as it follows scroll.
  root.addEventListener('focusin', (event) => {
    const step = (event.target as HTMLElement).closest<HTMLElement>('[data-step-id]');
    if (step?.dataset.stepId) setStep(step.dataset.stepId, false);
  });

  // j / k (and the arrow keys while a step has focus) move by one step; normal scrolling stays.
  const move = (by: number): void => {
    const from = ids.indexOf(active);
    const next = steps[Math.min(steps.length - 1, Math.max(0, from + by))];
    if (!next) return;
    next.focus({ preventScroll: true });
    lockedUntil = performance.now() + 1000;
    // An instant jump: the figure's own transition shows the change, and no step passed
    // on the way can take over.
    next.scrollIntoView({ block: narrow.matches ? 'start' : 'center' });
    setStep(next.dataset.stepId ?? '', false);
  };
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable], details[open] .share__panel')) return;
    const onStep = target.matches('[data-step-id]');
    const by =
      event.key === 'j' || (onStep && event.key === 'ArrowDown') ? 1 : event.key === 'k' || (onStep && event.key === 'ArrowUp') ? -1 : 0;
    if (!by) return;
    event.preventDefault();
    move(by);
  });

  // A fragment change within the page (a link to another step) moves the figure too.
  addEventListener('hashchange', () => {
    const id = stepFromHash(location.hash, ids);
    if (id) setStep(id, false);
  });
  root.dataset.scrollyReady = '';
}

for (const root of document.querySelectorAll<HTMLElement>('[data-scrolly]')) init(root);
