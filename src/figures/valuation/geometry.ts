import { scaleBand, scaleLinear } from 'd3-scale';
import { fill, formatDate, formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { Mark } from '../marks';
import { headline } from '../headline';
import type { GeometryOptions } from '../types';
import { data as defaultData, VALUATION_KEYS, type Valuation, type ValuationData, type ValuationKey } from './data';

/** A row of the bar chart: the four valuations up to spring 2025, and October 2025 in the since-then state. */
export type RowKey = ValuationKey | 'oct-2025';
/** The rows of the since-then state: the earlier ones and the later value, on the same scale. */
export const SINCE_ROWS: readonly RowKey[] = [...VALUATION_KEYS, 'oct-2025'];
import { stateFor, type ValuationState } from './states';
import { strings } from './strings';

type Key = keyof (typeof strings)['de'];
type Say = (key: Key, params?: Record<string, string | number>) => string;

/** Type sizes in user units, as in src/styles/figure.css. */
const SIZE = { xs: 11.5, s: 13.5, m: 16, l: 22, xl: 30 } as const;

/**
 * textWidth(text, size, bold): a generous estimate of a label's width in user units.
 * Geometry has no DOM to measure with; it only uses this to keep labels apart.
 */
export function textWidth(text: string, size: keyof typeof SIZE, bold = false): number {
  return [...text].length * 0.58 * SIZE[size] * (bold ? 1.04 : 1);
}

/** Layout constants for one width: where the bar rows and the notes below them sit. */
export interface Frame {
  narrow: boolean;
  width: number;
  height: number;
  left: number;
  right: number;
  headlineY: number;
  /** Baseline of the tick labels above the bars. */
  tickLabelY: number;
  /** Top and bottom of the four row bands (scaleBand range). */
  rowsTop: number;
  rowsBottom: number;
  /** From a band's top: the row label's baseline, and the bar's top. */
  labelOffset: number;
  barOffset: number;
  barHeight: number;
  /** Baseline of the label under the jump bracket. */
  jumpLabelY: number;
  /** Baseline of the first note line; further lines follow at lineGap. */
  noteY: number;
  lineGap: number;
}

/** frame(width, height): the layout for a width; narrow (phone) layouts break headlines and notes in two. */
export function frame(width: number, height: number): Frame {
  const narrow = width < 480;
  return narrow
    ? { narrow, width, height, left: 12, right: width - 12, headlineY: 24, tickLabelY: 66, rowsTop: 70, rowsBottom: 246, labelOffset: 14, barOffset: 20, barHeight: 20, jumpLabelY: 268, noteY: 287, lineGap: 14 }
    : { narrow, width, height, left: 16, right: width - 16, headlineY: 30, tickLabelY: 56, rowsTop: 62, rowsBottom: 270, labelOffset: 15, barOffset: 21, barHeight: 24, jumpLabelY: 292, noteY: 314, lineGap: 15 };
}

/**
 * xScale(domainMax, f): billions of dollars → x, from zero at the left margin. One scale for
 * every bar state; its end (domainMax) is the largest valuation in the data, October 2025 included.
 */
export function xScale(domainMax: number, f: Frame) {
  return scaleLinear().domain([0, domainMax]).range([f.left, f.right]);
}

/**
 * rowScale(f, since): one band per valuation, oldest on top. With `since`, a fifth band for
 * October 2025; the bands then narrow so the last bar still ends above the notes.
 */
export function rowScale(f: Frame, since = false) {
  if (!since) return scaleBand<RowKey>().domain(VALUATION_KEYS).range([f.rowsTop, f.rowsBottom]);
  const band = (f.noteY - f.lineGap - f.rowsTop - f.barOffset - f.barHeight) / (SINCE_ROWS.length - 1);
  return scaleBand<RowKey>().domain(SINCE_ROWS).range([f.rowsTop, f.rowsTop + band * SINCE_ROWS.length]);
}

/** Formats a valuation for a label: "rund 29 Mrd. $" where the source hedges, "157 Mrd. $" where it does not. */
export function valueLabel(v: Pick<Valuation, 'value' | 'hedged'>, lang: Lang): string {
  return fill(strings[lang][v.hedged ? 'value.hedged' : 'value.exact'], { n: formatNumber(lang, v.value) });
}

/**
 * geometry({ state, width, height, lang }): the marks of the valuation figure.
 * Pure. Bars keep their keys and one dollar scale across states, so they morph honestly;
 * the Microsoft boxes and the loop fade in and out under their own keys.
 */
export function geometry(opts: GeometryOptions, d: ValuationData = defaultData): Mark[] {
  const state = stateFor(opts.state);
  const f = frame(opts.width, opts.height);
  const say: Say = (key, params) => fill(strings[opts.lang][key], params);
  const marks: Mark[] = [];

  const title =
    state === 'the-jump' ? say('headline.the-jump', { v: valueLabel(d.reported, opts.lang) })
    : state === 'since-then' ? say('headline.since-then', { v: valueLabel({ value: d.since.value, hedged: false }, opts.lang) })
    : say(`headline.${state}`);
  marks.push(...headline(title, { narrow: f.narrow, x: f.left, y: f.headlineY }));

  if (state === 'feedback-loop') {
    marks.push(...loopMarks(f, say));
    return marks;
  }
  marks.push(...barMarks(d, state, f, opts.lang, say));
  if (state === 'what-microsoft-gets') marks.push(...benefitMarks(f, say));
  if (state === 'since-then') marks.push(...sinceNotes(f, opts.lang, say, d));
  return marks;
}

/** Which bars show in a state, and in which tone. */
function barTone(key: RowKey, state: ValuationState): 'accent' | 'accent-2' | 'soft' {
  if (state === 'earlier-rounds') return 'accent';
  if (state === 'since-then') return key === 'oct-2025' ? 'accent' : key === 'spring-2025' ? 'accent-2' : 'soft';
  if (key === 'spring-2025') return 'accent';
  if (key === 'oct-2024') return 'accent-2';
  return 'soft';
}

function barMarks(d: ValuationData, state: ValuationState, f: Frame, lang: Lang, say: Say): Mark[] {
  const marks: Mark[] = [];
  const x = xScale(d.domainMax, f);
  const since = state === 'since-then';
  const band = rowScale(f, since);
  const num = (n: number, digits?: number) => formatNumber(lang, n, digits);
  const microsoft = state === 'what-microsoft-gets';
  const jump = state === 'the-jump' || state === 'summary';
  const bandTop = (key: RowKey) => band(microsoft ? VALUATION_KEYS[0] : key) ?? f.rowsTop;
  const rows: { key: RowKey; value: number; hedged: boolean }[] = [
    ...d.valuations,
    ...(since ? [{ key: d.since.key, value: d.since.value, hedged: false }] : []),
  ];
  const lastBarBottom = bandTop(rows[rows.length - 1]?.key ?? 'spring-2025') + f.barOffset + f.barHeight;

  // Scale: grid lines and labels on top, so the reader meets the unit first. Ticks come
  // from the scale; fewer on phones, so the labels keep their distance.
  if (!microsoft) {
    const ticks = x.ticks(f.narrow ? 3 : 5);
    for (const v of ticks) {
      const at = x(v);
      const last = v === ticks[ticks.length - 1];
      const anchor = v === 0 ? 'start' : at > f.right - 30 ? 'end' : 'middle';
      if (v > 0) marks.push({ kind: 'line', key: `tick-${v}-line`, tone: 'grid', x1: at, y1: f.tickLabelY + 6, x2: at, y2: lastBarBottom });
      marks.push({ kind: 'text', key: `tick-${v}-label`, tone: 'muted', x: at, y: f.tickLabelY, text: last ? say('tick.unit', { n: num(v) }) : num(v), anchor, size: 'xs' });
    }
  }
  const firstTop = bandTop(VALUATION_KEYS[0]) + f.barOffset;
  marks.push({ kind: 'line', key: 'baseline', tone: 'ink', x1: f.left, y1: microsoft ? firstTop - 4 : f.tickLabelY + 6, x2: f.left, y2: microsoft ? firstTop + f.barHeight + 4 : lastBarBottom, width: 2 });

  // Row notes line up in one column, just right of the longest date.
  const dateX = f.left + 4;
  const noteX = dateX + Math.max(...SINCE_ROWS.map((key) => textWidth(say(`date.${key}`), 's', true))) + 10;
  for (const v of rows) {
    const shown = v.key === 'spring-2025' ? state !== 'earlier-rounds' : !microsoft;
    const top = bandTop(v.key);
    const barY = top + f.barOffset;
    const w = x(v.value) - f.left;
    const tone = barTone(v.key, state);
    const opacity = shown ? 1 : 0;
    marks.push({ kind: 'text', key: `date-${v.key}`, tone: 'ink', x: dateX, y: top + f.labelOffset, text: say(`date.${v.key}`), size: 's', weight: 'bold', opacity });
    marks.push({ kind: 'text', key: `note-${v.key}`, tone: 'muted', x: noteX, y: top + f.labelOffset, text: say(`note.${v.key}`), size: 'xs', opacity });
    marks.push({ kind: 'rect', key: `bar-${v.key}`, tone, x: f.left, y: barY, width: shown ? w : 0, height: f.barHeight, opacity });
    // Long bars in a strong tone carry their value inside; the rest carry it beside the bar.
    // Where the jump's notch cuts the 2025 bar, the label must fit right of the notch.
    const label = valueLabel(v, lang);
    const clearFrom = jump && v.key === d.reported.key ? x(d.previous.value) + 6 : f.left + 8;
    const inside = tone !== 'soft' && f.left + w - 8 - textWidth(label, 's', true) >= clearFrom;
    // Beside a long bar on a phone the label may not fit at the usual size: it steps down one.
    const size = inside || f.left + w + 6 + textWidth(label, 's', true) <= f.width ? 's' : 'xs';
    marks.push({ kind: 'text', key: `value-${v.key}`, tone: inside ? 'paper' : 'ink', x: inside ? f.left + w - 8 : f.left + w + 6, y: barY + f.barHeight / 2 + 5, text: label, anchor: inside ? 'end' : 'start', size, weight: 'bold', opacity });
  }

  if (state === 'earlier-rounds') {
    marks.push({ kind: 'text', key: 'hedge-note', tone: 'muted', x: f.left, y: f.jumpLabelY, text: say('note.hedge'), size: 'xs' });
  }

  if (jump) marks.push(...jumpMarks(d, state, f, lang, say));
  return marks;
}

/** The bracket from October 2024 to the reported 2025 value, with the arithmetic. */
function jumpMarks(d: ValuationData, state: ValuationState, f: Frame, lang: Lang, say: Say): Mark[] {
  const marks: Mark[] = [];
  const x = xScale(d.domainMax, f);
  const band = rowScale(f);
  const num = (n: number, digits?: number) => formatNumber(lang, n, digits);
  const barY = (band(d.reported.key) ?? 0) + f.barOffset;
  const x0 = x(d.previous.value);
  const x1 = x(d.reported.value);
  // A paper-coloured notch marks where October 2024 ended, inside the 2025 bar.
  marks.push({ kind: 'rect', key: 'jump-notch', tone: 'paper', x: x0 - 1, y: barY, width: 2, height: f.barHeight });
  const y = barY + f.barHeight + 5;
  marks.push({ kind: 'path', key: 'jump-bracket', tone: 'accent', d: `M${x0},${y} V${y + 6} H${x1 - 1} V${y}`, width: 2 });
  const factor = num(d.factor, 1);
  // Wide: the label starts where the bracket ends, clear of the arithmetic on its left;
  // narrow: it takes the line from the margin, the arithmetic goes below the notes.
  marks.push({
    kind: 'text', key: 'jump-label', tone: 'accent', x: f.narrow ? f.left : x1 + 8, y: f.jumpLabelY, anchor: 'start', size: 's', weight: 'bold',
    text: say('jump.label', { d: say('value.change', { n: num(d.jump) }), f: say('value.times', { n: factor }) }),
  });
  const arith = say('jump.arith', { a: num(d.reported.value), b: num(d.previous.value), d: num(d.jump), f: factor });
  const lines =
    state === 'the-jump'
      ? say('announced', {
          date: formatDate(lang, d.announced.date),
          r: say('value.exact', { n: num(d.announced.raised) }),
          p: say('value.exact', { n: num(d.announced.postMoney) }),
        })
      : say('summary.ms');
  // Wide: the arithmetic sits left of the bracket label; narrow: on its own line below the notes.
  const noteLines = f.narrow || state === 'summary' ? lines.split('|') : [lines.replace('|', ' ')];
  noteLines.forEach((text, i) => {
    marks.push({ kind: 'text', key: `note-${i}`, tone: state === 'summary' ? 'ink' : 'muted', x: f.left, y: f.noteY + i * f.lineGap, text: text.trim(), size: 'xs', weight: state === 'summary' && i === 0 ? 'bold' : 'regular' });
  });
  marks.push(
    f.narrow
      ? { kind: 'text', key: 'jump-arith', tone: 'muted', x: f.left, y: f.noteY + noteLines.length * f.lineGap, text: arith, size: 'xs' }
      : { kind: 'text', key: 'jump-arith', tone: 'muted', x: f.left, y: f.jumpLabelY, text: arith, size: 'xs' },
  );
  return marks;
}

/**
 * splitNote(text, narrow): lines of a note; "\n" breaks everywhere, "|" only on phones
 * (wide layouts join those parts with a space).
 */
function splitNote(text: string, narrow: boolean): string[] {
  return text
    .split('\n')
    .flatMap((part) => (narrow ? part.split('|') : [part.replace(/\s*\|\s*/g, ' ')]))
    .map((line) => line.trim());
}

/**
 * The since-then notes under the bars: what a secondary sale is, and that it puts no
 * new money into the company. The last line is set bold: it is the point of the step.
 */
function sinceNotes(f: Frame, lang: Lang, say: Say, d: ValuationData): Mark[] {
  const lines = splitNote(say('since.note', { s: say('value.hedged', { n: formatNumber(lang, d.since.sold) }) }), f.narrow);
  return lines.map((text, i) => ({
    kind: 'text', key: `since-note-${i}`, tone: i === lines.length - 1 ? 'ink' : 'muted', x: f.left, y: f.noteY + i * f.lineGap, text, size: 'xs',
    weight: i === lines.length - 1 ? 'bold' : 'regular',
  }));
}

const BENEFITS = ['bookvalue', 'leverage', 'azure'] as const;

/** Three boxes hanging off the valuation bar: what the valuation does for Microsoft (no amounts). */
function benefitMarks(f: Frame, say: Say): Mark[] {
  const marks: Mark[] = [];
  const band = rowScale(f);
  const barBottom = (band(VALUATION_KEYS[0]) ?? 0) + f.barOffset + f.barHeight;
  const leadY = barBottom + 24;
  const boxH = f.narrow ? 44 : 46;
  const gap = f.narrow ? 6 : 8;
  const boxX = f.left + 18;
  const stemX = f.left + 7;
  marks.push({ kind: 'text', key: 'ms-lead', tone: 'muted', x: boxX, y: leadY, text: say('ms.lead'), size: 'xs', weight: 'bold' });
  const mids: number[] = [];
  BENEFITS.forEach((b, i) => {
    const y = leadY + 10 + i * (boxH + gap);
    mids.push(y + boxH / 2);
    marks.push({ kind: 'rect', key: `ms-${b}-box`, tone: 'grid', x: boxX, y, width: f.right - boxX, height: boxH, rx: 3 });
    marks.push({ kind: 'rect', key: `ms-${b}-stripe`, tone: 'accent', x: boxX, y, width: 4, height: boxH });
    marks.push({ kind: 'text', key: `ms-${b}-title`, tone: 'ink', x: boxX + 14, y: y + boxH / 2 - 3, text: say(`ms.${b}.title`), size: 's', weight: 'bold' });
    marks.push({ kind: 'text', key: `ms-${b}-text`, tone: 'muted', x: boxX + 14, y: y + boxH - 10, text: say(`ms.${b}.text`), size: 'xs' });
    marks.push({ kind: 'line', key: `ms-${b}-twig`, tone: 'accent', x1: stemX, y1: y + boxH / 2, x2: boxX, y2: y + boxH / 2, width: 2 });
  });
  marks.push({ kind: 'line', key: 'ms-stem', tone: 'accent', x1: stemX, y1: barBottom, x2: stemX, y2: mids[mids.length - 1] ?? barBottom, width: 2 });
  const lastBottom = leadY + 10 + BENEFITS.length * (boxH + gap) - gap;
  marks.push({ kind: 'text', key: 'ms-none', tone: 'muted', x: f.left, y: lastBottom + 20, text: say('ms.none'), size: 'xs' });
  return marks;
}

/** The four stations of the loop, clockwise from the top. */
export const LOOP_NODES = ['progress', 'investment', 'deployment', 'infrastructure'] as const;
export type LoopNode = (typeof LOOP_NODES)[number];

export interface LoopBox {
  node: LoopNode;
  cx: number;
  cy: number;
  width: number;
  height: number;
}

export interface LoopEdge {
  from: LoopNode;
  /** Arc along the ellipse from one box to the next (SVG path). */
  d: string;
  /** Filled triangle at the arc's end, pointing along it. */
  head: string;
  /** Where the edge's verb sits, just outside the ellipse. */
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export interface Loop {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  boxes: LoopBox[];
  edges: LoopEdge[];
}

/**
 * loop(f): the schematic cycle as four boxes on an ellipse, joined clockwise by arcs
 * that leave one box and stop just short of the next. Pure: sampling, no DOM.
 */
export function loop(f: Frame): Loop {
  const cx = f.width / 2;
  const top = f.narrow ? 90 : 92;
  const bottom = f.height - (f.narrow ? 34 : 40);
  const cy = (top + bottom) / 2;
  const ry = (bottom - top) / 2;
  const side = f.narrow ? 118 : 150;
  const rx = cx - f.left - side / 2 + (f.narrow ? 4 : -40);
  const at = (theta: number) => ({ x: cx + rx * Math.sin(theta), y: cy - ry * Math.cos(theta) });
  const boxes: LoopBox[] = LOOP_NODES.map((node, i) => {
    const p = at((i * Math.PI) / 2);
    const upright = i % 2 === 0;
    return { node, cx: p.x, cy: p.y, width: upright ? (f.narrow ? 150 : 180) : side, height: f.narrow ? 44 : 46 };
  });
  const margin = 5;
  const inside = (b: LoopBox, p: { x: number; y: number }) =>
    Math.abs(p.x - b.cx) <= b.width / 2 + margin && Math.abs(p.y - b.cy) <= b.height / 2 + margin;
  const stepSize = Math.PI / 720;
  const edges: LoopEdge[] = boxes.map((from, i) => {
    const to = boxes[(i + 1) % boxes.length] ?? from;
    const t0 = (i * Math.PI) / 2;
    const t1 = t0 + Math.PI / 2;
    let start = t0;
    while (start < t1 && inside(from, at(start))) start += stepSize;
    let end = t1;
    while (end > start && inside(to, at(end))) end -= stepSize;
    const a = at(start);
    const tip = at(end);
    // The arc stops where the arrowhead's base begins, so the line does not poke through the tip.
    const tangent = { x: rx * Math.cos(end), y: ry * Math.sin(end) };
    const len = Math.hypot(tangent.x, tangent.y) || 1;
    const ux = tangent.x / len;
    const uy = tangent.y / len;
    const headLen = 8;
    const base = { x: tip.x - ux * headLen, y: tip.y - uy * headLen };
    const d = `M${a.x},${a.y} A${rx},${ry} 0 0 1 ${base.x + ux},${base.y + uy}`;
    const head = `M${tip.x},${tip.y} L${base.x - uy * 4.5},${base.y + ux * 4.5} L${base.x + uy * 4.5},${base.y - ux * 4.5} Z`;
    const mid = at((start + end) / 2);
    const nx = Math.sin((start + end) / 2) * ry;
    const ny = -Math.cos((start + end) / 2) * rx;
    const nlen = Math.hypot(nx, ny) || 1;
    const lx = mid.x + (nx / nlen) * 10;
    const ly = mid.y + (ny / nlen) * 10 + 4;
    return { from: from.node, d, head, label: { x: lx, y: ly, anchor: lx > cx + 4 ? 'start' : lx < cx - 4 ? 'end' : 'middle' } };
  });
  return { cx, cy, rx, ry, boxes, edges };
}

function loopMarks(f: Frame, say: Say): Mark[] {
  const marks: Mark[] = [];
  const l = loop(f);
  for (const e of l.edges) {
    marks.push({ kind: 'path', key: `loop-${e.from}-arc`, tone: 'muted', d: e.d, width: 2 });
    marks.push({ kind: 'path', key: `loop-${e.from}-head`, tone: 'muted', d: e.head, fill: true });
    marks.push({ kind: 'text', key: `loop-${e.from}-verb`, tone: 'muted', x: e.label.x, y: e.label.y, text: say(`loop.edge.${e.from}`), anchor: e.label.anchor, size: 'xs' });
  }
  for (const b of l.boxes) {
    // Infrastructure is where Microsoft (Azure) earns: the one box in the chapter colour.
    const strong = b.node === 'infrastructure';
    marks.push({ kind: 'rect', key: `loop-${b.node}-box`, tone: strong ? 'accent' : 'grid', x: b.cx - b.width / 2, y: b.cy - b.height / 2, width: b.width, height: b.height, rx: 4 });
    marks.push({ kind: 'text', key: `loop-${b.node}-title`, tone: strong ? 'paper' : 'ink', x: b.cx, y: b.cy - 2, text: say(`loop.${b.node}.title`), anchor: 'middle', size: 's', weight: 'bold' });
    marks.push({ kind: 'text', key: `loop-${b.node}-text`, tone: strong ? 'paper' : 'muted', x: b.cx, y: b.cy + 14, text: say(`loop.${b.node}.text`), anchor: 'middle', size: 'xs' });
  }
  // Narrow: the side boxes leave little room at the centre, so the label sits above them.
  const labelY = f.narrow ? l.cy - 44 : l.cy - 3;
  marks.push({ kind: 'text', key: 'loop-schematic', tone: 'muted', x: l.cx, y: labelY, text: say('loop.schematic').toUpperCase(), anchor: 'middle', size: 'xs', weight: 'bold' });
  marks.push({ kind: 'text', key: 'loop-source', tone: 'muted', x: l.cx, y: labelY + 16, text: say('loop.source'), anchor: 'middle', size: 'xs' });
  return marks;
}
