/**
 * The request flow of chapter 5: a small, deterministic queue simulation. Requests arrive
 * ever faster (the surge) at a pool of GPUs whose size is fixed; once arrivals outpace it,
 * a queue builds in front of the pool, and when the queue is full a rate limit turns the
 * surplus away. Doubling the pool (the reader's "add GPUs" button) drains the queue.
 * None of this is data (the figure says "Simulation"; the rates are made up): it shows how
 * a bottleneck behaves, not how OpenAI's did.
 *
 * Pure and DOM-free. The build uses it for the still frames (geometry.ts) and the browser
 * for the motion (flow.ts), so the two always agree. Time is counted in ticks, 60 per second.
 */

/** Tuning of the simulation, in ticks. Base capacity 8 GPUs / 150 ticks = 3.2 requests a second. */
export const SIM = {
  ticksPerSecond: 60,
  /** GPUs in the pool; the button adds as many again. */
  gpus: 8,
  /** Ticks one GPU works on one request. */
  service: 150,
  queueSlots: 8,
  /** Interval between arrivals before the surge (1.5 a second: the pool keeps up) … */
  calmEvery: 40,
  /** … and at its height (about 5.5 a second: more than 8 GPUs serve, less than 16). */
  peakEvery: 11,
  /** The surge builds over these ticks, from the first arrival on. */
  ramp: 1200,
  /** Each interval varies by up to this share either way. */
  jitter: 0.35,
  travelMin: 80,
  travelMax: 120,
  /** Ticks the queue takes to move up one place. */
  advance: 10,
  /** Ticks from the head of the queue into a GPU. */
  enter: 12,
  /** Ticks a dot takes to grow on launch and to shrink once served. */
  fade: 10,
  /** Ticks a turned-away request takes to drop out of the picture. */
  fall: 48,
  /** The plan covers five minutes; the motion starts over after that. */
  horizon: 18_000,
} as const;

/** The figure's fixed seed (the date of Altman's post), so every build draws the same flow. */
export const SEED = 20250401;

/** From tick `at` on, the pool has `gpus` GPUs (the base pool, or doubled by the reader). */
export interface CapacityStep {
  at: number;
  gpus: number;
}

/** Where the flow sits in one box of one layout; computed by geometry.ts, in SVG user units. */
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
  /** Radius of a request's dot. */
  r: number;
  /**
   * Where turned-away requests pile up, the count made visible: slot j sits at
   * (x + (j mod cols) · step, y − floor(j / cols) · step). Once the pile is full, later
   * ones fall to dropX, dropY and vanish.
   */
  pile: { x: number; y: number; cols: number; rows: number; step: number };
  /** Centres of the GPU places, flat: [x0, y0, x1, y1, …], 2 · SIM.gpus pairs (the base pool first). */
  gpus: number[];
}

/** The schedule of every simulated request for one seed and one capacity schedule. */
export interface Plan {
  count: number;
  /** Tick at which request k reaches the queue (or the rate limit); increasing in k. */
  arrive: Float64Array;
  /** Tick at which request k appears on the left. */
  launch: Float64Array;
  /** Height of its lane, 0 (top) to 1 (bottom). */
  lane: Float64Array;
  /** Tick at which it leaves the queue for a GPU, or -1 if the rate limit turned it away. */
  start: Float64Array;
  /** The GPU that serves it (-1 if turned away). */
  gpu: Int32Array;
  /** Requests ahead of it in the queue when it arrives (eased; a full queue for a turned-away one). */
  ahead: Float64Array;
  /** Tick at which it has left the picture (or landed on the pile). */
  end: Float64Array;
  /** The turned-away requests in order: rejected[j] is the j-th. */
  rejected: Int32Array;
  /** For a turned-away request, its place in `rejected` (-1 for the others). */
  rejectIndex: Int32Array;
  /** The longest any request stays in the picture after arriving. */
  maxStay: number;
  capacity: readonly CapacityStep[];
}

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
const clamp01 = (u: number) => Math.max(0, Math.min(1, u));

/** The base pool, all the time: what the-surge and rate-limit draw. */
export const BASE: readonly CapacityStep[] = [{ at: 0, gpus: SIM.gpus }];

/** capacityAt(steps, t): how many GPUs take new work at tick t. */
export function capacityAt(steps: readonly CapacityStep[], t: number): number {
  let n = 0;
  for (const s of steps) if (s.at <= t) n = s.gpus;
  return n;
}

/** doubledFrom(t): the base pool, doubled from tick t on (the button pressed at t). */
export function doubledFrom(t: number): CapacityStep[] {
  return [...BASE, { at: t, gpus: 2 * SIM.gpus }];
}

