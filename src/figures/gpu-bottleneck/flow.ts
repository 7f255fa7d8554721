import { createPlan, positionsAt, SIM, type FlowLayout } from './simulation';
import { FLOW_STATE } from './states';

/**
 * Sets the request circles of "the-surge" in motion. The static SVG already shows the
 * simulation's still frame (computed at build); this module only moves the same circles
 * on from there, with the same pure simulation, while that state is shown and the figure
 * is on screen. Under prefers-reduced-motion nothing moves: the still is the picture.
 *
 * Config comes from <script type="application/json" data-gpu-flow> (Enhance.astro),
 * inside the <figure-stage> it belongs to.
 */

interface FlowConfig {
  seed: number;
  /** The tick the still frame shows; the motion continues from it. */
  still: number;
  layouts: Record<string, FlowLayout>;
}

interface View {
  svg: SVGSVGElement;
  layout: FlowLayout;
  circles: SVGCircleElement[];
  /** Positions from the simulation, and what was last written to the DOM (x, y, opacity per circle). */
  next: Float32Array;
  drawn: Float32Array;
  visible: boolean;
}

/** The simulation counts 60 ticks a second. */
const TICKS_PER_MS = 60 / 1000;
/** figure-stage tweens for 500 ms; the flow takes over once the circles have landed on the still. */
const SETTLE_MS = 520;
/** The page counts as resting this long after its last scroll event. */
const REST_MS = 150;
/** A late frame moves the flow on by at most this many ticks, so it never jumps. */
const MAX_STEP = 4;

const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

function attach(host: HTMLElement): void {
  const stage = host.closest<HTMLElement>('figure-stage');
  if (!stage) return;
  let config: FlowConfig;
  try {
    config = JSON.parse(host.textContent ?? '') as FlowConfig;
  } catch {
    return;
  }
  const plan = createPlan(config.seed);
  const views: View[] = [];
  for (const svg of stage.querySelectorAll<SVGSVGElement>('svg[data-layout]')) {
    const layout = config.layouts[svg.dataset.layout ?? ''];
    const circles = Array.from({ length: SIM.marks }, (_, i) => svg.querySelector<SVGCircleElement>(`circle[data-key="req-${i}"]`));
    if (!layout || circles.some((c) => !c)) continue;
    // figure-stage reads these circles' attributes back before each change, since this module moves them too.
    for (const c of circles) c!.setAttribute('data-live', '');
    const size = SIM.marks * 3;
    views.push({ svg, layout, circles: circles as SVGCircleElement[], next: new Float32Array(size), drawn: new Float32Array(size).fill(NaN), visible: false });
  }
  if (!views.length) return;

  let tick = config.still;
  let settled = false;
  let visibleCount = 0;
  let raf = 0;
  let last = -1;
  let settleTimer = 0;

  // Per frame: one pass of arithmetic over the circles and attribute writes only where
  // something moved. No layout reads, no allocation (baseVal avoids number-to-string).
  const draw = (v: View): void => {
    positionsAt(plan, v.layout, tick, v.next);
    const { next, drawn, circles } = v;
    for (let i = 0; i < SIM.marks; i++) {
      const o = 3 * i;
      const c = circles[i]!;
      const x = next[o]!;
      const y = next[o + 1]!;
      const a = Math.round(next[o + 2]! * 20) / 20;
      if (Math.abs(x - drawn[o]!) > 0.05 || Number.isNaN(drawn[o]!)) {
        c.cx.baseVal.value = x;
        drawn[o] = x;
      }
      if (Math.abs(y - drawn[o + 1]!) > 0.05 || Number.isNaN(drawn[o + 1]!)) {
        c.cy.baseVal.value = y;
        drawn[o + 1] = y;
      }
      if (a !== drawn[o + 2]) {
        c.setAttribute('opacity', a === 1 ? '1' : a === 0 ? '0' : a.toFixed(2));
        drawn[o + 2] = a;
      }
    }
  };

  // While the page scrolls, the flow holds still: the frames belong to the scrolling, and
  // the figure's own transitions. It carries on from where it stopped once the page rests.
  let scrolling = false;
  let restTimer = 0;

  const running = (): boolean => settled && visibleCount > 0 && !scrolling && !reduceMotion.matches;

  const frame = (now: number): void => {
    raf = 0;
    if (!running()) return;
    if (last >= 0) tick += Math.min(MAX_STEP, (now - last) * TICKS_PER_MS);
    last = now;
    for (let i = 0; i < views.length; i++) if (views[i]!.visible) draw(views[i]!);
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

  const onState = (step: string | undefined): void => {
    clearTimeout(settleTimer);
    settled = false;
    update();
    for (const v of views) v.drawn.fill(NaN);
    if (step !== FLOW_STATE) return;
    // figure-stage is moving the circles to the still frame; carry on from exactly there.
    tick = config.still;
    settleTimer = window.setTimeout(() => {
      settled = true;
      update();
    }, SETTLE_MS);
  };

  // Per scroll event only a time stamp: the rest check re-arms itself until the page rests.
  let lastScroll = 0;
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

  stage.addEventListener('figure:state', (event) => onState((event as CustomEvent<{ step?: string }>).detail.step));
  onState(stage.dataset.shown);

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

  // Reduced motion switched on mid-flow: stop and show the still again.
  reduceMotion.addEventListener('change', () => {
    if (reduceMotion.matches && settled) {
      tick = config.still;
      for (const v of views) draw(v);
    }
    update();
  });
}

for (const host of document.querySelectorAll<HTMLElement>('script[data-gpu-flow]')) attach(host);
