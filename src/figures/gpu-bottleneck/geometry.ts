import type { Lang } from '../../i18n/lang';
import { arrow, block, headline, LAYOUTS, leadingOf, linear, lines, roundedRect, tag, TAG_HEIGHT, textContext, textWidth, time, wrap, type Box, type FigureContext, type TagKind } from '../kit';
import { rectsPath, type Mark } from '../marks';
import { SUMMARY } from '../types';
import { data as defaultData, strings, type GpuBottleneckData, type Key } from './data';
import { BASE, createPlan, doubledFrom, limitX, paths, rates, SEED, SIM, stills, turnedAway, type CapacityStep, type FlowLayout } from './simulation';

/** The figure's states in reading order; chapter steps use these ids. */
export const STATES = ['why-gpus', 'train-and-serve', 'the-surge', 'rate-limit', 'more-gpus', '100k-chunks', 'suppliers', 'since-then', SUMMARY] as const;
export type GpuState = (typeof STATES)[number];
/** The states in which the request flow runs in the browser (flow.ts), and the one with the button. */
export const FLOW_STATES: readonly GpuState[] = ['the-surge', 'rate-limit'];
export const BUTTON_STATE: GpuState = 'rate-limit';

export type Ctx = FigureContext<GpuState, Key>;

/** The moments of the simulation the stills show, computed once per build. */
export const STILLS = stills(SEED);
const BASE_PLAN = createPlan(SEED);
const DOUBLED_PLAN = createPlan(SEED, doubledFrom(STILLS.limit));

/** Margins, the headline's place and the box below it, for one layout. */
interface Frame {
  narrow: boolean;
  x0: number;
  x1: number;
  /** Baseline of the headline's first line. */
  headY: number;
  /** Top and bottom of the drawing below the headline. */
  top: number;
  bottom: number;
}

function frameOf(ctx: Pick<Ctx, 'narrow' | 'width' | 'height'>): Frame {
  const pad = ctx.narrow ? 12 : 24;
  return ctx.narrow
    ? { narrow: true, x0: pad, x1: ctx.width - pad, headY: 22, top: 56, bottom: ctx.height - 6 }
    : { narrow: false, x0: pad, x1: ctx.width - pad, headY: 40, top: 96, bottom: ctx.height - 16 };
}

/** Which tag a state carries: schematic drawings, the simulation and the context facts say so on the figure. */
export function tagFor(state: GpuState): TagKind | null {
  switch (state) {
    case 'why-gpus':
    case 'train-and-serve':
      return 'schematic';
    case 'the-surge':
    case 'rate-limit':
    case 'more-gpus':
    case SUMMARY:
      return 'simulation';
    case 'since-then':
      return 'context';
    default:
      return null;
  }
}

/**
 * The headline, and the state's tag at the right end of the first headline line that leaves
 * room for it (the headline keeps the full width; a phone has none to spare above it).
 */
function header(ctx: Ctx, f: Frame, d: GpuBottleneckData): Mark[] {
  const text = ctx.say(`headline.${ctx.state}`, { sum: ctx.num(d.since.total.gw) });
  const head = headline(lines(text, ctx.narrow).join('|'), { x: f.x0, y: f.headY, maxWidth: f.x1 - f.x0, size: ctx.narrow ? 'm' : 'l' });
  const kind = tagFor(ctx.state);
  if (!kind) return head;
  const probe = tag({ key: 'tag', kind, x: f.x1, y: 0, lang: ctx.lang, anchor: 'end' });
  const line = head.find((m) => f.x0 + textWidth(m.text, { size: m.size ?? 'm', weight: 'bold' }) + 12 + probe.width <= f.x1);
  if (!line) throw new Error(`gpu-bottleneck ${ctx.state}: no headline line leaves room for the ${kind} tag`);
  const t = tag({ key: 'tag', kind, x: f.x1, y: line.y - TAG_HEIGHT + 4, lang: ctx.lang, anchor: 'end' });
  return [...head, ...t.marks];
}

/** geometry(ctx): the marks of one state in one layout. Pure; shared parts keep their keys, so they move between states. */
export function geometry(ctx: Ctx, d: GpuBottleneckData = defaultData): Mark[] {
  const f = frameOf(ctx);
  const marks = header(ctx, f, d);
  switch (ctx.state) {
    case 'why-gpus':
      return [...marks, ...whyGpus(ctx, f)];
    case 'train-and-serve':
      return [...marks, ...trainAndServe(ctx, f)];
    case 'the-surge':
    case 'rate-limit':
      return [...marks, ...surge(ctx, f, d)];
    case 'more-gpus':
      return [...marks, ...moreGpus(ctx, f)];
    case '100k-chunks':
      return [...marks, ...chunks(ctx, f, d)];
    case 'suppliers':
      return [...marks, ...suppliers(ctx, f, d)];
    case 'since-then':
      return [...marks, ...sinceThen(ctx, f, d)];
    case SUMMARY:
      return [...marks, ...summary(ctx, f, d)];
  }
}

// ---------------------------------------------------------------------------------------------
// The request flow: a pool of GPUs, a queue in front of it, a limit, and the requests as dots.

/** A scene of the flow laid out in a box: where the simulation's dots go, and the pool's GPUs. */
export interface Scene {
  flow: FlowLayout;
  pool: Box;
  /** The GPU places: the base pool first, then the places the button fills. */
  gpus: Box[];
}

/**
 * scene(box, r): the flow in a box. The pool takes the right third, four columns of four
 * GPUs: the left two columns are the base pool, the right two the places the button fills.
 * The queue runs left from the pool, the limit stands at its end, and requests set off at
 * the box's left edge; turned-away ones fall to its bottom.
 */
