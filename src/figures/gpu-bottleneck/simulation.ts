/**
 * The request flow of the "the-surge" state: a small, deterministic queue simulation.
 * Requests arrive faster than a fixed pool of GPUs can serve them, so a queue builds
 * in front of the pool; once it is full, a rate limit turns the surplus away.
 * None of this is data (the figure says "Simulation"): it shows how a bottleneck
 * behaves, not how OpenAI's did.
 *
 * Pure and DOM-free. The build uses it for the still frame (geometry.ts) and the
 * browser for the motion (flow.ts), so the two always agree. Time is counted in
 * ticks (60 per second); a tick may be fractional.
 */

/** Tuning of the simulation. Arrivals outpace service 3:2, so a third is turned away. */
export const SIM = {
  /** Circles in the SVG; request k is drawn by circle k mod marks. */
  marks: 36,
  /** A request reaches the queue every 20 ticks (give or take the jitter). */
  arrivalEvery: 20,
  /** The pool finishes one request every 30 ticks: its capacity, fixed. */
  serviceEvery: 30,
  queueSlots: 8,
  gpus: 8,
  jitter: 5,
  travelMin: 100,
  travelMax: 150,
  /** Ticks the queue takes to move up one place. */
  advance: 10,
  /** Ticks from the head of the queue into a GPU. */
  enter: 14,
  fadeIn: 8,
  fadeOut: 12,
  /** Ticks a turned-away request takes to drop out of the picture. */
  fall: 40,
} as const;

/** After the warm-up the picture repeats every PERIOD ticks: every circle has come round once. */
export const PERIOD = SIM.marks * SIM.arrivalEvery;

/** The figure's fixed seed (the date of Altman's post), so every build draws the same flow. */
export const SEED = 20250401;

/** Where the flow sits in one layout; computed by geometry.ts, in SVG user units. */
export interface FlowLayout {
  /** Requests set off at this x, at a height between laneTop and laneBottom. */
  startX: number;
  laneTop: number;
  laneBottom: number;
  /** The head of the queue; further places follow every `spacing` to the left, on queueY. */
  headX: number;
  queueY: number;
  spacing: number;
  /** Where turned-away requests fall to. */
  dropX: number;
  dropY: number;
  /** Centres of the GPU places, flat: [x0, y0, x1, y1, …], SIM.gpus pairs. */
  gpus: number[];
}

/** The schedule of every simulated request, computed once per seed. */
export interface Plan {
  count: number;
  /** Tick at which request k reaches the queue (or the rate limit). */
  arrive: Float64Array;
  /** Tick at which request k appears on the left. */
  launch: Float64Array;
  /** Height of its lane, 0 (top) to 1 (bottom). */
  lane: Float64Array;
  /** Its place in the serving order, or -1 if the rate limit turned it away. */
  order: Int32Array;
  /** Tick of the first service; the n-th request served leaves the queue at firstService + n · serviceEvery. */
  firstService: number;
  /** From this tick on, the picture repeats exactly every PERIOD ticks. */
  steadyFrom: number;
}

/** Phases a request goes through (place() returns one; tests and stillTick() read them). */
export const Phase = { Hidden: 0, Travel: 1, Queue: 2, Enter: 3, Served: 4, Fall: 5 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). Same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const smooth = (u: number) => u * u * (3 - 2 * u);

/** The x at which the rate limit is drawn: half a place behind the last queue place. */
export function limitX(layout: FlowLayout): number {
  return layout.headX - (SIM.queueSlots + 0.5) * layout.spacing;
}

/**
 * createPlan(seed): when each request sets off, from which height, and whether the
 * queue takes it. Lanes, travel times and arrival jitter are drawn per circle from
 * mulberry32(seed), so request k and request k + SIM.marks look alike; together with
 * PERIOD being a whole number of service intervals, that makes the steady state repeat.
 * Throws if `count` is too small to reach (and cover one period of) the steady state.
 */
