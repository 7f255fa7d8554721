// Imported for its effect too: <figure-stage> is defined (and claim() exists) before this runs.
import '../figure-stage';
import type { FigureStageElement } from '../figure-stage';
import type { FlowConfig } from './geometry';
import { BASE, capacityAt, createPlan, doubledFrom, paths, rates, SIM, turnedAway, type CapacityStep, type FlowPaths, type Plan } from './simulation';

/**
 * Sets the request flow of the-surge and rate-limit in motion, and wires the "add GPUs"
 * button. The static SVG already shows each state's still (computed at build); once the
 * stage has landed on it ('figure:settled'), this module carries the same pure simulation
 * on from that tick while the state is shown, the figure is on screen, the tab visible and
 * the page resting. Under prefers-reduced-motion nothing moves and the button stays hidden:
 * the stills (and the before/after pair of more-gpus) are the picture.
 *
 * The marks it moves are claimed from the stage (stage.claim), so the stage reads them back
 * before its next change. Config: <script type="application/json" data-gpu-flow>
 * (Enhance.astro), inside the <figure-stage> it belongs to.
 */

type LayoutConfig = FlowConfig['layouts'][string];

interface View {
  svg: SVGSVGElement;
  layout: LayoutConfig;
  dots: Record<keyof FlowPaths, SVGPathElement>;
  count: SVGTextElement;
  demand: SVGRectElement;
  cap: SVGLineElement;
  capLabel: SVGTextElement;
  poolLabel: SVGTextElement;
  extras: SVGRectElement[];
  visible: boolean;
}

/** The simulation counts 60 ticks a second. */
const TICKS_PER_MS = SIM.ticksPerSecond / 1000;
/** The page counts as resting this long after its last scroll event. */
const REST_MS = 150;
/** A late frame moves the flow on by at most this many ticks, so it never jumps. */
const MAX_STEP = 4;
/** The capacity tick slides to its new place in about this long. */
const CAP_MS = 400;

const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