export function scene(box: Box, r: number, labelRoom: number): Scene {
  const poolW = box.width * 0.3;
  const pool: Box = { x: box.x + box.width - poolW, y: box.y + labelRoom, width: poolW, height: box.height - labelRoom };
  const pad = r;
  const gap = r * 0.6;
  const w = (pool.width - 2 * pad - 3 * gap) / 4;
  const h = (pool.height - 2 * pad - 3 * gap) / 4;
  const gpus = Array.from({ length: 2 * SIM.gpus }, (_, i): Box => {
    const base = i < SIM.gpus;
    const col = (base ? 0 : 2) + (i % 2);
    const row = Math.floor((base ? i : i - SIM.gpus) / 2);
    return { x: pool.x + pad + col * (w + gap), y: pool.y + pad + row * (h + gap), width: w, height: h };
  });
  const spacing = 2.5 * r;
  const headX = pool.x - 2.2 * r;
  const queueY = pool.y + pool.height / 2;
  const lx = headX - (SIM.queueSlots - 0.5) * spacing;
  // The pile of turned-away requests fills the bottom left, up to the limit; the lanes run above it.
  const step = 2.3 * r;
  const pileRows = Math.max(1, Math.floor((box.y + box.height - queueY - 4 * r) / step / 2));
  const pile = { x: box.x + r, y: box.y + box.height - r, cols: Math.floor((lx - 2 * spacing - box.x) / step), rows: pileRows, step };
  const flow: FlowLayout = {
    startX: box.x + r,
    laneTop: box.y + labelRoom + r,
    laneBottom: pile.y - pileRows * step - r,
    headX,
    queueY,
    spacing,
    dropX: lx - 2 * spacing,
    dropY: pile.y - (pileRows - 1) * step,
    r,
    gpus: gpus.flatMap((g) => [g.x + g.width / 2, g.y + g.height / 2]),
    pile,
  };
  return { flow, pool, gpus };
}

interface SceneMarks {
  /** Key prefix: '' for the one scene of a state, 'a-' / 'b-' for the two panels. */
  pre: string;
  tick: number;
  capacity: readonly CapacityStep[];
  /** The limit is the subject of the step (drawn in the accent). */
  limitAccent: boolean;
  /** Label the queue and the limit (the small panels leave them to the big scene). */
  labels: boolean;
}

/** The marks of a scene at a tick: pool, GPUs, queue, limit and the dots, one path per group. */
function sceneMarks(ctx: Ctx, sc: Scene, o: SceneMarks): Mark[] {
  const { pre, tick } = o;
  const plan = o.capacity === BASE ? BASE_PLAN : DOUBLED_PLAN;
  const doubled = rates(o.capacity, tick).capacity > rates(BASE, tick).capacity;
  const { flow, pool } = sc;
  const lx = limitX(flow);
  const marks: Mark[] = [
    { kind: 'path', key: `${pre}pool-frame`, tone: 'muted', d: roundedRect(pool, 4) },
    // Empty places for the GPUs the button adds: outlined, so the room to grow is visible.
    { kind: 'path', key: `${pre}bays`, tone: 'muted', d: sc.gpus.slice(SIM.gpus).map((g) => roundedRect(g, 2)).join('') },
    ...sc.gpus.map((g, i): Mark => ({ kind: 'rect', key: `${pre}gpu-${i}`, tone: 'soft', ...g, rx: 2, ...(i >= SIM.gpus && !doubled ? { opacity: 0 } : {}) })),
    {
      kind: 'text',
      key: `${pre}pool-label`,
      tone: doubled ? 'accent' : 'ink',
      x: pool.x,
      y: pool.y - (ctx.narrow ? 5 : 8),
      text: ctx.say(doubled ? 'flow.poolDoubled' : 'flow.pool'),
      size: ctx.narrow ? 'xs' : 's',
      weight: 'bold',
    },
    { kind: 'line', key: `${pre}queue-line`, tone: 'grid', x1: lx, y1: flow.queueY, x2: flow.headX, y2: flow.queueY },
    { kind: 'line', key: `${pre}limit`, tone: o.limitAccent ? 'accent' : 'ink', x1: lx, y1: flow.queueY - 2.6 * flow.r, x2: lx, y2: flow.queueY + 2.6 * flow.r, width: 3 },
  ];
  if (o.labels) {
    const gap = ctx.narrow ? 6 : 9;
    // The dots pass under these two labels' boxes only at the queue's line, which the labels leave free.
    marks.push({ kind: 'text', key: `${pre}limit-label`, tone: o.limitAccent ? 'accent' : 'ink', x: lx, y: flow.queueY - 2.6 * flow.r - gap, text: ctx.say('flow.limit'), anchor: 'middle', size: 'xs', weight: 'bold', on: `${pre}req` });
    marks.push({ kind: 'text', key: `${pre}queue-label`, tone: 'muted', x: (lx + flow.headX) / 2, y: flow.queueY + 2.2 * flow.r + gap + 9, text: ctx.say('flow.queue'), anchor: 'middle', size: 'xs', on: `${pre}req` });
  }
  const p = paths(plan, flow, tick);
  marks.push(
    { kind: 'path', key: `${pre}req-piled`, tone: 'muted', d: p.piled, fill: true },
    { kind: 'path', key: `${pre}req-rejected`, tone: 'muted', d: p.rejected, fill: true },
    { kind: 'path', key: `${pre}req-moving`, tone: 'accent', d: p.moving, fill: true },
    { kind: 'path', key: `${pre}req-queued`, tone: 'accent', d: p.queued, fill: true },
    { kind: 'path', key: `${pre}req-served`, tone: 'accent', d: p.served, fill: true },
  );
  return marks;
}