export function createPlan(seed: number, count: number = SIM.marks * 6): Plan {
  const { marks: N, arrivalEvery: A, serviceEvery: S, queueSlots: Q, jitter } = SIM;
  const rand = mulberry32(seed);
  const jit = new Float64Array(N);
  const travel = new Float64Array(N);
  const laneOf = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    jit[i] = (rand() * 2 - 1) * jitter;
    travel[i] = SIM.travelMin + rand() * (SIM.travelMax - SIM.travelMin);
    laneOf[i] = rand();
  }
  const arrive = new Float64Array(count);
  const launch = new Float64Array(count);
  const lane = new Float64Array(count);
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const i = k % N;
    arrive[k] = SIM.travelMax + k * A + (jit[i] ?? 0);
    launch[k] = arrive[k]! - (travel[i] ?? 0);
    lane[k] = laneOf[i] ?? 0;
  }
  const firstService = arrive[0]! + jitter;
  let accepted = 0;
  for (let k = 0; k < count; k++) {
    const a = arrive[k]!;
    const departed = a < firstService ? 0 : Math.floor((a - firstService) / S) + 1;
    order[k] = accepted - departed < Q ? accepted++ : -1;
  }

  // The steady state: from request ks on, request k + N meets exactly what request k met.
  const perPeriod = PERIOD / S;
  let ks = -1;
  for (let k = count - N - 1; k >= 0; k--) {
    const a = order[k]!;
    const b = order[k + N]!;
    const same = a < 0 ? b < 0 : b - a === perPeriod;
    if (!same) break;
    ks = k;
  }
  const plan: Plan = { count, arrive, launch, lane, order, firstService, steadyFrom: 0 };
  let steadyFrom = ks < 0 ? Infinity : 0;
  for (let k = 0; k < ks; k++) steadyFrom = Math.max(steadyFrom, endOf(plan, k));
  const lastNeeded = Math.ceil((steadyFrom + PERIOD + SIM.jitter) / A) + 1;
  if (!Number.isFinite(steadyFrom) || lastNeeded >= count - N) {
    throw new Error(`createPlan: ${count} requests do not reach a repeating steady state; simulate more`);
  }
  plan.steadyFrom = steadyFrom;
  return plan;
}

/** The tick at which request k has left the picture. */
export function endOf(plan: Plan, k: number): number {
  const j = plan.order[k]!;
  return j < 0
    ? plan.arrive[k]! + SIM.fall
    : plan.firstService + (j + SIM.gpus) * SIM.serviceEvery + SIM.fadeOut;
}

/** How far the queue has moved up by tick t: whole services, plus the easing of the current step. */
export function servedBy(plan: Plan, t: number): number {
  const s = t - plan.firstService;
  if (s < 0) return 0;
  const m = Math.floor(s / SIM.serviceEvery);
  return m + smooth(Math.min(1, (s - m * SIM.serviceEvery) / SIM.advance));
}

/**
 * Where request k is at tick t (no wrapping): writes x, y and opacity into out at
 * offset o and returns its phase. Allocates nothing.
 */
export function place(plan: Plan, layout: FlowLayout, k: number, t: number, out: Float32Array, o: number): Phase {
  const { headX, queueY, spacing } = layout;
  const launch = plan.launch[k]!;
  const arrive = plan.arrive[k]!;
  const j = plan.order[k]!;
  if (t < launch || t >= endOf(plan, k)) {
    out[o] = layout.startX;
    out[o + 1] = layout.laneTop;
    out[o + 2] = 0;
    return Phase.Hidden;
  }
  if (t < arrive) {
    // Set off from the left at the lane's height and merge into the queue's line.
    const u = (t - launch) / (arrive - launch);
    const toX = j < 0 ? headX - (SIM.queueSlots + 1) * spacing : headX - (j - servedBy(plan, arrive)) * spacing;
    const laneY = layout.laneTop + plan.lane[k]! * (layout.laneBottom - layout.laneTop);
    out[o] = layout.startX + (toX - layout.startX) * u;
    out[o + 1] = laneY + (queueY - laneY) * smooth(u);
    out[o + 2] = Math.min(1, (t - launch) / SIM.fadeIn);
    return Phase.Travel;
  }
  if (j < 0) {
    // Turned away at the limit: drop out of the picture.
    const f = (t - arrive) / SIM.fall;
    const fromX = headX - (SIM.queueSlots + 1) * spacing;
    out[o] = fromX + (layout.dropX - fromX) * f;
    out[o + 1] = queueY + (layout.dropY - queueY) * f * f;
    out[o + 2] = f < 0.6 ? 1 : (1 - f) / 0.4;
    return Phase.Fall;
  }
  const leave = plan.firstService + j * SIM.serviceEvery;
  const g = 2 * (j % SIM.gpus);
  const gx = layout.gpus[g] ?? headX;
  const gy = layout.gpus[g + 1] ?? queueY;
  if (t < leave) {
    out[o] = headX - (j - servedBy(plan, t)) * spacing;
    out[o + 1] = queueY;
    out[o + 2] = 1;
    return Phase.Queue;
  }
  if (t < leave + SIM.enter) {
    const e = smooth((t - leave) / SIM.enter);
    out[o] = headX + (gx - headX) * e;
    out[o + 1] = queueY + (gy - queueY) * e;
    out[o + 2] = 1;
    return Phase.Enter;
  }
  // In its GPU until the GPU takes the next request, then fade.
  const done = leave + SIM.gpus * SIM.serviceEvery;
  out[o] = gx;
  out[o + 1] = gy;
  out[o + 2] = t < done ? 1 : 1 - (t - done) / SIM.fadeOut;
  return Phase.Served;
}