/** arrivalEvery(t): the mean interval between arrivals at tick t, easing from calm to the peak over SIM.ramp. */
export function arrivalEvery(t: number): number {
  return SIM.calmEvery + (SIM.peakEvery - SIM.calmEvery) * smooth(clamp01((t - SIM.travelMax) / SIM.ramp));
}

/** The earliest tick ≥ t at which GPU g may take new work under the capacity schedule (Infinity: never). */
function availableFrom(steps: readonly CapacityStep[], g: number, t: number): number {
  if (g < capacityAt(steps, t)) return t;
  for (const s of steps) if (s.at > t && g < s.gpus) return s.at;
  return Infinity;
}

/**
 * createPlan(seed, capacity): when each request sets off, from which height, whether the
 * queue takes it, and when and where it is served. Arrivals come from mulberry32(seed)
 * alone, so the capacity schedule changes nothing before its first change: pressing the
 * button at tick t re-plans the same requests, and the picture carries on from t unbroken.
 * First come, first served; a request that finds the queue full is turned away.
 */
export function createPlan(seed: number, capacity: readonly CapacityStep[] = BASE): Plan {
  const rand = mulberry32(seed);
  const times: number[] = [];
  const travel: number[] = [];
  const lanes: number[] = [];
  for (let t: number = SIM.travelMax; t < SIM.horizon; ) {
    times.push(t);
    travel.push(SIM.travelMin + rand() * (SIM.travelMax - SIM.travelMin));
    lanes.push(rand());
    t += arrivalEvery(t) * (1 + SIM.jitter * (rand() * 2 - 1));
  }
  const count = times.length;
  const arrive = Float64Array.from(times);
  const launch = Float64Array.from(times, (a, k) => a - (travel[k] ?? 0));
  const lane = Float64Array.from(lanes);
  const start = new Float64Array(count);
  const gpu = new Int32Array(count);
  const ahead = new Float64Array(count);
  const end = new Float64Array(count);
  const maxGpus = Math.max(...capacity.map((s) => s.gpus));
  const free = new Float64Array(maxGpus);
  // Accepted requests in order; their starts never decrease (first come, first served).
  const accepted: number[] = [];
  let firstWaiting = 0;
  let lastStart = 0;
  const rejectIndex = new Int32Array(count).fill(-1);
  const rejected: number[] = [];
  const plan: Plan = { count, arrive, launch, lane, start, gpu, ahead, end, rejected: new Int32Array(0), rejectIndex, maxStay: 0, capacity };
  for (let k = 0; k < count; k++) {
    const a = arrive[k]!;
    while (firstWaiting < accepted.length && start[accepted[firstWaiting]!]! <= a) firstWaiting++;
    if (accepted.length - firstWaiting >= SIM.queueSlots) {
      start[k] = -1;
      gpu[k] = -1;
      ahead[k] = SIM.queueSlots;
      end[k] = a + SIM.fall;
      rejectIndex[k] = rejected.length;
      rejected.push(k);
      continue;
    }
    ahead[k] = queueAhead(plan, accepted, accepted.length, a);
    // The GPU that can take it first, no earlier than the request before it.
    let best = Infinity;
    let bestGpu = -1;
    for (let g = 0; g < maxGpus; g++) {
      const at = availableFrom(capacity, g, Math.max(a, lastStart, free[g]!));
      if (at < best) {
        best = at;
        bestGpu = g;
      }
    }
    if (bestGpu < 0) throw new Error('createPlan: a capacity schedule with no GPU');
    start[k] = best;
    gpu[k] = bestGpu;
    free[bestGpu] = best + SIM.service;
    lastStart = best;
    end[k] = best + SIM.service + SIM.fade;
    accepted.push(k);
  }
  plan.rejected = Int32Array.from(rejected);
  let maxStay = 0;
  for (let k = 0; k < count; k++) maxStay = Math.max(maxStay, end[k]! - arrive[k]!);
  plan.maxStay = maxStay;
  return plan;
}

/**
 * How many places ahead of a request the queue is at tick t: every accepted request before
 * it that has not yet left counts one, easing to zero over SIM.advance once it leaves.
 */
function queueAhead(plan: Plan, accepted: readonly number[], upTo: number, t: number): number {
  let n = 0;
  for (let i = upTo - 1; i >= 0; i--) {
    const s = plan.start[accepted[i]!]!;
    if (s + SIM.advance <= t) break;
    n += s > t ? 1 : 1 - smooth((t - s) / SIM.advance);
  }
  return n;
}

/** Places ahead of accepted request k at tick t (requests before k are the only ones that can be). */
function aheadAt(plan: Plan, k: number, t: number): number {
  let n = 0;
  for (let j = k - 1; j >= 0; j--) {
    const s = plan.start[j]!;
    if (s < 0) continue;
    if (s + SIM.advance <= t) break;
    n += s > t ? 1 : 1 - smooth((t - s) / SIM.advance);
  }
  return n;
}