/** The meter: demand (a bar) against capacity (a tick), on one scale of requests a second, from zero. */
export interface Meter {
  /** Where the bar starts and the scale's range. */
  x0: number;
  x1: number;
  /** The scale's top value (requests a second), niced from the simulation's rates. */
  max: number;
  y: number;
  height: number;
}

function meterOf(ctx: Ctx, x0: number, x1: number, y: number): Meter {
  const peak = rates(BASE, SIM.horizon).demand;
  const labelW = textWidth(ctx.say('flow.demand'), { size: 'xs' });
  const barX = x0 + labelW + 8;
  // Room at the right for half the capacity label when the pool is doubled.
  const right = x1 - textWidth(ctx.say('flow.capacity'), { size: 'xs' }) / 2;
  const axis = linear({ values: [peak, rates(doubledFrom(0), 0).capacity], range: [barX, right], ticks: 3 });
  const [lo, hi] = axis.scale.domain() as [number, number];
  return { x0: barX, x1: right, max: hi - lo, y, height: ctx.narrow ? 8 : 12 };
}

const meterX = (m: Meter, v: number) => m.x0 + ((m.x1 - m.x0) * v) / m.max;

function meterMarks(ctx: Ctx, m: Meter, pre: string, tick: number, capacity: readonly CapacityStep[], demandAccent: boolean): Mark[] {
  const { demand, capacity: cap } = rates(capacity, tick);
  const cx = meterX(m, cap);
  return [
    { kind: 'text', key: `${pre}meter-label`, tone: demandAccent ? 'accent' : 'ink', x: m.x0 - 8, y: m.y + m.height - 1, text: ctx.say('flow.demand'), anchor: 'end', size: 'xs', weight: 'bold' },
    { kind: 'line', key: `${pre}meter-axis`, tone: 'grid', x1: m.x0, y1: m.y + m.height, x2: m.x1, y2: m.y + m.height },
    { kind: 'rect', key: `${pre}meter-demand`, tone: 'accent', x: m.x0, y: m.y, width: meterX(m, demand) - m.x0, height: m.height },
    { kind: 'line', key: `${pre}meter-cap`, tone: 'ink', x1: cx, y1: m.y - 4, x2: cx, y2: m.y + m.height + 4, width: 3 },
    { kind: 'text', key: `${pre}meter-cap-label`, tone: 'ink', x: cx, y: m.y - 8, text: ctx.say('flow.capacity'), anchor: 'middle', size: 'xs' },
  ];
}

/**
 * The count of turned-away requests: the number set right-aligned in room for `digits`
 * digits, so it can climb in place, and its label beside it, on up to two lines that end
 * on the number's baseline.
 */
function counterMarks(ctx: Ctx, pre: string, x: number, y: number, value: number, label: Key, accent: boolean, maxWidth: number, digits = COUNTER_DIGITS): Mark[] {
  const size = ctx.narrow ? 'l' : 'xl';
  const room = textWidth(ctx.num(Number('8'.repeat(digits))), { size, weight: 'bold' });
  const style = { size: ctx.narrow ? ('xs' as const) : ('s' as const) };
  const lx = x + room + 6;
  const rows = wrap(ctx.say(label), maxWidth - room - 6, style).length;
  return [
    { kind: 'text', key: `${pre}count`, tone: accent ? 'accent' : 'ink', x: x + room, y, text: ctx.num(value), anchor: 'end', size, weight: 'bold' },
    ...block({ key: `${pre}count-label`, text: ctx.say(label), x: lx, y: y - (rows - 1) * leadingOf(style.size), maxWidth: maxWidth - room - 6, ...style, tone: 'muted', maxLines: 2 }).marks,
  ];
}

/** The counter has room for every count the simulation reaches before it starts over. */
const COUNTER_DIGITS = String(turnedAway(BASE_PLAN, SIM.horizon)).length;

/** Where the flow of the-surge and rate-limit sits in a layout: one definition for the still and the motion. */
export function surgeLayout(ctx: Pick<Ctx, 'narrow' | 'width' | 'height'>) {
  const f = frameOf(ctx);
  const meterY = f.narrow ? f.top + 8 : f.top + 14;
  const box: Box = f.narrow
    ? { x: f.x0, y: meterY + 20, width: f.x1 - f.x0, height: f.bottom - 30 - (meterY + 20) }
    : { x: f.x0, y: meterY + 56, width: f.x1 - f.x0, height: f.bottom - 62 - (meterY + 56) };
  const sc = scene(box, f.narrow ? 4 : 6.5, f.narrow ? 16 : 26);
  // The button sits over the bottom right corner (flow.ts places it there); nothing else is drawn in it.
  const button: Box = f.narrow ? { x: f.x1 - 132, y: f.bottom - 24, width: 132, height: 28 } : { x: f.x1 - 200, y: f.bottom - 42, width: 200, height: 46 };
  return { f, meterY, box, sc, button, counterY: f.bottom - (f.narrow ? 4 : 26) };
}

