// Imported for its effect too: <figure-stage> is defined (and claim() exists) before this runs.
import '../figure-stage';
import type { FigureStageElement } from '../figure-stage';
import { LOOP_NODES } from './loop-nodes';

/**
 * Turns the loop of the feedback-loop state: once the stage has landed on it, the accent (the
 * stressed arc and its verb) steps round the circle, station by station, for two turns, and
 * rests where the still has it, on the way into infrastructure. It runs only while that state
 * is shown, the figure is on screen and the tab visible, and never under reduced motion.
 * A fixed sequence: every reader sees the same turn.
 *
 * The arcs and verbs are claimed from the stage, so the stage reads them back before its next
 * change and puts each state's own look in place.
 */

const STATE = 'feedback-loop';
/** Time the accent rests on each arc. */
const STEP_MS = 650;
/** Two full turns, ending where the still puts the accent. */
const TURNS = 2;

const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

interface Part {
  el: Element;
  /** The class the still gives this mark, and the ones it takes when stressed or not. */
  still: string;
}

function attach(stage: FigureStageElement): void {
  const keys = LOOP_NODES.flatMap((n) => [`loop-arc-${n}`, `loop-verb-${n}`]);
  const parts = (key: string): Part[] => [...stage.querySelectorAll(`[data-key="${key}"]`)].map((el) => ({ el, still: el.getAttribute('class') ?? '' }));
  const arcs = LOOP_NODES.map((n) => parts(`loop-arc-${n}`));
  const verbs = LOOP_NODES.map((n) => parts(`loop-verb-${n}`));
  const stressed = LOOP_NODES.indexOf('build');
  // The looks to swap come from the still itself: the stressed arc's and an idle one's.
  const look = (group: Part[][], i: number) => group[i]?.[0]?.still ?? '';
  const idle = (stressed + 1) % LOOP_NODES.length;
  const arcOn = look(arcs, stressed);
  const arcOff = look(arcs, idle);
  const verbOn = look(verbs, stressed);
  const verbOff = look(verbs, idle);
  if (!arcOn || !arcOff || !verbOn || !verbOff) return;
  stage.claim(keys);

  let timer = 0;
  let tick = 0;
  let onScreen = false;

  const paint = (at: number) => {
    LOOP_NODES.forEach((_, i) => {
      for (const p of arcs[i] ?? []) p.el.setAttribute('class', i === at ? arcOn : arcOff);
      for (const p of verbs[i] ?? []) p.el.setAttribute('class', i === at ? verbOn : verbOff);
    });
  };
  const stop = () => {
    window.clearTimeout(timer);
    timer = 0;
  };
  const step = () => {
    timer = 0;
    tick += 1;
    // Start one past the stressed arc, so the first move is visibly onwards, and end on it.
    paint((stressed + tick) % LOOP_NODES.length);
    if (tick < TURNS * LOOP_NODES.length) run();
  };
  const run = () => {
    if (timer || reduceMotion.matches || !onScreen || document.hidden || stage.dataset.shown !== STATE) return;
    if (tick >= TURNS * LOOP_NODES.length) return;
    timer = window.setTimeout(step, STEP_MS);
  };

  stage.addEventListener('figure:state', () => {
    stop();
    tick = 0;
  });
  stage.addEventListener('figure:settled', () => run());
  new IntersectionObserver((entries) => {
    onScreen = entries.some((e) => e.isIntersecting);
    if (onScreen) run();
    else stop();
  }).observe(stage);
  document.addEventListener('visibilitychange', () => (document.hidden ? stop() : run()));
  run();
}

for (const stage of document.querySelectorAll<FigureStageElement>('figure-stage[data-figure="valuation"]')) attach(stage);