/** The newest request drawn by circle i that has set off by tick t, or -1. */
export function requestOf(plan: Plan, i: number, t: number): number {
  const N = SIM.marks;
  // launch[k] ≥ k · arrivalEvery − jitter, so no later request of this circle can have set off.
  let k = i + Math.floor((t + SIM.jitter - i * SIM.arrivalEvery) / (N * SIM.arrivalEvery)) * N;
  while (k >= 0 && (k >= plan.count || plan.launch[k]! > t)) k -= N;
  return k;
}

/** Maps a tick past the warm-up into the first repeating period (the picture is the same). */
export function wrapTick(plan: Plan, t: number): number {
  return t < plan.steadyFrom + PERIOD ? t : t - PERIOD * Math.floor((t - plan.steadyFrom) / PERIOD);
}

/**
 * positionsAt(plan, layout, tick, out): the picture at a tick. For circle i, writes
 * x, y and opacity to out[3i], out[3i+1], out[3i+2]. Pure (same plan, layout and tick,
 * same numbers), O(SIM.marks) and allocation-free, so flow.ts can call it every frame.
 */
export function positionsAt(plan: Plan, layout: FlowLayout, tick: number, out: Float32Array): Float32Array {
  const t = wrapTick(plan, tick);
  for (let i = 0; i < SIM.marks; i++) {
    const k = requestOf(plan, i, t);
    if (k < 0) {
      out[3 * i] = layout.startX;
      out[3 * i + 1] = layout.laneTop;
      out[3 * i + 2] = 0;
    } else {
      place(plan, layout, k, t, out, 3 * i);
    }
  }
  return out;
}

/** positions(seed, layout, tick): the picture at a tick from the seed alone (allocates; for build and tests). */
export function positions(seed: number, layout: FlowLayout, tick: number): Float32Array {
  return positionsAt(createPlan(seed), layout, tick, new Float32Array(SIM.marks * 3));
}

/**
 * stillTick(plan): the frame shown without motion (static page, print, reduced motion).
 * The first tick of the steady state at which the queue is full, every GPU is busy,
 * a request is on its way in and a turned-away one is visibly falling: the whole story
 * in one picture.
 */
export function stillTick(plan: Plan): number {
  const scratch = new Float32Array(3);
  const dummy: FlowLayout = { startX: 0, laneTop: 0, laneBottom: 0, headX: 0, queueY: 0, spacing: 0, dropX: 0, dropY: 0, gpus: [] };
  const start = Math.ceil(plan.steadyFrom);
  for (let t = start; t < start + PERIOD; t++) {
    let queued = 0;
    let served = 0;
    let falling = false;
    let arriving = false;
    for (let i = 0; i < SIM.marks; i++) {
      const k = requestOf(plan, i, t);
      if (k < 0) continue;
      const phase = place(plan, dummy, k, t, scratch, 0);
      if (phase === Phase.Queue) queued++;
      if (phase === Phase.Served && scratch[2] === 1) served++;
      if (phase === Phase.Fall) {
        const f = (t - plan.arrive[k]!) / SIM.fall;
        falling ||= f > 0.45 && f < 0.6;
      }
      if (phase === Phase.Travel) {
        const u = (t - plan.launch[k]!) / (plan.arrive[k]! - plan.launch[k]!);
        arriving ||= u > 0.35 && u < 0.7;
      }
    }
    if (queued >= SIM.queueSlots && served === SIM.gpus && falling && arriving) return t;
  }
  throw new Error('stillTick: no frame shows a full queue, a busy pool and a rejection');
}