function surge(ctx: Ctx, f: Frame, d: GpuBottleneckData): Mark[] {
  const limit = ctx.state === 'rate-limit';
  const tick = limit ? STILLS.limit : STILLS.rising;
  const lay = surgeLayout(ctx);
  const meter = meterOf(ctx, f.x0, f.x1, lay.meterY);
  const marks: Mark[] = [
    ...meterMarks(ctx, meter, '', tick, BASE, !limit),
    ...sceneMarks(ctx, lay.sc, { pre: '', tick, capacity: BASE, limitAccent: limit, labels: true }),
    ...counterMarks(ctx, '', f.x0, lay.counterY, turnedAway(BASE_PLAN, tick), 'flow.rejected', limit, lay.button.x - 12 - f.x0),
  ];
  if (!f.narrow) {
    // One dot and what it stands for, and that the rates are made up: under the counter, left of the button.
    const ly = f.bottom - 2;
    marks.push({ kind: 'circle', key: 'legend-dot', tone: 'accent', cx: f.x0 + 5, cy: ly - 4.5, r: 5 });
    marks.push(...block({ key: 'legend', text: ctx.say('flow.legend'), x: f.x0 + 16, y: ly, maxWidth: lay.button.x - 16 - (f.x0 + 16), size: 'xs', tone: 'muted', maxLines: 1 }).marks);
  }
  if (limit && !f.narrow) {
    // The real limits of March 2025, as context with its date, under the meter.
    const t = tag({ key: 'context', kind: 'context', x: f.x0, y: lay.meterY + 26, lang: ctx.lang });
    marks.push(...t.marks);
    marks.push({ kind: 'text', key: 'limit-context', tone: 'ink', x: f.x0 + t.width + 8, y: lay.meterY + 26 + t.height - 5, text: ctx.say('flow.context', { date: ctx.date(d.rateLimit.date) }), size: 'xs' });
  }
  return marks;
}

/** The two panels of more-gpus: the same requests ten seconds on, without and with the pool doubled. */
function moreGpus(ctx: Ctx, f: Frame): Mark[] {
  const gap = f.narrow ? 12 : 32;
  const w = (f.x1 - f.x0 - gap) / 2;
  const marks: Mark[] = [{ kind: 'line', key: 'panel-rule', tone: 'grid', x1: f.x0 + w + gap / 2, y1: f.top - 4, x2: f.x0 + w + gap / 2, y2: f.bottom }];
  const panels = [
    { pre: 'a-', title: 'more.without' as const, capacity: BASE, plan: BASE_PLAN },
    { pre: 'b-', title: 'more.with' as const, capacity: doubledFrom(STILLS.limit), plan: DOUBLED_PLAN },
  ];
  panels.forEach((p, i) => {
    const x = f.x0 + i * (w + gap);
    const doubled = i === 1;
    const title = block({ key: `${p.pre}title`, text: ctx.say(p.title), x, y: f.top + (f.narrow ? 6 : 12), maxWidth: w, size: f.narrow ? 'xs' : 's', weight: 'bold', tone: doubled ? 'accent' : 'ink', maxLines: 2 });
    marks.push(...title.marks);
    let y = f.narrow ? f.top + 38 : title.next + 22;
    if (!f.narrow) {
      marks.push(...meterMarks(ctx, meterOf(ctx, x, x + w, y), p.pre, STILLS.after, p.capacity, false));
      y += 34;
    }
    const counterY = f.bottom - (f.narrow ? 4 : 10);
    const box: Box = { x, y, width: w, height: counterY - (f.narrow ? 28 : 48) - y };
    marks.push(...sceneMarks(ctx, scene(box, f.narrow ? 3 : 5, f.narrow ? 14 : 22), { pre: p.pre, tick: STILLS.after, capacity: p.capacity, limitAccent: false, labels: false }));
    marks.push(...counterMarks(ctx, p.pre, x, counterY, turnedAway(p.plan, STILLS.after), 'flow.rejected', doubled, w));
  });
  return marks;
}

/** Rejections in the ten seconds after the limit tripped, without and with the doubled pool (alt text, tests). */
export function rejectedAfter(): { without: number; with: number } {
  return {
    without: turnedAway(BASE_PLAN, STILLS.after) - turnedAway(BASE_PLAN, STILLS.limit),
    with: turnedAway(DOUBLED_PLAN, STILLS.after) - turnedAway(DOUBLED_PLAN, STILLS.limit),
  };
}

/** The keys of the marks flow.ts moves in the-surge and rate-limit (it claims them from the stage). */
export const FLOW_KEYS = [
  'req-piled',
  'req-rejected',
  'req-moving',
  'req-queued',
  'req-served',
  'count',
  'meter-demand',
  'meter-cap',
  'meter-cap-label',
  'pool-label',
  ...Array.from({ length: SIM.gpus }, (_, i) => `gpu-${SIM.gpus + i}`),
] as const;

/**
 * flowConfig(lang): what flow.ts needs in the browser, computed at build: the seed, the
 * still tick of each flow state, and per layout the scene, the meter's scale and the
 * button's box (user units), with the words it writes.
 */
export function flowConfig(lang: Lang) {
  const text = textContext(strings, lang);
  return {
    seed: SEED,
    stills: Object.fromEntries(FLOW_STATES.map((s) => [s, s === 'rate-limit' ? STILLS.limit : STILLS.rising])) as Record<string, number>,
    buttonState: BUTTON_STATE,
    keys: FLOW_KEYS,
    locale: lang,
    words: { pool: text.say('flow.pool'), poolDoubled: text.say('flow.poolDoubled'), added: text.say('button.added'), removed: text.say('button.removed') },
    layouts: Object.fromEntries(
      (['narrow', 'wide'] as const).map((name) => {
        const size = LAYOUTS[name];
        const ctx: Ctx = { ...text, state: BUTTON_STATE, layout: name, narrow: name === 'narrow', ...size };
        const lay = surgeLayout(ctx);
        const meter = meterOf(ctx, lay.f.x0, lay.f.x1, lay.meterY);
        return [name, { flow: lay.sc.flow, meter: { x0: meter.x0, max: meter.max, span: meter.x1 - meter.x0 }, button: lay.button, ...size }];
      }),
    ),
  };
}

/** The configuration flow.ts reads (JSON, from Enhance.astro). */
export type FlowConfig = ReturnType<typeof flowConfig>;

// ---------------------------------------------------------------------------------------------
// The schematic steps.

