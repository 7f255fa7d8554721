import { scaleLinear } from 'd3-scale';
import { fill, formatDate, formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import { rectsPath, round, type Mark, type TextMark } from '../marks';
import { headline } from '../headline';
import type { GeometryOptions } from '../types';
import { data as defaultData, type GpuBottleneckData } from './data';
import { createPlan, limitX, positionsAt, SEED, SIM, stillTick, type FlowLayout } from './simulation';
import { stateFor, type GpuBottleneckState } from './states';
import { strings } from './strings';

type Key = keyof (typeof strings)['de'];
type Say = (key: Key, params?: Record<string, string | number>) => string;
type TextSize = NonNullable<TextMark['size']>;

/** Type sizes in user units, as figure.css sets them (and the generic test assumes). */
const PX: Record<TextSize, number> = { xs: 11.5, s: 13.5, m: 16, l: 22, xl: 30 };
/** Line height per size, for wrapped text. */
const LEADING: Record<TextSize, number> = { xs: 15, s: 18, m: 20, l: 26, xl: 34 };
/** Radius of a request circle. */
const R = 5;

/** Margins and the headline position for one layout. */
export interface Frame {
  narrow: boolean;
  width: number;
  height: number;
  left: number;
  right: number;
  headlineY: number;
}

/** frame(width, height): margins for a layout; below 480 user units it is the phone layout. */
export function frame(width: number, height: number): Frame {
  const narrow = width < 480;
  const pad = narrow ? 12 : 16;
  return { narrow, width, height, left: pad, right: width - pad, headlineY: narrow ? 24 : 30 };
}

/** textWidth(): the estimated advance of a line of text (the generic test uses the same estimate). */
export function textWidth(text: string, size: TextSize, bold = false): number {
  return [...text].length * 0.56 * PX[size] * (bold ? 1.04 : 1);
}

/** wrap(): greedy word wrap of text into lines no wider than maxWidth (estimated). No-break spaces hold. */
export function wrap(text: string, maxWidth: number, size: TextSize, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  // Not \s: in JavaScript it matches U+00A0, which must keep "26 GW" on one line.
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A block of wrapped text as marks key-0, key-1, …; returns the marks and the baseline of the last line. */
function paragraph(
  key: string,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  style: { size: TextSize; tone: TextMark['tone']; bold?: boolean },
): { marks: TextMark[]; bottom: number } {
  const lines = text ? wrap(text, maxWidth, style.size, style.bold) : [];
  const marks = lines.map<TextMark>((line, i) => ({
    kind: 'text',
    key: `${key}-${i}`,
    tone: style.tone,
    x,
    y: y + i * LEADING[style.size],
    text: line,
    size: style.size,
    weight: style.bold ? 'bold' : 'regular',
  }));
  return { marks, bottom: y + Math.max(0, lines.length - 1) * LEADING[style.size] };
}

/**
 * rangeScale(domainMax, x0, x1): a linear axis from zero. The $ bn axis uses it, so the
 * 1–2 interval is drawn at its true distance from nothing; so does the gigawatt axis,
 * one scale for every agreement and their sum, so lengths compare as electrical power.
 */
export function rangeScale(domainMax: number, x0: number, x1: number) {
  return scaleLinear().domain([0, domainMax]).range([x0, x1]);
}

/** The pool of GPUs: its box and the GPU places, two columns of four. */
interface PoolBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Top of the first row of GPUs, and the GPUs' size and gaps. */
  gpuTop: number;
  gpuW: number;
  gpuH: number;
  gapX: number;
  gapY: number;
  pad: number;
}

/** Where the flow and the pool sit in the-surge (or, smaller, in the summary). */
export interface Scene {
  flow: FlowLayout;
  pool: PoolBox;
}

function gpuRects(p: PoolBox): { x: number; y: number; w: number; h: number }[] {
  return Array.from({ length: SIM.gpus }, (_, i) => ({
    x: p.x + p.pad + (i % 2) * (p.gpuW + p.gapX),
    y: p.gpuTop + Math.floor(i / 2) * (p.gpuH + p.gapY),
    w: p.gpuW,
    h: p.gpuH,
  }));
}

function sceneFrom(pool: PoolBox, flow: Omit<FlowLayout, 'gpus'>): Scene {
  const gpus = gpuRects(pool).flatMap((g) => [g.x + g.w / 2, g.y + g.h / 2]);
  return { pool, flow: { ...flow, gpus } };
}

/**
 * scene(f, compact): the layout of the request flow. compact is the summary's smaller
 * version, which leaves room below for the suppliers and the contract range.
 */
export function scene(f: Frame, compact = false): Scene {
  if (f.narrow && !compact) {
    const pool: PoolBox = { x: 226, y: 92, width: 102, height: 170, gpuTop: 102, gpuW: 40, gpuH: 32, gapX: 6, gapY: 8, pad: 8 };
    return sceneFrom(pool, { startX: 16, laneTop: 108, laneBottom: 262, headX: 214, queueY: 177, spacing: 12, dropX: 98, dropY: 280 });
  }
  if (f.narrow) {
    const pool: PoolBox = { x: 230, y: 62, width: 98, height: 134, gpuTop: 84, gpuW: 38, gpuH: 22, gapX: 6, gapY: 4, pad: 8 };
    return sceneFrom(pool, { startX: 16, laneTop: 76, laneBottom: 190, headX: 218, queueY: 131, spacing: 11, dropX: 106, dropY: 190 });
  }
  if (!compact) {
    const pool: PoolBox = { x: 404, y: 92, width: 220, height: 236, gpuTop: 146, gpuW: 92, gpuH: 36, gapX: 12, gapY: 8, pad: 12 };
    return sceneFrom(pool, { startX: 22, laneTop: 108, laneBottom: 300, headX: 386, queueY: 210, spacing: 16, dropX: 236, dropY: 318 });
  }
  const pool: PoolBox = { x: 322, y: 58, width: 148, height: 180, gpuTop: 90, gpuW: 60, gpuH: 30, gapX: 8, gapY: 6, pad: 10 };
  return sceneFrom(pool, { startX: 22, laneTop: 72, laneBottom: 222, headX: 306, queueY: 150, spacing: 13, dropX: 180, dropY: 232 });
}

/** The simulation plan and its still frame, computed once per build. */
const PLAN = createPlan(SEED);
const STILL = stillTick(PLAN);

/** flowConfig(): what flow.ts needs in the browser: the seed, the still tick and the-surge's layouts. */
export function flowConfig(layouts: Record<string, { width: number; height: number }>) {
  return {
    seed: SEED,
    still: STILL,
    layouts: Object.fromEntries(Object.entries(layouts).map(([name, size]) => [name, scene(frame(size.width, size.height)).flow])),
  };
}

/**
 * geometry({ state, width, height, lang }): the marks of the gpu-bottleneck figure.
 * Pure; the pool's GPUs, the request circles and the contract range keep their keys
 * across states, so they move rather than blink.
 */
export function geometry(opts: GeometryOptions, d: GpuBottleneckData = defaultData): Mark[] {
  const state = stateFor(opts.state);
  const f = frame(opts.width, opts.height);
  const s: Say = (key, params) => fill(strings[opts.lang][key], params);
  const num = (n: number) => formatNumber(opts.lang, n);
  const marks: Mark[] = [];

  marks.push(...headline(s(`headline.${state}`, { n: num(d.chunk), sum: num(d.since.total.gw) }), { narrow: f.narrow, x: f.left, y: f.headlineY }));
  const tag = tagFor(state);
  if (tag) marks.push(...tagMarks(s(tag), f));

  switch (state) {
    case 'why-gpus':
      marks.push(...whyGpus(f, s));
      break;
    case 'train-and-serve':
      marks.push(...trainAndServe(f, s));
      break;
    case 'the-surge':
      marks.push(...surge(f, s));
      break;
    case '100k-chunks':
      marks.push(...chunks(f, s, d, opts.lang));
      break;
    case 'suppliers':
      marks.push(...suppliers(f, s, d, opts.lang));
      break;
    case 'since-then':
      marks.push(...sinceThen(f, s, d, opts.lang));
      break;
    case 'summary':
      marks.push(...summary(f, s, d, opts.lang));
      break;
  }
  return marks;
}

/** Which label a state carries on the figure: schematic drawings and the simulation say so. */
export function tagFor(state: GpuBottleneckState): Key | null {
  switch (state) {
    case 'why-gpus':
    case 'train-and-serve':
    case 'summary':
      return 'tag.schematic';
    case 'the-surge':
      return 'tag.simulation';
    case 'since-then':
      return 'tag.context';
    default:
      return null;
  }
}

function tagMarks(text: string, f: Frame): Mark[] {
  const w = textWidth(text, 'xs', true) + 14;
  return [
    { kind: 'rect', key: 'tag-bg', tone: 'grid', x: f.right - w, y: f.headlineY - 14, width: w, height: 19, rx: 3 },
    { kind: 'text', key: 'tag', tone: 'muted', x: f.right - w / 2, y: f.headlineY - 1, text, anchor: 'middle', size: 'xs', weight: 'bold' },
  ];
}

/** A box filled with a grid of square cores (the schematic CPU and GPU). */
function coreBox(prefix: string, x: number, y: number, w: number, h: number, cols: number, rows: number, tone: Mark['tone']): Mark[] {
  const pad = 8;
  const gap = cols > 4 ? 3 : 8;
  const cell = Math.min((w - 2 * pad + gap) / cols, (h - 2 * pad + gap) / rows);
  const core = cell - gap;
  // Centre the grid in the box.
  const ox = x + (w - (cols * cell - gap)) / 2;
  const oy = y + (h - (rows * cell - gap)) / 2;
  const cores = Array.from({ length: rows * cols }, (_, i) => ({ x: ox + (i % cols) * cell, y: oy + Math.floor(i / cols) * cell, width: core, height: core }));
  // All cores are one path: a state change then touches one element, not a hundred.
  return [
    { kind: 'rect', key: `${prefix}-box`, tone: 'grid', x, y, width: w, height: h, rx: 6 },
    { kind: 'path', key: `${prefix}-cores`, tone, d: rectsPath(cores, cols > 4 ? 1.5 : 4), fill: true },
  ];
}

function whyGpus(f: Frame, s: Say): Mark[] {
  const marks: Mark[] = [];
  const cpuX = f.left;
  const cpuW = f.narrow ? 96 : 170;
  const gpuX = f.narrow ? 124 : 218;
  const gpuW = f.right - gpuX;
  const labelY = f.narrow ? 78 : 74;
  const boxY = f.narrow ? 124 : 112;
  const boxH = f.narrow ? 96 : 170;
  for (const [key, x, w, tone] of [['cpu', cpuX, cpuW, 'ink'], ['gpu', gpuX, gpuW, 'accent']] as const) {
    marks.push({ kind: 'text', key: `${key}-label`, tone, x, y: labelY, text: s(`why.${key}`), size: 'm', weight: 'bold' });
    marks.push(...paragraph(`${key}-desc`, s(`why.${key}.desc`), x, labelY + 17, w, { size: 'xs', tone: 'muted' }).marks);
  }
  marks.push(...coreBox('cpu', cpuX, boxY, cpuW, boxH, 2, 2, 'accent-2'));
  marks.push(...(f.narrow ? coreBox('gpu', gpuX, boxY, gpuW, boxH, 12, 6, 'accent') : coreBox('gpu', gpuX, boxY, gpuW, boxH, 18, 8, 'accent')));
  const noteY = boxY + boxH + (f.narrow ? 26 : 30);
  marks.push(...paragraph('why-note', s('why.note'), f.left, noteY, f.right - f.left, { size: f.narrow ? 'xs' : 's', tone: 'ink' }).marks);
  return marks;
}

/** A GPU of the pool (key gpu-i): the same eight boxes serve in train-and-serve, the-surge and the summary. */
function gpuMarks(rects: { x: number; y: number; w: number; h: number }[]): Mark[] {
  return rects.map((g, i) => ({ kind: 'rect', key: `gpu-${i}`, tone: 'soft', x: g.x, y: g.y, width: g.w, height: g.h, rx: 3 }));
}

function trainAndServe(f: Frame, s: Say): Mark[] {
  const marks: Mark[] = [];
  const n = f.narrow;
  // Training: a farm of connected GPUs, busy for a long stretch.
  const farm = n
    ? { x: f.left, y: 102, w: f.right - f.left, cols: 8, rows: 3, cw: 26, ch: 15, rowStep: 23 }
    : { x: f.left, y: 120, w: 284, cols: 6, rows: 4, cw: 34, ch: 20, rowStep: 32 };
  const titleY = n ? 72 : 74;
  marks.push({ kind: 'text', key: 'train-title', tone: 'ink', x: farm.x, y: titleY, text: s('train.title'), size: 's', weight: 'bold' });
  marks.push(...paragraph('train-desc', s('train.desc'), farm.x, titleY + 16, farm.w, { size: 'xs', tone: 'muted' }).marks);
  const colStep = (farm.w - farm.cw) / (farm.cols - 1);
  const at = (c: number, r: number) => ({ x: farm.x + c * colStep, y: farm.y + r * farm.rowStep });
  // The GPUs and their links as two paths (one element each, however many GPUs).
  const links: string[] = [];
  const gpus: { x: number; y: number; width: number; height: number }[] = [];
  for (let r = 0; r < farm.rows; r++) {
    for (let c = 0; c < farm.cols; c++) {
      const p = at(c, r);
      const cx = round(p.x + farm.cw / 2);
      const cy = round(p.y + farm.ch / 2);
      // Links to the right and downward neighbours: the network that makes one machine of many.
      if (c + 1 < farm.cols) links.push(`M${cx},${cy}h${round(colStep)}`);
      if (r + 1 < farm.rows) links.push(`M${cx},${cy}v${round(farm.rowStep)}`);
      gpus.push({ x: p.x, y: p.y, width: farm.cw, height: farm.ch });
    }
  }
  marks.push({ kind: 'path', key: 'farm-links', tone: 'muted', d: links.join('') });
  marks.push({ kind: 'path', key: 'farm-gpus', tone: 'accent', d: rectsPath(gpus, 2), fill: true });
  const timeY = farm.y + (farm.rows - 1) * farm.rowStep + farm.ch + (n ? 14 : 22);
  const timeEnd = farm.x + farm.w;
  marks.push({ kind: 'line', key: 'train-time', tone: 'ink', x1: farm.x, y1: timeY, x2: timeEnd - 2, y2: timeY, width: 2 });
  marks.push({ kind: 'path', key: 'train-time-head', tone: 'ink', d: `M${timeEnd},${timeY} L${timeEnd - 8},${timeY - 5} L${timeEnd - 8},${timeY + 5} Z`, fill: true });
  marks.push({ kind: 'text', key: 'train-time-label', tone: 'muted', x: farm.x, y: timeY + 16, text: s('train.time'), size: 'xs' });

  // Serving: each request occupies a GPU of the pool; more wait to get in.
  const serve = n ? { x: f.left, titleY: timeY + 40 } : { x: 340, titleY };
  const serveW = f.right - serve.x;
  marks.push({ kind: 'text', key: 'serve-title', tone: 'ink', x: serve.x, y: serve.titleY, text: s('serve.title'), size: 's', weight: 'bold' });
  const desc = paragraph('serve-desc', s('serve.desc'), serve.x, serve.titleY + 16, serveW, { size: 'xs', tone: 'muted' });
  marks.push(...desc.marks);
  const top = Math.max(n ? 0 : 120, desc.bottom + 30);
  const gw = n ? 44 : 74;
  const gh = n ? 20 : 26;
  const gx0 = n ? f.right - (4 * gw + 3 * 6) : f.right - (2 * gw + 8);
  const rects = Array.from({ length: SIM.gpus }, (_, i) =>
    n
      ? { x: gx0 + (i % 4) * (gw + 6), y: top + Math.floor(i / 4) * (gh + 8), w: gw, h: gh }
      : { x: gx0 + (i % 2) * (gw + 8), y: top + Math.floor(i / 2) * (gh + 8), w: gw, h: gh },
  );
  marks.push(...gpuMarks(rects));
  // Requests being served sit in their GPU; the next ones wait in a loose crowd on the left.
  rects.forEach((g, i) => marks.push({ kind: 'circle', key: `req-${i}`, tone: 'accent', cx: g.x + g.w / 2, cy: g.y + g.h / 2, r: R }));
  const crowdRight = gx0 - (n ? 18 : 22);
  const rows = n ? 2 : 4;
  const perRow = n ? 6 : 3;
  const rowGap = gh + 8;
  for (let i = 0; i < rows * perRow; i++) {
    const r = Math.floor(i / perRow);
    const c = i % perRow;
    // A slight stagger so the crowd does not read as a second table.
    marks.push({ kind: 'circle', key: `req-${SIM.gpus + i}`, tone: 'accent', cx: crowdRight - c * (n ? 15 : 22) - (r % 2) * 6, cy: top + gh / 2 + r * rowGap, r: R });
  }
  marks.push({ kind: 'path', key: 'serve-arrow', tone: 'muted', d: `M${crowdRight - 2},${top - 8} L${gx0 - 6},${top - 8}`, width: 2 });
  marks.push({ kind: 'path', key: 'serve-arrow-head', tone: 'muted', d: `M${gx0 - 2},${top - 8} L${gx0 - 8},${top - 12} L${gx0 - 8},${top - 4} Z`, fill: true });
  marks.push({ kind: 'text', key: 'serve-requests', tone: 'muted', x: crowdRight - 6, y: top - 13, text: s('serve.requests'), anchor: 'end', size: 'xs' });
  return marks;
}

/** The pool, its GPUs and the label, as in the-surge and the summary. */
function poolMarks(sc: Scene, title: string, sub: string, f: Frame, compact: boolean): Mark[] {
  const p = sc.pool;
  const marks: Mark[] = [{ kind: 'rect', key: 'pool-box', tone: 'grid', x: p.x, y: p.y, width: p.width, height: p.height, rx: 8 }];
  marks.push(...gpuMarks(gpuRects(p)));
  // The way in: a short heavy rule where the queue meets the pool.
  marks.push({ kind: 'line', key: 'pool-gate', tone: 'ink', x1: p.x, y1: sc.flow.queueY - 16, x2: p.x, y2: sc.flow.queueY + 16, width: 3 });
  if (f.narrow && !compact) {
    marks.push({ kind: 'text', key: 'pool-title', tone: 'ink', x: f.right, y: p.y - 22, text: title, anchor: 'end', size: 's', weight: 'bold' });
    marks.push({ kind: 'text', key: 'pool-sub', tone: 'muted', x: f.right, y: p.y - 7, text: sub, anchor: 'end', size: 'xs' });
  } else if (compact) {
    marks.push({ kind: 'text', key: 'pool-title', tone: 'ink', x: p.x + p.pad, y: p.y + (f.narrow ? 16 : 20), text: title, size: f.narrow ? 'xs' : 's', weight: 'bold' });
    // Phones have no room under the small pool; the headline carries "capacity fixed" there.
    if (!f.narrow) marks.push({ kind: 'text', key: 'pool-sub', tone: 'muted', x: p.x + p.width, y: p.y + p.height + 15, text: sub, anchor: 'end', size: 'xs' });
  } else {
    marks.push({ kind: 'text', key: 'pool-title', tone: 'ink', x: p.x + p.pad, y: p.y + 24, text: title, size: 's', weight: 'bold' });
    marks.push({ kind: 'text', key: 'pool-sub', tone: 'muted', x: p.x + p.pad, y: p.y + 41, text: sub, size: 'xs' });
  }
  return marks;
}

/** The request circles at the still frame of the simulation. Circles not in the picture are present but hidden. */
function requestMarks(flow: FlowLayout): Mark[] {
  const out = positionsAt(PLAN, flow, STILL, new Float32Array(SIM.marks * 3));
  return Array.from({ length: SIM.marks }, (_, i) => {
    const opacity = Math.round((out[3 * i + 2] ?? 0) * 100) / 100;
    return {
      kind: 'circle',
      key: `req-${i}`,
      tone: 'accent',
      cx: out[3 * i] ?? flow.startX,
      cy: out[3 * i + 1] ?? flow.queueY,
      r: R,
      ...(opacity < 1 ? { opacity } : {}),
    };
  });
}

/** The queue's labels and the rate limit, shared by the-surge and the summary. */
function queueMarks(flow: FlowLayout, s: Say, f: Frame): Mark[] {
  const lx = limitX(flow);
  const tail = flow.headX - (SIM.queueSlots - 1) * flow.spacing;
  return [
    { kind: 'line', key: 'limit-line', tone: 'ink', x1: lx, y1: flow.queueY - 20, x2: lx, y2: flow.queueY + 16, dashed: true, width: 2 },
    { kind: 'text', key: 'limit-label', tone: 'ink', x: lx, y: flow.queueY - 27, text: s('surge.limit'), anchor: 'middle', size: 'xs', weight: 'bold' },
    { kind: 'text', key: 'queue-label', tone: 'muted', x: (tail + flow.headX) / 2, y: flow.queueY + 24, text: s('surge.queue'), anchor: 'middle', size: 'xs' },
    { kind: 'text', key: 'drop-label', tone: 'muted', x: flow.dropX + (f.narrow ? 10 : 14), y: flow.dropY + 2, text: s('surge.rejected'), size: 'xs' },
  ];
}

function surge(f: Frame, s: Say): Mark[] {
  const sc = scene(f);
  const marks: Mark[] = [];
  marks.push({ kind: 'text', key: 'src-label', tone: 'ink', x: f.left, y: f.narrow ? 76 : 74, text: s('surge.requests'), size: 's', weight: 'bold' });
  marks.push({ kind: 'text', key: 'src-sub', tone: 'muted', x: f.left, y: f.narrow ? 91 : 90, text: s('surge.demand'), size: 'xs' });
  marks.push(...poolMarks(sc, s('surge.pool'), s('surge.poolSub'), f, false));
  marks.push(...queueMarks(sc.flow, s, f));
  const legendY = f.height - (f.narrow ? 10 : 14);
  marks.push({ kind: 'circle', key: 'legend-dot', tone: 'accent', cx: f.left + R, cy: legendY - 4, r: R });
  marks.push({ kind: 'text', key: 'legend-label', tone: 'muted', x: f.left + 2 * R + 6, y: legendY, text: s('surge.legend'), size: 'xs' });
  marks.push(...requestMarks(sc.flow));
  return marks;
}

function chunks(f: Frame, s: Say, d: GpuBottleneckData, lang: Lang): Mark[] {
  const marks: Mark[] = [];
  const num = (n: number) => formatNumber(lang, n);
  const n = f.narrow;
  // The quote: original words, marked as a quote, with speaker and date; our translation where the page's language differs.
  const qx = n ? f.left + 10 : 256;
  const qw = f.right - qx;
  const translation = s('quote.translation');
  const quoteSize: TextSize = n && translation ? 'xs' : 's';
  const top = n ? 72 : 98;
  const quote = paragraph('quote', s('quote.wrap', { q: d.quote.text }), qx, top, qw, { size: quoteSize, tone: 'ink' });
  marks.push(...quote.marks);
  const byY = quote.bottom + (n ? 15 : 20);
  marks.push({ kind: 'text', key: 'quote-by', tone: 'muted', x: qx, y: byY, text: `– ${s('quote.by', { date: formatDate(lang, d.quote.date) })}`, size: 'xs' });
  marks.push({ kind: 'rect', key: 'quote-rule', tone: 'accent', x: qx - 10, y: top - PX[quoteSize], width: 3, height: byY - top + PX[quoteSize] + 4 });
  let textBottom = byY;
  if (translation) {
    const labelY = byY + (n ? 18 : 30);
    marks.push({ kind: 'text', key: 'translation-label', tone: 'muted', x: qx, y: labelY, text: s('quote.translationLabel'), size: 'xs', weight: 'bold' });
    const tr = paragraph('translation', translation, qx, labelY + 15, qw, { size: 'xs', tone: 'ink' });
    marks.push(...tr.marks);
    textBottom = tr.bottom;
  }

  // The chunk: 100 squares of 1,000 each (of GPUs, if that is what "100k" counts).
  const side = Math.round(Math.sqrt(d.squares));
  const cell = n ? 11 : 20;
  const gap = 3;
  const gridX = f.left;
  const gridY = n ? Math.max(textBottom + 13, 176) : 94;
  const squares = Array.from({ length: d.squares }, (_, i) => ({ x: gridX + (i % side) * cell, y: gridY + Math.floor(i / side) * cell, width: cell - gap, height: cell - gap }));
  marks.push({ kind: 'path', key: 'chunk-squares', tone: 'accent', d: rectsPath(squares), fill: true });
  const gridBottom = gridY + side * cell - gap;
  const calcA = s('chunk.calc.a', { a: num(d.chunk), b: num(d.perSquare) });
  const calcB = s('chunk.calc.b', { c: num(d.squares) });
  if (n) {
    const kx = gridX + side * cell + 14;
    marks.push({ kind: 'text', key: 'chunk-big', tone: 'accent', x: kx, y: gridY + 14, text: s('chunk.big', { n: num(d.chunk) }), size: 'm', weight: 'bold' });
    marks.push({ kind: 'rect', key: 'chunk-key', tone: 'accent', x: kx, y: gridY + 26, width: cell - gap, height: cell - gap });
    marks.push({ kind: 'text', key: 'chunk-key-label', tone: 'ink', x: kx + cell + 4, y: gridY + 35, text: s('chunk.key', { n: num(d.perSquare) }), size: 's' });
    marks.push({ kind: 'text', key: 'chunk-calc-a', tone: 'muted', x: kx, y: gridY + 54, text: calcA, size: 'xs' });
    marks.push({ kind: 'text', key: 'chunk-calc-b', tone: 'muted', x: kx, y: gridY + 68, text: calcB, size: 'xs' });
    marks.push({ kind: 'text', key: 'chunk-note', tone: 'muted', x: kx, y: gridY + 83, text: s('chunk.note'), size: 'xs', weight: 'bold' });
    // The unit is a reading, not a quote: said beside the squares it counts.
    marks.push(...paragraph('chunk-unit', s('chunk.unitShort'), kx, gridY + 101, f.right - kx, { size: 'xs', tone: 'ink', bold: true }).marks);
  } else {
    marks.push({ kind: 'text', key: 'chunk-big', tone: 'accent', x: gridX, y: 80, text: s('chunk.big', { n: num(d.chunk) }), size: 'l', weight: 'bold' });
    marks.push({ kind: 'rect', key: 'chunk-key', tone: 'accent', x: gridX, y: gridBottom + 16, width: cell - gap, height: cell - gap });
    marks.push({ kind: 'text', key: 'chunk-key-label', tone: 'ink', x: gridX + cell + 6, y: gridBottom + 30, text: s('chunk.key', { n: num(d.perSquare) }), size: 's' });
    marks.push({ kind: 'text', key: 'chunk-calc-a', tone: 'muted', x: gridX, y: gridBottom + 52, text: `${s('chunk.note')}: ${calcA} ${calcB}`, size: 'xs' });
    // The unit is a reading, not a quote: said beside the quote it interprets.
    marks.push(...paragraph('chunk-unit', s('chunk.unit'), qx, textBottom + 32, qw, { size: 'xs', tone: 'ink', bold: true }).marks);
  }
  return marks;
}

/** The Jefferies estimate as an interval on a $ bn axis from zero. */
function rangeMarks(
  s: Say,
  d: GpuBottleneckData,
  lang: Lang,
  box: { x0: number; x1: number; top: number; title: string; valueBeside: boolean; note: boolean },
): Mark[] {
  const marks: Mark[] = [];
  const domainMax = d.contract.high + 0.5;
  const x = rangeScale(domainMax, box.x0, box.x1);
  const num = (n: number) => formatNumber(lang, n);
  const barY = box.top + (box.valueBeside ? 12 : 26);
  const barH = 14;
  const axisY = barY + barH + 8;
  marks.push({ kind: 'text', key: 'range-title', tone: 'muted', x: box.x0, y: box.top, text: box.title, size: 'xs' });
  const value = s('range.value', { lo: num(d.contract.low), hi: num(d.contract.high) });
  marks.push(
    box.valueBeside
      ? { kind: 'text', key: 'range-value', tone: 'accent', x: x(d.contract.high) + 10, y: barY + 11, text: value, size: 's', weight: 'bold' }
      : { kind: 'text', key: 'range-value', tone: 'accent', x: (x(d.contract.low) + x(d.contract.high)) / 2, y: barY - 8, text: value, anchor: 'middle', size: 's', weight: 'bold' },
  );
  marks.push({ kind: 'rect', key: 'range-bar', tone: 'accent', x: x(d.contract.low), y: barY, width: x(d.contract.high) - x(d.contract.low), height: barH, opacity: 0.45 });
  for (const [key, v] of [['lo', d.contract.low], ['hi', d.contract.high]] as const) {
    marks.push({ kind: 'line', key: `range-cap-${key}`, tone: 'accent', x1: x(v), y1: barY - 4, x2: x(v), y2: barY + barH + 4, width: 3 });
  }
  marks.push({ kind: 'line', key: 'range-axis', tone: 'ink', x1: box.x0, y1: axisY, x2: box.x1, y2: axisY });
  for (let v = 0; v <= d.contract.high; v++) {
    const label = v === d.contract.high ? s('range.tickUnit', { n: num(v) }) : num(v);
    marks.push({ kind: 'line', key: `range-tick-${v}`, tone: 'ink', x1: x(v), y1: axisY, x2: x(v), y2: axisY + 4 });
    marks.push({ kind: 'text', key: `range-tick-${v}-label`, tone: 'muted', x: x(v), y: axisY + 17, text: label, anchor: v === 0 ? 'start' : 'middle', size: 'xs' });
  }
  if (box.note) marks.push({ kind: 'text', key: 'range-note', tone: 'muted', x: box.x0, y: axisY + 38, text: s('range.note'), size: 'xs' });
  return marks;
}

function suppliers(f: Frame, s: Say, d: GpuBottleneckData, lang: Lang): Mark[] {
  const marks: Mark[] = [];
  const n = f.narrow;
  const count = d.vendors.length;
  const gap = n ? 6 : 16;
  const cardW = n ? f.right - f.left : (f.right - f.left - (count - 1) * gap) / count;
  const cardH = n ? 38 : 104;
  const top = n ? 58 : 56;
  d.vendors.forEach((v, i) => {
    const x = n ? f.left : f.left + i * (cardW + gap);
    const y = n ? top + i * (cardH + gap) : top;
    const ink = v.leads ? 'paper' : 'ink';
    marks.push({ kind: 'rect', key: `vendor-${v.key}`, tone: v.leads ? 'accent' : 'soft', x, y, width: cardW, height: cardH, rx: 4 });
    marks.push({ kind: 'text', key: `vendor-${v.key}-name`, tone: ink, x: x + (n ? 10 : 14), y: y + (n ? 16 : 28), text: v.name, size: n ? 's' : 'm', weight: 'bold' });
    const desc = paragraph(`vendor-${v.key}-desc`, s(`vendor.${v.key}`), x + (n ? 10 : 14), y + (n ? 31 : 50), cardW - (n ? 20 : 8), { size: 'xs', tone: ink });
    marks.push(...desc.marks);
  });
  const cardsBottom = n ? top + count * (cardH + gap) - gap : top + cardH;
  const few = paragraph('few', s('few'), f.left, cardsBottom + (n ? 18 : 28), f.right - f.left, { size: n ? 'xs' : 's', tone: 'ink' });
  marks.push(...few.marks);
  marks.push(
    ...rangeMarks(s, d, lang, {
      x0: f.left,
      x1: f.right,
      top: n ? few.bottom + 22 : few.bottom + 36,
      title: n ? s('range.titleShort') : s('range.title'),
      valueBeside: false,
      note: !n,
    }),
  );
  return marks;
}

function summary(f: Frame, s: Say, d: GpuBottleneckData, lang: Lang): Mark[] {
  const marks: Mark[] = [];
  const n = f.narrow;
  const sc = scene(f, true);
  marks.push(...poolMarks(sc, s('sum.pool'), s('sum.poolSub'), f, true));
  marks.push(...queueMarks(sc.flow, s, f));
  marks.push(...requestMarks(sc.flow));

  // Supply: the few makers who can fill the pool, and the size of the chunks wanted.
  const supplyX = n ? f.left : sc.pool.x + sc.pool.width + 26;
  const supplyY = n ? sc.pool.y + sc.pool.height + 22 : sc.pool.y + 40;
  if (n) {
    // One line on phones: names set in a single run of text keep natural spacing.
    const names = d.vendors.map((v) => v.name).join(', ');
    marks.push({ kind: 'text', key: 'sum-supply', tone: 'ink', x: supplyX, y: supplyY, text: `${s('sum.supply')} ${names}`, size: 'xs', weight: 'bold' });
  } else {
    marks.push({ kind: 'text', key: 'sum-supply', tone: 'muted', x: supplyX, y: supplyY, text: s('sum.supply'), size: 'xs', weight: 'bold' });
    d.vendors.forEach((v, i) => {
      marks.push({ kind: 'text', key: `sum-vendor-${v.key}`, tone: v.leads ? 'accent' : 'ink', x: supplyX, y: supplyY + 20 + i * 20, text: v.name, size: 's', weight: 'bold' });
    });
  }
  if (!n) {
    // An arrow from the suppliers into the pool.
    const ax = sc.pool.x + sc.pool.width;
    const ay = supplyY + 30;
    marks.push({ kind: 'path', key: 'sum-arrow', tone: 'muted', d: `M${supplyX - 8},${ay} L${ax + 8},${ay}`, width: 2 });
    marks.push({ kind: 'path', key: 'sum-arrow-head', tone: 'muted', d: `M${ax + 2},${ay} L${ax + 9},${ay - 5} L${ax + 9},${ay + 5} Z`, fill: true });
    const chunk = paragraph('sum-chunk', s('sum.chunk'), supplyX, supplyY + 100, f.right - supplyX, { size: 'xs', tone: 'ink' });
    marks.push(...chunk.marks);
    // What came after the article, labelled and dated as context (the since-then step).
    const sinceY = chunk.bottom + 34;
    marks.push({ kind: 'text', key: 'sum-since-label', tone: 'muted', x: supplyX, y: sinceY, text: s('sum.since.label'), size: 'xs', weight: 'bold' });
    marks.push(...paragraph('sum-since', s('sum.since', { sum: formatNumber(lang, d.since.total.gw) }), supplyX, sinceY + 15, f.right - supplyX, { size: 'xs', tone: 'ink' }).marks);
  } else {
    marks.push({ kind: 'text', key: 'sum-chunk-0', tone: 'ink', x: f.left, y: supplyY + 17, text: s('sum.chunk'), size: 'xs' });
    marks.push({ kind: 'text', key: 'sum-since-label', tone: 'muted', x: f.left, y: supplyY + 34, text: s('sum.sinceShort', { sum: formatNumber(lang, d.since.total.gw) }), size: 'xs', weight: 'bold' });
  }
  marks.push(
    ...rangeMarks(s, d, lang, {
      x0: f.left,
      x1: n ? 186 : 330,
      top: n ? supplyY + 56 : f.height - 78,
      title: s('range.titleShort'),
      valueBeside: true,
      note: false,
    }),
  );
  return marks;
}

/**
 * The chip agreements after the article: one bar per agreement and one for their sum, all
 * on one gigawatt scale from zero. The sum is drawn as the three bars laid end to end, so
 * 10 + 6 + 10 = 26 can be read off the figure. Gigawatts are electrical power: nothing
 * here turns them into a number of chips.
 */
function sinceThen(f: Frame, s: Say, d: GpuBottleneckData, lang: Lang): Mark[] {
  const marks: Mark[] = [];
  const n = f.narrow;
  const num = (v: number) => formatNumber(lang, v);
  const { agreements, total, firstDeployment } = d.since;
  const sub = paragraph('since-sub', s('since.sub'), f.left, n ? 66 : 58, f.right - f.left, { size: 'xs', tone: 'muted' });
  marks.push(...sub.marks);
  // Room right of the longest bar for its value.
  const x = rangeScale(total.gw, f.left, f.right - (n ? 50 : 60));
  const rowStep = n ? 38 : 48;
  const barH = n ? 14 : 18;
  const labelSize: TextSize = n ? 'xs' : 's';
  const top = sub.bottom + (n ? 24 : 30);
  agreements.forEach((a, i) => {
    const y = top + i * rowStep;
    const barY = y + 6;
    marks.push({ kind: 'text', key: `since-${a.key}-name`, tone: 'ink', x: f.left, y, text: a.name, size: labelSize, weight: 'bold' });
    const when = s('since.date', { date: formatDate(lang, a.date), kind: s(`since.kind.${a.key}`) });
    marks.push({ kind: 'text', key: `since-${a.key}-date`, tone: 'muted', x: x(total.gw), y, text: when, anchor: 'end', size: 'xs' });
    marks.push({ kind: 'rect', key: `since-${a.key}-bar`, tone: 'accent', x: x(0), y: barY, width: x(a.gw) - x(0), height: barH });
    const value = s(a.atLeast ? 'since.valueAtLeast' : 'since.value', { gw: num(a.gw) });
    marks.push({ kind: 'text', key: `since-${a.key}-value`, tone: 'accent', x: x(a.gw) + 6, y: barY + barH - 3, text: value, size: labelSize, weight: 'bold' });
  });

  // The sum: the same three lengths end to end, each segment carrying its number.
  const ty = top + agreements.length * rowStep + (n ? 4 : 8);
  const tBarY = ty + 6;
  marks.push({ kind: 'text', key: 'since-total-label', tone: 'ink', x: f.left, y: ty, text: s('since.total', { sum: num(total.gw) }), size: labelSize, weight: 'bold' });
  marks.push({ kind: 'text', key: 'since-total-note', tone: 'muted', x: x(total.gw), y: ty, text: s('since.totalNote'), anchor: 'end', size: 'xs' });
  let at = 0;
  for (const a of agreements) {
    const x0 = x(at);
    const x1 = x(at + a.gw);
    // A hairline of paper between segments keeps the three parts apart.
    marks.push({ kind: 'rect', key: `since-total-${a.key}`, tone: 'accent', x: x0, y: tBarY, width: Math.max(0, x1 - x0 - 2), height: barH });
    marks.push({ kind: 'text', key: `since-total-${a.key}-value`, tone: 'paper', x: (x0 + x1 - 2) / 2, y: tBarY + barH - (n ? 3 : 5), text: num(a.gw), anchor: 'middle', size: 'xs', weight: 'bold' });
    at += a.gw;
  }
  marks.push({ kind: 'text', key: 'since-total-value', tone: 'accent', x: x(total.gw) + 6, y: tBarY + barH - 3, text: s('since.value', { gw: num(total.gw) }), size: labelSize, weight: 'bold' });

  // The gigawatt axis, from zero.
  const axisY = tBarY + barH + 8;
  marks.push({ kind: 'line', key: 'since-axis', tone: 'ink', x1: x(0), y1: axisY, x2: x(total.gw), y2: axisY });
  const ticks = x.ticks(5).filter((v) => v <= total.gw);
  const last = ticks[ticks.length - 1];
  for (const v of ticks) {
    marks.push({ kind: 'line', key: `since-tick-${v}`, tone: 'ink', x1: x(v), y1: axisY, x2: x(v), y2: axisY + 4 });
    const label = v === last ? s('since.tickUnit', { n: num(v) }) : num(v);
    marks.push({ kind: 'text', key: `since-tick-${v}-label`, tone: 'muted', x: x(v), y: axisY + 16, text: label, anchor: v === 0 ? 'start' : 'middle', size: 'xs' });
  }
  const planned = s('since.planned', { half: s(`since.half.${firstDeployment.half}`), year: firstDeployment.year });
  marks.push(...paragraph('since-planned', planned, f.left, axisY + (n ? 38 : 44), f.right - f.left, { size: 'xs', tone: 'ink', bold: true }).marks);
  return marks;
}
