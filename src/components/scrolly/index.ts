import scrollama from 'scrollama';
import { followAddress } from './address';
import { keyboardSteps } from './keyboard';
import { onSettle } from './settle';
import { activeIndex, parseLayout, stepFromHash, triggerLine, type ScrollyLayout } from './step-state';
import { printableLinks, showStills } from './stills';

/**
 * The scroll machinery. It knows nothing about figures: it finds the steps inside
 * each [data-scrolly], keeps the active one true to what the reader sees (by scroll,
 * by keyboard focus, by the URL fragment, and again whenever the page settles after a
 * jump, a resize or a rotation), sets `data-step` on the element marked
 * [data-scrolly-target] and dispatches one `scrolly:step` event.
 *
 * How the figure sits (pinned on top, pinned beside, or flowing with each step) is the
 * stylesheet's decision (Scrolly.astro sets `--scrolly-layout`); this script reads it.
 */

export interface StepDetail {
  step: string;
  instant: boolean;
}

const printing = matchMedia('print');

function init(root: HTMLElement): void {
  const steps = [...root.querySelectorAll<HTMLElement>('[data-step-id]')];
  const target = root.querySelector<HTMLElement>('[data-scrolly-target]');
  const graphic = root.querySelector<HTMLElement>('.scrolly__graphic');
  if (!steps.length || !target || !graphic) return;
  const ids = steps.map((s) => s.dataset.stepId ?? '');
  let active = '';
  /** Printing, or back from paper but not yet told so: the step holds still (see toPaper). */
  let onPaper = false;

  const layout = (): ScrollyLayout => parseLayout(getComputedStyle(root).getPropertyValue('--scrolly-layout'));
  const pinnedHeight = (): number => (layout() === 'top' ? graphic.getBoundingClientRect().bottom : 0);
  const trigger = (): number => triggerLine(layout(), innerHeight, Math.max(0, pinnedHeight()));

  const setStep = (id: string, instant: boolean): void => {
    // Print reflows the page and would fire step changes; paper shows every step's still.
    if (id === active || printing.matches || onPaper) return;
    active = id;
    for (const s of steps) {
      const on = s.dataset.stepId === id;
      s.classList.toggle('is-active', on);
      if (on) s.setAttribute('aria-current', 'step');
      else s.removeAttribute('aria-current');
    }
    target.toggleAttribute('data-instant', instant);
    target.setAttribute('data-step', id);
    followAddress(id, !instant);
    root.dispatchEvent(new CustomEvent<StepDetail>('scrolly:step', { detail: { step: id, instant }, bubbles: true }));
  };

  /** The step the geometry says is active right now. */
  const stepInView = (): string => ids[activeIndex(steps.map((s) => s.getBoundingClientRect().top), trigger())] ?? '';

  // While a key press scrolls the page to a step, the steps passed on the way don't take over.
  let lockedUntil = 0;
  let unlock = 0;
  const lock = (ms: number): void => {
    lockedUntil = performance.now() + ms;
    clearTimeout(unlock);
    unlock = window.setTimeout(settle, ms);
  };
  const release = (): void => {
    lockedUntil = 0;
    clearTimeout(unlock);
  };
  /** The page is at rest: whatever the observers saw or missed, the geometry decides. */
  function settle(): void {
    if (performance.now() < lockedUntil || printing.matches || onPaper) return;
    lockedUntil = 0;
    const id = stepInView();
    if (id) setStep(id, false);
  }

  // Deep link: #<step-id> shows that state at once; anything else starts at the first step.
  const fromHash = stepFromHash(location.hash, ids);
  setStep(fromHash ?? ids[0] ?? '', true);
  if (fromHash) {
    // The browser scrolled to the fragment before fonts and layout were final: until the
    // reader moves, keep the step's top where the stylesheet's scroll padding puts it.
    let moved = false;
    const stop = (): void => {
      moved = true;
    };
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) addEventListener(type, stop, { once: true, passive: true });
    const land = (): void => {
      if (!moved) document.getElementById(fromHash)?.scrollIntoView({ block: 'start', behavior: 'instant' });
    };
    requestAnimationFrame(land);
    void document.fonts?.ready.then(land);
    addEventListener('load', land, { once: true });
  }

  let scroller: scrollama.ScrollamaInstance | null = null;
  let offset = '';
  const setup = (): void => {
    // The observers' line is the same trigger line the geometry uses.
    const next = `${Math.round(trigger())}px`;
    if (next === offset && scroller) {
      scroller.resize();
      return;
    }
    offset = next;
    scroller?.destroy();
    scroller = scrollama()
      // scrollama reads "<n>px" offsets (src/parseOffset.js); its types list only fractions.
      .setup({ step: steps, offset: offset as unknown as scrollama.DecimalType })
      .onStepEnter(({ element }) => {
        if (performance.now() > lockedUntil) setStep(element.dataset.stepId ?? '', false);
      });
  };
  setup();

  // Too short a screen to pin the figure, or paper: each step shows its own still.
  const showStillsIfFlowing = (): void => {
    if (layout() === 'flow') showStills(root);
  };
  showStillsIfFlowing();
  // Paper lays the page out anew; back on screen, the reader is where they were. From the
  // first sign of paper until the page is back, no scroll may move the step: the browser
  // re-anchors the scroll position in each new layout, and on the way back that happens
  // (with scroll events) before the media query reports the change.
  let screenY = 0;
  const toPaper = (): void => {
    if (!onPaper) screenY = scrollY;
    onPaper = true;
    showStills(root);
  };
  const toScreen = (): void => {
    if (!onPaper) return;
    scrollTo({ top: screenY, behavior: 'instant' });
    // If the old place no longer shows the step (fonts or images arrived while printing and
    // moved the text, or the place was read after the print layout), the step wins.
    if (active && stepInView() !== active) document.getElementById(active)?.scrollIntoView({ block: 'start', behavior: 'instant' });
    onPaper = false;
  };
  printing.addEventListener('change', () => (printing.matches ? toPaper() : toScreen()));
  addEventListener('beforeprint', toPaper);
  addEventListener('afterprint', toScreen);
  printableLinks(document);

  addEventListener('resize', () => {
    // A reflow moves the steps under a pending key move: the geometry decides again.
    release();
  });
  onSettle(() => {
    setup();
    showStillsIfFlowing();
    settle();
  });

  // Keyboard: the figure follows focus as it follows scroll.
  root.addEventListener('focusin', (event) => {
    const step = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-step-id]') : null;
    if (step?.dataset.stepId) setStep(step.dataset.stepId, false);
  });

  keyboardSteps((by) => {
    const from = ids.indexOf(active);
    const next = steps[Math.min(steps.length - 1, Math.max(0, from + by))];
    if (!next) return;
    next.focus({ preventScroll: true });
    lock(1000);
    // An instant jump: the figure's own transition shows the change, and no step passed
    // on the way can take over. Beside the figure the step is centred; under a pinned
    // figure its top goes just below it (the page's scroll padding).
    next.scrollIntoView({ block: layout() === 'side' ? 'center' : 'start', behavior: 'instant' });
    setStep(next.dataset.stepId ?? '', false);
  });
  addEventListener('scrollend', () => {
    // Observer callbacks for the last scroll frames arrive just after scrollend.
    if (lockedUntil) lock(Math.min(lockedUntil - performance.now(), 250));
  });

  // A fragment change within the page (a link to another step) moves the figure too.
  addEventListener('hashchange', () => {
    const id = stepFromHash(location.hash, ids);
    if (id) setStep(id, false);
  });
  root.dataset.scrollyReady = '';
}

for (const root of document.querySelectorAll<HTMLElement>('[data-scrolly]')) init(root);