/** A box of square cores (the schematic CPU and GPU): its outline and all cores as one path. */
function coreBox(key: string, box: Box, cols: number, rows: number, tone: Mark['tone'], gap: number): Mark[] {
  const pad = gap + 4;
  const cell = Math.min((box.width - 2 * pad + gap) / cols, (box.height - 2 * pad + gap) / rows);
  const ox = box.x + (box.width - (cols * cell - gap)) / 2;
  const oy = box.y + (box.height - (rows * cell - gap)) / 2;
  const cores = Array.from({ length: rows * cols }, (_, i) => ({ x: ox + (i % cols) * cell, y: oy + Math.floor(i / cols) * cell, width: cell - gap, height: cell - gap }));
  return [
    { kind: 'path', key: `${key}-box`, tone: 'muted', d: roundedRect(box, 6) },
    // Many small cores stay square: a rounded corner each would multiply the path (and every still of the page) for nothing seen.
    { kind: 'path', key: `${key}-cores`, tone, d: rectsPath(cores, cols > 4 ? 0 : 4), fill: true },
  ];
}

function whyGpus(ctx: Ctx, f: Frame): Mark[] {
  const n = f.narrow;
  const gap = n ? 14 : 28;
  const cpuW = (f.x1 - f.x0 - gap) * 0.36;
  const gpuX = f.x0 + cpuW + gap;
  const labelY = f.top + (n ? 10 : 16);
  const descY = labelY + (n ? 15 : 20);
  const marks: Mark[] = [];
  let descNext = descY;
  for (const [key, x, w, tone] of [['cpu', f.x0, cpuW, 'ink'], ['gpu', gpuX, f.x1 - gpuX, 'accent']] as const) {
    marks.push({ kind: 'text', key: `${key}-label`, tone, x, y: labelY, text: ctx.say(`why.${key}`), size: n ? 'm' : 'l', weight: 'bold' });
    const desc = block({ key: `${key}-desc`, text: ctx.say(`why.${key}.desc`), x, y: descY, maxWidth: w, size: n ? 'xs' : 's', tone: 'muted', maxLines: 2 });
    marks.push(...desc.marks);
    descNext = Math.max(descNext, desc.next);
  }
  const boxTop = descNext - (n ? 4 : 6);
  const noteStyle = { size: n ? ('xs' as const) : ('s' as const) };
  const noteLines = wrap(ctx.say('why.note'), f.x1 - f.x0, noteStyle).length;
  const noteY = f.bottom - (n ? 4 : 10) - (noteLines - 1) * leadingOf(noteStyle.size);
  const boxBottom = noteY - (n ? 18 : 30);
  const h = boxBottom - boxTop;
  marks.push(...coreBox('cpu', { x: f.x0, y: boxTop, width: cpuW, height: h }, 2, 2, 'muted', n ? 8 : 14));
  const gpuBox = { x: gpuX, y: boxTop, width: f.x1 - gpuX, height: h };
  const cols = n ? 14 : 24;
  marks.push(...coreBox('gpu', gpuBox, cols, Math.max(1, Math.round((cols * h) / gpuBox.width)), 'accent', n ? 2 : 3));
  marks.push(...block({ key: 'why-note', text: ctx.say('why.note'), x: f.x0, y: noteY, maxWidth: f.x1 - f.x0, ...noteStyle, tone: 'ink', maxLines: 2 }).marks);
  return marks;
}