function attach(host: HTMLElement): void {
  const stage = host.closest<FigureStageElement>('figure-stage');
  const wrap = stage?.querySelector<HTMLElement>('[data-gpu-add]');
  const button = wrap?.querySelector<HTMLButtonElement>('button');
  const status = stage?.querySelector<HTMLElement>('[data-gpu-add-status]');
  if (!stage || !wrap || !button || !status) return;
  let config: FlowConfig;
  try {
    config = JSON.parse(host.textContent ?? '') as FlowConfig;
  } catch {
    return;
  }
  const views: View[] = [];
  for (const svg of stage.querySelectorAll<SVGSVGElement>('svg[data-layout]')) {
    const layout = config.layouts[svg.dataset.layout ?? ''];
    const el = <T extends Element>(key: string) => svg.querySelector<T>(`[data-key="${key}"]`);
    const dots = { moving: el<SVGPathElement>('req-moving'), queued: el<SVGPathElement>('req-queued'), served: el<SVGPathElement>('req-served'), rejected: el<SVGPathElement>('req-rejected'), piled: el<SVGPathElement>('req-piled') };
    const parts = { count: el<SVGTextElement>('count'), demand: el<SVGRectElement>('meter-demand'), cap: el<SVGLineElement>('meter-cap'), capLabel: el<SVGTextElement>('meter-cap-label'), poolLabel: el<SVGTextElement>('pool-label') };
    const extras = Array.from({ length: SIM.gpus }, (_, i) => el<SVGRectElement>(`gpu-${SIM.gpus + i}`));
    if (!layout || Object.values(dots).some((d) => !d) || Object.values(parts).some((p) => !p) || extras.some((e) => !e)) continue;
    views.push({ svg, layout, dots: dots as View['dots'], ...(parts as Pick<View, 'count' | 'demand' | 'cap' | 'capLabel' | 'poolLabel'>), extras: extras as SVGRectElement[], visible: false });
  }
  if (!views.length) return;
  stage.claim(config.keys);
  place(wrap, config);

  const numberFormat = new Intl.NumberFormat(config.locale);
  let plan: Plan = createPlan(config.seed);
  const basePlan = plan;
  let capacity: readonly CapacityStep[] = BASE;
  /** Until when each added GPU is still finishing a request (it stays drawn until then). */
  let busyUntil = new Float64Array(SIM.gpus);
  let pressed = false;
  let step = '';
  let tick = 0;
  let settled = false;
  let shownCap = rates(BASE, 0).capacity;
  let visibleCount = 0;
  let scrolling = false;
  let raf = 0;
  let last = -1;
  /** The words of the text marks as the still has them, restored before the stage moves on. */
  const stillText = new Map<SVGTextElement, string>();

  const write = (e: Element, name: string, value: string): void => {
    if (e.getAttribute(name) !== value) e.setAttribute(name, value);
  };
  const writeText = (e: SVGTextElement, text: string): void => {
    if (!stillText.has(e)) stillText.set(e, e.textContent ?? '');
    if (e.textContent !== text) e.textContent = text;
  };

  // Per frame: the simulation's dots as five path strings, a few numbers, and writes only
  // where something changed. No layout reads.
  const draw = (v: View, dt: number): void => {
    const { flow, meter } = v.layout;
    const p = paths(plan, flow, tick);
    for (const group of Object.keys(p) as (keyof FlowPaths)[]) write(v.dots[group], 'd', p[group]);
    writeText(v.count, numberFormat.format(turnedAway(plan, tick)));
    const r = rates(capacity, tick);
    shownCap += (r.capacity - shownCap) * Math.min(1, dt / CAP_MS);
    if (Math.abs(r.capacity - shownCap) < 0.01) shownCap = r.capacity;
    const at = (value: number) => (meter.x0 + (meter.span * value) / meter.max).toFixed(1);
    write(v.demand, 'width', (Number(at(r.demand)) - meter.x0).toFixed(1));
    const cx = at(shownCap);
    write(v.cap, 'x1', cx);
    write(v.cap, 'x2', cx);
    write(v.capLabel, 'x', cx);
    const doubled = capacityAt(capacity, tick) > SIM.gpus;
    writeText(v.poolLabel, doubled ? config.words.poolDoubled : config.words.pool);
    v.poolLabel.classList.toggle('tone-accent', doubled);
    v.poolLabel.classList.toggle('tone-ink', !doubled);
    v.extras.forEach((e, i) => write(e, 'opacity', capacityAt(capacity, tick) > SIM.gpus + i || tick < busyUntil[i]! ? '1' : '0'));
  };

  const running = (): boolean => settled && visibleCount > 0 && !scrolling && !reduceMotion.matches && document.visibilityState === 'visible';

  const frame = (now: number): void => {
    raf = 0;
    if (!running()) return;
    const dt = last >= 0 ? now - last : 0;
    tick += Math.min(MAX_STEP, dt * TICKS_PER_MS);
    last = now;
    // Five minutes in, the surge starts over from the still.
    if (tick >= SIM.horizon - SIM.travelMax) reset();
    for (const v of views) if (v.visible) draw(v, dt);
    raf = requestAnimationFrame(frame);
  };

  const update = (): void => {
    if (running()) {
      if (!raf) {
        last = -1;
        raf = requestAnimationFrame(frame);
      }
    } else if (raf) {
      cancelAnimationFrame(raf);
      raf = 0;
    }
  };

  const setPressed = (on: boolean): void => {
    pressed = on;
    button.setAttribute('aria-pressed', String(on));
  };

  /** Back to the still of the state shown, the base pool, the button up. */
  const reset = (): void => {
    tick = config.stills[step] ?? 0;
    plan = basePlan;
    capacity = BASE;
    busyUntil = new Float64Array(SIM.gpus);
    shownCap = rates(BASE, tick).capacity;
    setPressed(false);
  };

  button.addEventListener('click', () => {
    capacity = pressed ? [...capacity, { at: tick, gpus: SIM.gpus }] : doubledFrom(tick);
    plan = createPlan(config.seed, capacity);
    // An added GPU that is busy when the button comes up again finishes its request first.
    busyUntil = new Float64Array(SIM.gpus);
    for (let k = 0; k < plan.count; k++) {
      const g = plan.gpu[k]! - SIM.gpus;
      if (g >= 0 && plan.start[k]! <= tick) busyUntil[g] = Math.max(busyUntil[g]!, plan.start[k]! + SIM.service + SIM.fade);
    }
    setPressed(!pressed);
    status.textContent = pressed ? config.words.added : config.words.removed;
  });

  const showButton = (): void => {
    wrap.hidden = !(settled && step === config.buttonState && !reduceMotion.matches);
  };

  stage.addEventListener('figure:state', (event) => {
    // A change begins: hand the marks back to the stage as the still has them.
    settled = false;
    update();
    for (const [e, text] of stillText) e.textContent = text;
    stillText.clear();
    step = (event as CustomEvent<{ step: string }>).detail.step;
    status.textContent = '';
    showButton();
  });
  const onSettled = (landed: string): void => {
    step = landed;
    settled = Object.hasOwn(config.stills, step);
    if (settled) {
      reset();
      // Landed on the still: carry on from exactly there, drawn at once so no stale word shows.
      if (!reduceMotion.matches) for (const v of views) draw(v, 0);
    }
    showButton();
    update();
  };
  stage.addEventListener('figure:settled', (event) => onSettled((event as CustomEvent<{ step: string }>).detail.step));
  // The stage may have landed before this module ran (a deep link): start from what it shows.
  if (stage.dataset.shown) onSettled(stage.dataset.shown);

  // While the page scrolls, the flow holds still: the frames belong to the scrolling and to
  // the figure's own transitions. Per scroll event only a time stamp; the rest check re-arms itself.
  let lastScroll = 0;
  let restTimer = 0;
  const rest = (): void => {
    const quiet = performance.now() - lastScroll;
    if (quiet >= REST_MS) {
      scrolling = false;
      update();
    } else {
      restTimer = window.setTimeout(rest, REST_MS - quiet);
    }
  };
  addEventListener(
    'scroll',
    () => {
      lastScroll = performance.now();
      if (scrolling) return;
      scrolling = true;
      update();
      clearTimeout(restTimer);
      restTimer = window.setTimeout(rest, REST_MS);
    },
    { passive: true },
  );
  document.addEventListener('visibilitychange', update);

  // Off screen (or the layout not shown at this width): pause, and resume where it stopped.
  const io = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const v = views.find((view) => view.svg === entry.target);
      if (v && v.visible !== entry.isIntersecting) {
        v.visible = entry.isIntersecting;
        visibleCount += v.visible ? 1 : -1;
      }
    }
    update();
  });
  for (const v of views) io.observe(v.svg);

  // Reduced motion switched on mid-flow: stop, show the still again, hide the button.
  reduceMotion.addEventListener('change', () => {
    if (reduceMotion.matches && settled) {
      reset();
      for (const v of views) draw(v, 0);
    }
    showButton();
    update();
  });
}

/** Puts the button over the box the geometry keeps free for it, per layout, as shares of the drawing. */
function place(wrap: HTMLElement, config: FlowConfig): void {
  for (const [name, l] of Object.entries(config.layouts)) {
    const pct = (v: number, of: number) => `${((100 * v) / of).toFixed(3)}%`;
    wrap.style.setProperty(`--${name}-left`, pct(l.button.x, l.width));
    wrap.style.setProperty(`--${name}-top`, pct(l.button.y, l.height));
    wrap.style.setProperty(`--${name}-width`, pct(l.button.width, l.width));
    wrap.style.setProperty(`--${name}-height`, pct(l.button.height, l.height));
  }
}

for (const host of document.querySelectorAll<HTMLElement>('script[data-gpu-flow]')) attach(host);
