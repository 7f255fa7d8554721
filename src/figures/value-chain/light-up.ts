// Imported for its effect too: <figure-stage> is defined (and claim() exists) before this runs.
import '../figure-stage';
import type { FigureStageElement, FigureStageEvents } from '../figure-stage';
import { LIGHT_UP, lightingOrder, litAt } from './lighting';

/**
 * Lights the GPU racks of the-surge one after another once the stage has landed there
 * ('figure:settled'), while the figure is on screen and the tab visible. Every other
 * moment, and without JavaScript or under prefers-reduced-motion, the racks are as the
 * still draws them: all lit. The racks are claimed from the stage (stage.claim), so it reads
 * their class back before its next change. Only a rack whose light changes is written.
 */

const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

interface Rack {
  el: SVGElement;
  /** When it lights, as a rank in its layout's order. */
  rank: number;
  lit: boolean;
}

function attach(stage: FigureStageElement): void {
  const groups: { racks: Rack[]; n: number }[] = [];
  const keys = new Set<string>();
  for (const svg of stage.querySelectorAll<SVGSVGElement>('svg[data-layout]')) {
    const els = [...svg.querySelectorAll<SVGElement>('[data-key^="rack-"]')];
    const order = lightingOrder(els.length);
    const rank = new Map(order.map((index, r) => [index, r]));
    groups.push({ n: els.length, racks: els.map((el) => ({ el, rank: rank.get(Number(el.dataset.key?.slice(5))) ?? 0, lit: true })) });
    for (const el of els) keys.add(el.dataset.key ?? '');
  }
  if (!keys.size) return;
  stage.claim([...keys]);

  // What decides whether the racks run: one place, asked after every event.
  // A stage that has already shown a state (a deep link) has landed there.
  const now = { shown: stage.dataset.shown ?? '', onScreen: false, landed: stage.dataset.shown !== undefined };
  let frame = 0;
  let start = -1;

  const light = (rack: Rack, lit: boolean) => {
    if (rack.lit === lit) return;
    rack.lit = lit;
    rack.el.classList.toggle('tone-accent', lit);
    rack.el.classList.toggle('tone-soft', !lit);
  };
  const tick = (t: number) => {
    if (start < 0) start = t;
    let done = true;
    for (const g of groups) {
      const n = litAt(t - start, g.n);
      if (n < g.n) done = false;
      for (const r of g.racks) light(r, r.rank < n);
    }
    frame = done ? 0 : requestAnimationFrame(tick);
  };
  const sync = () => {
    const run = now.landed && now.onScreen && now.shown === LIGHT_UP.state && !document.hidden && !reduceMotion.matches;
    if (run && !frame) {
      start = -1;
      frame = requestAnimationFrame(tick);
    } else if (!run) {
      cancelAnimationFrame(frame);
      frame = 0;
      for (const g of groups) for (const r of g.racks) light(r, true);
    }
  };

  stage.addEventListener('figure:state', (e) => {
    Object.assign(now, { shown: (e as FigureStageEvents['figure:state']).detail.step, landed: false });
    sync();
  });
  stage.addEventListener('figure:settled', (e) => {
    Object.assign(now, { shown: (e as FigureStageEvents['figure:settled']).detail.step, landed: true });
    sync();
  });
  new IntersectionObserver((entries) => {
    now.onScreen = entries.at(-1)?.isIntersecting ?? false;
    sync();
  }).observe(stage);
  document.addEventListener('visibilitychange', sync);
}

for (const stage of document.querySelectorAll<FigureStageElement>("figure-stage[data-figure='value-chain']")) attach(stage);