function trainAndServe(ctx: Ctx, f: Frame): Mark[] {
  const n = f.narrow;
  const gap = n ? 16 : 40;
  const half = (f.x1 - f.x0 - gap) / 2;
  const titleY = f.top + (n ? 8 : 16);
  const descY = titleY + (n ? 15 : 20);
  const descLines = Math.max(...(['train.desc', 'serve.desc'] as const).map((k) => wrap(ctx.say(k), half, { size: 'xs' }).length));
  const top = descY + (descLines - 1) * leadingOf('xs') + (n ? 12 : 24);
  const marks: Mark[] = [];
  // Training: a farm of linked GPUs, and a long arrow of time under it.
  const tx = f.x0;
  marks.push({ kind: 'text', key: 'train-title', tone: 'ink', x: tx, y: titleY, text: ctx.say('train.title'), size: n ? 's' : 'm', weight: 'bold' });
  marks.push(...block({ key: 'train-desc', text: ctx.say('train.desc'), x: tx, y: descY, maxWidth: half, size: 'xs', tone: 'muted', maxLines: 2 }).marks);
  const timeY = f.bottom - (n ? 20 : 34);
  const farmBottom = timeY - (n ? 10 : 18);
  const cols = n ? 5 : 7;
  const rows = n ? 4 : 6;
  const cw = half / (cols * 1.5 - 0.5);
  const ch = Math.min(cw * 0.7, (farmBottom - top) / (rows * 1.5 - 0.5));
  const rowStep = (farmBottom - top - ch) / (rows - 1);
  const colStep = (half - cw) / (cols - 1);
  const links: string[] = [];
  const farm: Box[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = tx + c * colStep;
      const y = top + r * rowStep;
      farm.push({ x, y, width: cw, height: ch });
      // Links to the right and downward neighbours: the network that makes one machine of many.
      if (c + 1 < cols) links.push(`M${x + cw},${y + ch / 2}H${x + colStep}`);
      if (r + 1 < rows) links.push(`M${x + cw / 2},${y + ch}V${y + rowStep}`);
    }
  }
  marks.push({ kind: 'path', key: 'farm-links', tone: 'muted', d: links.join('') });
  marks.push({ kind: 'path', key: 'farm-gpus', tone: 'accent', d: rectsPath(farm), fill: true });
  marks.push({ kind: 'path', key: 'train-time', tone: 'ink', d: arrowD(tx, tx + half, timeY), width: 2 });
  marks.push({ kind: 'text', key: 'train-time-label', tone: 'muted', x: tx, y: timeY + (n ? 14 : 20), text: ctx.say('train.time'), size: 'xs' });

  // Serving: the same pool as in the surge, every GPU holding one request, more waiting.
  const sx = f.x0 + half + gap;
  marks.push({ kind: 'text', key: 'serve-title', tone: 'ink', x: sx, y: titleY, text: ctx.say('serve.title'), size: n ? 's' : 'm', weight: 'bold' });
  marks.push(...block({ key: 'serve-desc', text: ctx.say('serve.desc'), x: sx, y: descY, maxWidth: half, size: 'xs', tone: 'muted', maxLines: 2 }).marks);
  const box: Box = { x: sx, y: top, width: half, height: f.bottom - top };
  const r = n ? 4 : 6.5;
  // The pool takes the right part of the half; the waiting requests the rest.
  const poolShare = 0.55;
  const pool: Box = { x: sx + half * (1 - poolShare), y: top, width: half * poolShare, height: f.bottom - top };
  const pad = r;
  const g = r * 0.6;
  const w = (pool.width - 2 * pad - g) / 2;
  const h = (pool.height - 2 * pad - 3 * g) / 4;
  const gpus = Array.from({ length: SIM.gpus }, (_, i): Box => ({ x: pool.x + pad + (i % 2) * (w + g), y: pool.y + pad + Math.floor(i / 2) * (h + g), width: w, height: h }));
  marks.push({ kind: 'path', key: 'pool-frame', tone: 'muted', d: roundedRect(pool, 4) });
  gpus.forEach((b, i) => marks.push({ kind: 'rect', key: `gpu-${i}`, tone: 'soft', ...b, rx: 2 }));
  const dots = (pts: [number, number][]) => pts.map(([x, y]) => `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`).join('');
  marks.push({ kind: 'path', key: 'req-served', tone: 'accent', d: dots(gpus.map((b) => [b.x + b.width / 2, b.y + b.height / 2])), fill: true });
  const qy = pool.y + pool.height / 2;
  const waiting: [number, number][] = [0, 1, 2, 3].map((i) => [pool.x - 2.2 * r - i * 2.5 * r, qy]);
  marks.push({ kind: 'path', key: 'req-queued', tone: 'accent', d: dots(waiting), fill: true });
  marks.push({ kind: 'text', key: 'serve-waiting', tone: 'muted', x: box.x, y: qy + 2.6 * r + 12, text: ctx.say('serve.waiting'), size: 'xs' });
  return marks;
}

/** A horizontal arrow from x0 to x1 at y, drawn with the kit's one arrow. */
function arrowD(x0: number, x1: number, y: number): string {
  return arrow([[x0, y], [x1, y]]);
}

// ---------------------------------------------------------------------------------------------
// The article's facts as graphics.

function chunks(ctx: Ctx, f: Frame, d: GpuBottleneckData): Mark[] {
  const n = f.narrow;
  const side = Math.round(Math.sqrt(d.squares));
  const marks: Mark[] = [];
  // The chunk: 100 squares of 1,000 each (of GPUs, if that is what "100k" counts). Under it,
  // what one square stands for and the arithmetic.
  const gridTop = f.top + (n ? 2 : 8);
  const calcY = f.bottom - (n ? 4 : 10);
  const keyY = calcY - (n ? 16 : 24);
  const cell = Math.floor((keyY - (n ? 16 : 26) - gridTop) / side);
  const gap = n ? 2 : 3;
  const squares = Array.from({ length: d.squares }, (_, i) => ({ x: f.x0 + (i % side) * cell, y: gridTop + Math.floor(i / side) * cell, width: cell - gap, height: cell - gap }));
  marks.push({ kind: 'path', key: 'chunk-squares', tone: 'accent', d: rectsPath(squares), fill: true });
  const k = n ? cell - gap : cell - gap;
  marks.push({ kind: 'rect', key: 'chunk-key', tone: 'accent', x: f.x0, y: keyY - k + 1, width: k, height: k });
  marks.push({ kind: 'text', key: 'chunk-key-label', tone: 'ink', x: f.x0 + k + 5, y: keyY, text: ctx.say('chunk.key', { n: ctx.num(d.perSquare) }), size: n ? 'xs' : 's', weight: 'bold' });
  marks.push({ kind: 'text', key: 'chunk-calc', tone: 'muted', x: f.x0, y: calcY, text: ctx.say('chunk.calc', { a: ctx.num(d.chunk), b: ctx.num(d.perSquare), c: ctx.num(d.squares) }), size: 'xs' });
  // Beside the grid: the quote's words, who and when, and the hedge.
  const cx = f.x0 + side * cell + (n ? 12 : 32);
  const cw = f.x1 - cx;
  let y = f.top + (n ? 10 : 28);
  if (!n) {
    marks.push({ kind: 'text', key: 'chunk-big', tone: 'accent', x: cx, y, text: ctx.say('chunk.big'), size: 'xl', weight: 'bold' });
    y += 40;
  }
  const quote = block({ key: 'quote', text: ctx.say(n ? 'quote.excerpt' : 'quote.full', { q: n ? d.excerpt : d.quote.text }), x: cx, y, maxWidth: cw, size: n ? 'xs' : 's', tone: 'ink', maxLines: n ? 2 : 5 });
  marks.push(...quote.marks);
  const by = block({ key: 'quote-by', text: `– ${ctx.say('quote.by', { date: ctx.date(d.quote.date) })}`, x: cx, y: quote.next + (n ? 0 : 4), maxWidth: cw, size: 'xs', tone: 'muted', maxLines: 2 });
  marks.push(...by.marks);
  marks.push(...block({ key: 'chunk-unit', text: ctx.say('chunk.unit'), x: cx, y: by.next + (n ? 8 : 24), maxWidth: cw, size: n ? 'xs' : 'm', weight: 'bold', tone: 'ink', maxLines: n ? 4 : 3 }).marks);
  return marks;
}