/** What a request is doing at a tick; the figure draws each group as one path. */
export const Phase = { Hidden: 0, Moving: 1, Queued: 2, Served: 3, Rejected: 4, Piled: 5 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** The x at which the rate limit is drawn: half a place behind the last queue place. */
export function limitX(layout: FlowLayout): number {
  return layout.headX - (SIM.queueSlots - 0.5) * layout.spacing;
}

/**
 * place(plan, layout, k, t, out): where request k is at tick t: writes x, y and radius into
 * out[0..2] and returns its phase. Allocates nothing.
 */
export function place(plan: Plan, layout: FlowLayout, k: number, t: number, out: Float64Array): Phase {
  const { headX, queueY, spacing, r } = layout;
  const launch = plan.launch[k]!;
  const arrive = plan.arrive[k]!;
  const s = plan.start[k]!;
  if (t < launch || t >= plan.end[k]!) return Phase.Hidden;
  if (t < arrive) {
    // Set off from the left at the lane's height and merge into the queue's line.
    const u = (t - launch) / (arrive - launch);
    // It aims at the end of the queue as it is now (never as it will be: a later change of
    // capacity must not move a dot that is already on its way).
    const toX = headX - aheadAt(plan, firstArrivingFrom(plan, t), t) * spacing;
    const laneY = layout.laneTop + plan.lane[k]! * (layout.laneBottom - layout.laneTop);
    out[0] = layout.startX + (toX - layout.startX) * u;
    out[1] = laneY + (queueY - laneY) * smooth(u);
    out[2] = r * clamp01((t - launch) / SIM.fade);
    return Phase.Moving;
  }
  if (s < 0) {
    // Turned away at the limit: it drops onto the pile, or, once the pile is full, out of the picture.
    const f = (t - arrive) / SIM.fall;
    const j = plan.rejectIndex[k]!;
    const p = layout.pile;
    const piled = j < p.cols * p.rows;
    const toX = piled ? p.x + (j % p.cols) * p.step : layout.dropX;
    const toY = piled ? p.y - Math.floor(j / p.cols) * p.step : layout.dropY;
    const fromX = headX - plan.ahead[k]! * spacing;
    out[0] = fromX + (toX - fromX) * smooth(f);
    out[1] = queueY + (toY - queueY) * f * f;
    out[2] = piled || f < 0.6 ? r : (r * (1 - f)) / 0.4;
    return Phase.Rejected;
  }
  const g = 2 * plan.gpu[k]!;
  const gx = layout.gpus[g] ?? headX;
  const gy = layout.gpus[g + 1] ?? queueY;
  if (t < s) {
    out[0] = headX - aheadAt(plan, k, t) * spacing;
    out[1] = queueY;
    out[2] = r;
    return Phase.Queued;
  }
  if (t < s + SIM.enter) {
    // From its place in the queue (the head, unless several leave at once, as when GPUs are added).
    const e = smooth((t - s) / SIM.enter);
    const x0 = headX - aheadAt(plan, k, s) * spacing;
    out[0] = x0 + (gx - x0) * e;
    out[1] = queueY + (gy - queueY) * e;
    out[2] = r;
    return Phase.Moving;
  }
  // In its GPU until the work is done, then it shrinks away.
  const done = s + SIM.service;
  out[0] = gx;
  out[1] = gy;
  out[2] = t < done ? r : r * (1 - (t - done) / SIM.fade);
  return Phase.Served;
}

/** The index of the first request arriving at or after tick t (binary search; arrivals increase). */
function firstArrivingFrom(plan: Plan, t: number): number {
  let lo = 0;
  let hi = plan.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plan.arrive[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** turnedAway(plan, t): how many requests the rate limit has turned away by tick t. */
export function turnedAway(plan: Plan, t: number): number {
  let n = 0;
  const last = firstArrivingFrom(plan, t + 1e-9);
  for (let k = 0; k < last; k++) if (plan.start[k]! < 0) n++;
  return n;
}

/** What a frame shows, counted: the stills are chosen by these numbers, and tests read them. */
export interface Census {
  moving: number;
  queued: number;
  /** Requests in a GPU, at full size. */
  served: number;
  /** Turned-away requests visibly on their way out (between a third and 60 % of their fall). */
  falling: number;
  rejected: number;
}

/** census(plan, t): who is where at tick t. */
export function census(plan: Plan, t: number): Census {
  const c: Census = { moving: 0, queued: 0, served: 0, falling: 0, rejected: turnedAway(plan, t) };
  const out = new Float64Array(3);
  const unit: FlowLayout = { startX: 0, laneTop: 0, laneBottom: 0, headX: 0, queueY: 0, spacing: 0, dropX: 0, dropY: 0, r: 1, gpus: [], pile: { x: 0, y: 0, cols: 0, rows: 0, step: 0 } };
  forEachActive(plan, t, (k) => {
    const phase = place(plan, unit, k, t, out);
    if (phase === Phase.Moving) c.moving++;
    if (phase === Phase.Queued) c.queued++;
    if (phase === Phase.Served && out[2] === 1) c.served++;
    if (phase === Phase.Rejected) {
      const f = (t - plan.arrive[k]!) / SIM.fall;
      if (f > 0.33 && f < 0.6) c.falling++;
    }
  });
  return c;
}

/** Calls fn for every request that may be in the picture at tick t. */
function forEachActive(plan: Plan, t: number, fn: (k: number) => void): void {
  const from = firstArrivingFrom(plan, t - plan.maxStay);
  const to = firstArrivingFrom(plan, t + SIM.travelMax + 1);
  for (let k = from; k < to; k++) fn(k);
}

/** The picture at a tick as one path per group: dots as pairs of arcs, rounded to 0.1 unit. */
export interface FlowPaths {
  /** Travelling in and moving into a GPU. */
  moving: string;
  queued: string;
  served: string;
  /** Turned away and on their way to the pile … */
  rejected: string;
  /** … and the pile of those that have landed. */
  piled: string;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The d of one dot: two half arcs, so a dot is a few characters and a group is one element. */
function dot(x: number, y: number, r: number): string {
  const rr = r1(r);
  return `M${r1(x - r)},${r1(y)}a${rr},${rr} 0 1,0 ${r1(2 * r)},0a${rr},${rr} 0 1,0 ${r1(-2 * r)},0`;
}

/**
 * paths(plan, layout, t): the dots of every request in the picture at tick t, grouped by
 * phase, each group one path d. Pure: same plan, layout and tick, same strings; a few dozen
 * dots a frame, so flow.ts can call it every frame.
 */
export function paths(plan: Plan, layout: FlowLayout, t: number): FlowPaths {
  const groups: Record<Phase, string[]> = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [] };
  const out = new Float64Array(3);
  forEachActive(plan, t, (k) => {
    const phase = place(plan, layout, k, t, out);
    if (phase !== Phase.Hidden && out[2]! > 0.3) groups[phase].push(dot(out[0]!, out[1]!, out[2]!));
  });
  const p = layout.pile;
  const landed = Math.min(p.cols * p.rows, landedBy(plan, t));
  for (let j = 0; j < landed; j++) groups[5].push(dot(p.x + (j % p.cols) * p.step, p.y - Math.floor(j / p.cols) * p.step, layout.r));
  return { moving: groups[1].join(''), queued: groups[2].join(''), served: groups[3].join(''), rejected: groups[4].join(''), piled: groups[5].join('') };
}

/** How many turned-away requests have finished their fall by tick t (binary search: they are in arrival order). */
function landedBy(plan: Plan, t: number): number {
  let lo = 0;
  let hi = plan.rejected.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plan.arrive[plan.rejected[mid]!]! + SIM.fall <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The arrival rate at tick t in requests a second, and the pool's capacity: the meter compares the two. */
export function rates(steps: readonly CapacityStep[], t: number): { demand: number; capacity: number } {
  return { demand: SIM.ticksPerSecond / arrivalEvery(t), capacity: (capacityAt(steps, t) * SIM.ticksPerSecond) / SIM.service };
}

/** The ticks the figure's stills show, found in the plan so they always show what they claim. */
export interface Stills {
  /** the-surge: demand has passed capacity and the queue is filling, nobody turned away yet. */
  rising: number;
  /** rate-limit: the queue is full, every GPU busy, a turned-away request on its way out. */
  limit: number;
  /** more-gpus: ten seconds after `limit`, with and without the pool doubled at `limit`. */
  after: number;
}

/**
 * stills(seed): the three moments the static figure shows. Throws if the simulation never
 * reaches them (a tuning that no longer surges fails the build, not the reader).
 */
export function stills(seed: number): Stills {
  const plan = createPlan(seed);
  let rising = -1;
  let limit = -1;
  for (let t = SIM.travelMax; t < SIM.horizon / 4 && limit < 0; t++) {
    const c = census(plan, t);
    const over = rates(BASE, t).demand > rates(BASE, t).capacity;
    if (rising < 0 && over && c.rejected === 0 && c.queued >= SIM.queueSlots / 2 && c.served === SIM.gpus && c.moving >= 3) rising = t;
    if (rising >= 0 && c.queued >= SIM.queueSlots && c.served === SIM.gpus && c.falling > 0 && c.moving >= 4 && c.rejected >= 3) limit = t;
  }
  if (rising < 0 || limit < 0) throw new Error('stills: the simulation never fills its queue and turns requests away');
  return { rising, limit, after: limit + 10 * SIM.ticksPerSecond };
}