/** The estimate as an interval on a dollar axis from zero, its ticks from the data. */
function rangeMarks(ctx: Ctx, d: GpuBottleneckData, x0: number, x1: number, top: number): Mark[] {
  const n = ctx.narrow;
  const axis = linear({ values: [d.contract.low, d.contract.high], range: [x0, x1], ticks: 2 });
  const x = axis.scale;
  const barH = n ? 14 : 20;
  const barY = top + (n ? 10 : 16);
  const axisY = barY + barH + 6;
  const marks: Mark[] = [
    { kind: 'text', key: 'range-title', tone: 'muted', x: x0, y: top, text: ctx.say('range.title'), size: 'xs' },
    { kind: 'rect', key: 'range-bar', tone: 'accent', x: x(d.contract.low), y: barY, width: x(d.contract.high) - x(d.contract.low), height: barH },
    // The value sits in the empty stretch from zero to the low end: the estimate starts well above nothing.
    { kind: 'text', key: 'range-value', tone: 'accent', x: x(d.contract.low) - 8, y: barY + barH - (n ? 3 : 5), text: ctx.say('range.value', { lo: ctx.num(d.contract.low), hi: ctx.num(d.contract.high) }), anchor: 'end', size: n ? 's' : 'm', weight: 'bold' },
    { kind: 'line', key: 'range-axis', tone: 'ink', x1: x0, y1: axisY, x2: x1, y2: axisY },
  ];
  const last = axis.ticks[axis.ticks.length - 1];
  for (const v of axis.ticks) {
    marks.push({ kind: 'line', key: `range-tick-${v}`, tone: 'ink', x1: x(v), y1: axisY, x2: x(v), y2: axisY + 4 });
    marks.push({ kind: 'text', key: `range-tick-${v}-label`, tone: 'muted', x: x(v), y: axisY + 16, text: v === last ? ctx.say('range.tickUnit', { n: ctx.num(v) }) : ctx.num(v), anchor: v === axis.ticks[0] ? 'start' : v === last ? 'end' : 'middle', size: 'xs' });
  }
  return marks;
}

function suppliers(ctx: Ctx, f: Frame, d: GpuBottleneckData): Mark[] {
  const n = f.narrow;
  const count = d.vendors.length;
  const gap = n ? 6 : 16;
  const w = (f.x1 - f.x0 - (count - 1) * gap) / count;
  const h = n ? 58 : 108;
  const top = f.top;
  const marks: Mark[] = [];
  d.vendors.forEach((v, i) => {
    const x = f.x0 + i * (w + gap);
    const key = `vendor-${v.key}`;
    const ink = v.leads ? 'paper' : 'ink';
    marks.push(v.leads ? { kind: 'rect', key, tone: 'accent', x, y: top, width: w, height: h, rx: 4 } : { kind: 'path', key, tone: 'muted', d: roundedRect({ x: x + 0.5, y: top + 0.5, width: w - 1, height: h - 1 }, 4) });
    const pad = n ? 8 : 14;
    marks.push({ kind: 'text', key: `${key}-name`, tone: ink, x: x + pad, y: top + (n ? 18 : 34), text: v.name, size: n ? 's' : 'l', weight: 'bold', ...(v.leads ? { on: key } : {}) });
    marks.push(...block({ key: `${key}-desc`, text: ctx.say(`vendor.${v.key}`), x: x + pad, y: top + (n ? 34 : 62), maxWidth: w - 2 * pad, size: n ? 'xs' : 's', tone: ink, maxLines: 2, ...(v.leads ? { on: key } : {}) }).marks);
  });
  const few = block({ key: 'few', text: ctx.say('few'), x: f.x0, y: top + h + (n ? 16 : 34), maxWidth: f.x1 - f.x0, size: n ? 'xs' : 'm', weight: 'bold', tone: 'ink', maxLines: 1 });
  marks.push(...few.marks);
  const rangeTop = n ? f.bottom - 46 : few.next + 60;
  marks.push(...rangeMarks(ctx, d, f.x0, f.x1, rangeTop));
  return marks;
}

/**
 * The chip agreements after the article as a staircase on a time line: at each date a
 * column from zero to the running total, the new agreement's gigawatts in the accent on
 * top of what came before. The last column is 10 + 6 + 10 = 26, read off one scale.
 * Gigawatts are electrical power: nothing here turns them into chips.
 */
function sinceThen(ctx: Ctx, f: Frame, d: GpuBottleneckData): Mark[] {
  const n = f.narrow;
  const { agreements, total, firstDeployment } = d.since;
  const marks: Mark[] = [];
  const colW = n ? 58 : 96;
  const baseY = f.bottom - (n ? 34 : 90);
  const plotTop = f.top + (n ? 28 : 40);
  const xs = time({ dates: agreements.map((a) => a.date), range: [f.x0 + colW / 2, f.x1 - colW / 2] });
  const ys = linear({ values: [total.gw], range: [baseY, plotTop], nice: false });
  const y = ys.scale;
  marks.push({ kind: 'line', key: 'since-base', tone: 'ink', x1: f.x0, y1: baseY, x2: f.x1, y2: baseY });
  let before = 0;
  agreements.forEach((a, i) => {
    const cx = xs.at(a.date);
    const x = cx - colW / 2;
    const after = before + a.gw;
    if (before > 0) marks.push({ kind: 'rect', key: `since-${a.key}-before`, tone: 'soft', x, y: y(before), width: colW, height: baseY - y(before) });
    marks.push({ kind: 'rect', key: `since-${a.key}-bar`, tone: 'accent', x, y: y(after), width: colW, height: y(before) - y(after) - (before > 0 ? 1 : 0) });
    const value = ctx.say(i === 0 ? (a.atLeast ? 'since.valueAtLeast' : 'since.value') : 'since.plus', { gw: ctx.num(a.gw) });
    marks.push({ kind: 'text', key: `since-${a.key}-value`, tone: 'accent', x: inside(f, cx, value, n ? 'xs' : 's'), y: y(after) - 6, text: value, anchor: 'middle', size: n ? 'xs' : 's', weight: 'bold' });
    marks.push({ kind: 'text', key: `since-${a.key}-name`, tone: 'ink', x: cx, y: baseY + (n ? 14 : 20), text: a.name, anchor: 'middle', size: n ? 'xs' : 's', weight: 'bold' });
    marks.push({ kind: 'text', key: `since-${a.key}-date`, tone: 'muted', x: cx, y: baseY + (n ? 28 : 38), text: shortDate(ctx.lang, a.date), anchor: 'middle', size: 'xs' });
    before = after;
  });
  // The sum, on the total's height: the arithmetic in full.
  const totalY = y(total.gw);
  const lastX = xs.at(agreements[agreements.length - 1]!.date) - colW / 2;
  marks.push({ kind: 'line', key: 'since-total-line', tone: 'ink', x1: f.x0, y1: totalY, x2: lastX - 6, y2: totalY, dashed: true });
  const sum = ctx.say('since.sum', { list: agreements.map((a) => ctx.num(a.gw)).join(' + '), sum: ctx.num(total.gw) });
  marks.push({ kind: 'text', key: 'since-total', tone: 'ink', x: f.x0, y: totalY - 6, text: sum, size: n ? 'xs' : 'm', weight: 'bold' });
  if (!n) {
    marks.push(...block({ key: 'since-unit', text: ctx.say('since.unit'), x: f.x0, y: baseY + 62, maxWidth: f.x1 - f.x0, size: 'xs', tone: 'muted', maxLines: 1 }).marks);
    marks.push(...block({ key: 'since-planned', text: ctx.say('since.planned', { half: ctx.say(`since.half.${firstDeployment.half}`), year: firstDeployment.year }), x: f.x0, y: baseY + 80, maxWidth: f.x1 - f.x0, size: 'xs', weight: 'bold', tone: 'ink', maxLines: 1 }).marks);
  }
  return marks;
}

/** The x of a middle-anchored bold label at cx, moved in just enough to stay inside the frame. */
function inside(f: Frame, cx: number, text: string, size: 'xs' | 's'): number {
  const half = textWidth(text, { size, weight: 'bold' }) / 2;
  return Math.min(f.x1 - half, Math.max(f.x0 + half, cx));
}

/** "22. Sept." / "22 Sept": a date short enough to stand under a column. */
function shortDate(lang: Ctx['lang'], iso: string): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** The summary: the overflowing pool at the moment the limit trips, and beside it where more chips would come from. */
function summary(ctx: Ctx, f: Frame, d: GpuBottleneckData): Mark[] {
  const n = f.narrow;
  const tick = STILLS.limit;
  const marks: Mark[] = [];
  if (n) {
    const box: Box = { x: f.x0, y: f.top, width: f.x1 - f.x0, height: f.bottom - 48 - f.top };
    marks.push(...sceneMarks(ctx, scene(box, 4, 16), { pre: '', tick, capacity: BASE, limitAccent: true, labels: true }));
    marks.push(...counterMarks(ctx, '', f.x0, f.bottom - 24, turnedAway(BASE_PLAN, tick), 'flow.rejected', true, f.x1 - f.x0));
    marks.push(...block({ key: 'sum-short', text: ctx.say('sum.short'), x: f.x0, y: f.bottom - 4, maxWidth: f.x1 - f.x0, size: 'xs', tone: 'ink', weight: 'bold', maxLines: 1 }).marks);
    return marks;
  }
  const split = f.x0 + (f.x1 - f.x0) * 0.6;
  const box: Box = { x: f.x0, y: f.top + 10, width: split - f.x0, height: f.bottom - 70 - f.top };
  marks.push(...sceneMarks(ctx, scene(box, 6, 26), { pre: '', tick, capacity: BASE, limitAccent: true, labels: true }));
  marks.push(...counterMarks(ctx, '', f.x0, f.bottom - 10, turnedAway(BASE_PLAN, tick), 'flow.rejected', true, split - f.x0));
  // The supply side, one fact a line: what the article says came next, and the context after it.
  const sx = split + 28;
  const sw = f.x1 - sx;
  let y = f.top + 30;
  const items: [string, Key, Record<string, string>][] = [
    ['sum-chunk', 'sum.chunk', {}],
    ['sum-supply', 'sum.supply', {}],
    ['sum-range', 'sum.range', { lo: ctx.num(d.contract.low), hi: ctx.num(d.contract.high) }],
  ];
  for (const [key, text, params] of items) {
    const b = block({ key, text: ctx.say(text, params), x: sx, y, maxWidth: sw, size: 's', weight: key === 'sum-supply' ? 'bold' : 'regular', tone: key === 'sum-supply' ? 'accent' : 'ink', maxLines: 3 });
    marks.push(...b.marks);
    y = b.next + 24;
  }
  const t = tag({ key: 'sum-context', kind: 'context', x: sx, y, lang: ctx.lang });
  marks.push(...t.marks);
  marks.push(...block({ key: 'sum-since', text: ctx.say('sum.since', { sum: ctx.num(d.since.total.gw) }), x: sx, y: y + t.height + 18, maxWidth: sw, size: 's', tone: 'ink', maxLines: 3 }).marks);
  return marks;
}
