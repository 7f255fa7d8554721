import { fact } from '../../data/facts';
import { block, headline, INTER_METRICS, leadingOf, linear, sizeOf, tag, TAG_HEIGHT, textWidth, wrap, type FigureContext, type TextSize } from '../kit';
import type { Mark, RectMark, TextMark, Tone } from '../marks';
import { rectsPath } from '../marks';
import { SUMMARY } from '../types';
import { data as defaultData, type Key, type State, type UsersRaceData } from './data';
import { countAt, dotPath, rowsFor, WINDOW_SECONDS, type DotGrid } from './field';

export type Ctx = FigureContext<State, Key>;

/** Space around the drawing: a phone figure needs every unit, a desktop one room to breathe. */
const padOf = (ctx: Ctx) => (ctx.narrow ? 8 : 24);

/** Height above the baseline and below it of one line in a type role (the kit's measured box). */
const ascent = (size: TextSize) => sizeOf(size) * INTER_METRICS.capHeight;
const descent = (size: TextSize) => sizeOf(size) * INTER_METRICS.descent;

/**
 * geometry(ctx): the marks of the users-race figure for one state and layout. One headline
 * that follows the step; the hour grid (five-days, one-hour, summary) shows the 120× as area,
 * the dot fields (per-second) as a count, and two bar charts from zero give the app week and
 * the weekly users since.
 */
export function geometry(ctx: Ctx, d: UsersRaceData = defaultData): Mark[] {
  const marks: Mark[] = [];
  const title = headlineMarks(ctx, d);
  marks.push(...title);
  switch (ctx.state) {
    case 'per-second':
      marks.push(...fieldMarks(ctx, d, title.length));
      break;
    case 'app-metrics':
      marks.push(...metricMarks(ctx, d));
      break;
    case 'since-then':
      marks.push(...weeklyMarks(ctx, d));
      break;
    default:
      marks.push(...hourMarks(ctx, d));
  }
  return marks;
}

function headlineMarks(ctx: Ctx, d: UsersRaceData): TextMark[] {
  const pad = padOf(ctx);
  const size: TextSize = ctx.narrow ? 'm' : 'l';
  const text = ctx.state === SUMMARY ? ctx.say('headline.summary', { n: ctx.num(d.speedup) }) : ctx.say(`headline.${ctx.state}`);
  return headline(text, { x: pad, y: pad + ascent(size), maxWidth: ctx.width - 2 * pad, size });
}

/** Top of the content under a two-line headline, the same in every state that shares marks. */
function contentTop(ctx: Ctx): number {
  const size: TextSize = ctx.narrow ? 'm' : 'l';
  return padOf(ctx) + ascent(size) + leadingOf(size) + descent(size) + (ctx.narrow ? 8 : 18);
}

// ————————————————————————————————————————————————————————————————— hour grid

/** The 120 hours of 2022 as squares: one band of two rows of twelve per day. */
export interface HourGrid {
  x: number;
  y: number;
  /** Centre-to-centre distance; a square is `cell` wide. */
  pitch: number;
  cell: number;
  /** Extra space between two days. */
  dayGap: number;
  cols: number;
  rowsPerDay: number;
  days: number;
  width: number;
  height: number;
}

/** hourGrid(ctx, d): where the hour squares go, as large as the layout allows beside a column of labels. */
export function hourGrid(ctx: Ctx, d: UsersRaceData = defaultData): HourGrid {
  const pad = padOf(ctx);
  const days = d.hours2022 / 24;
  const cols = 12;
  const rowsPerDay = 24 / cols;
  const top = contentTop(ctx);
  const bottom = ctx.height - pad - (ctx.narrow ? 0 : leadingOf('xs') + 6);
  const labelWidth = Math.max(...Array.from({ length: days }, (_, i) => textWidth(ctx.say('hours.day', { n: ctx.num(i + 1) }), { size: 'xs' })));
  const x = pad + labelWidth + (ctx.narrow ? 6 : 10);
  // Rows and day gaps (a third of a pitch) share the height; the grid takes a bit under half the width.
  const rows = days * rowsPerDay;
  const byHeight = (bottom - top) / (rows + (days - 1) / 3);
  const byWidth = (ctx.width * (ctx.narrow ? 0.44 : 0.56)) / cols;
  const pitch = Math.floor(Math.min(byHeight, byWidth));
  const cell = pitch - Math.max(2, Math.round(pitch / 8));
  const dayGap = Math.round(pitch / 3);
  return { x, y: top, pitch, cell, dayGap, cols, rowsPerDay, days, width: (cols - 1) * pitch + cell, height: (rows - 1) * pitch + (days - 1) * dayGap + cell };
}

/** The squares of the grid, hour by hour (hour 0 top left). */
export function hourSquares(g: HourGrid): RectMark[] {
  const out: RectMark[] = [];
  for (let h = 0; h < g.days * g.rowsPerDay * g.cols; h++) {
    const row = Math.floor(h / g.cols);
    const day = Math.floor(row / g.rowsPerDay);
    out.push({ kind: 'rect', key: `hour-${h}`, tone: 'soft', x: g.x + (h % g.cols) * g.pitch, y: g.y + row * g.pitch + day * g.dayGap, width: g.cell, height: g.cell });
  }
  return out;
}

function hourMarks(ctx: Ctx, d: UsersRaceData): Mark[] {
  const g = hourGrid(ctx, d);
  const pad = padOf(ctx);
  const marks: Mark[] = [];
  const subject2022 = ctx.state === 'five-days';
  // The 120 hours as one path (one element to restyle, not 120).
  marks.push({ kind: 'path', key: 'hours-2022', tone: subject2022 ? 'accent' : 'soft', d: rectsPath(hourSquares(g)), fill: true });
  for (let day = 0; day < g.days; day++) {
    const y = g.y + day * (g.rowsPerDay * g.pitch + g.dayGap) + (g.rowsPerDay * g.pitch - (g.pitch - g.cell)) / 2 + ascent('xs') / 2;
    marks.push({ kind: 'text', key: `hours-day-${day}`, tone: 'muted', x: g.x - (ctx.narrow ? 6 : 10), y, text: ctx.say('hours.day', { n: ctx.num(day + 1) }), size: 'xs', anchor: 'end' });
  }

  // The column beside the grid: what the squares mean, and 2025's single hour.
  const x = g.x + g.width + (ctx.narrow ? 12 : 28);
  const maxWidth = ctx.width - pad - x;
  const big: TextSize = ctx.narrow ? 'l' : 'xl';
  const legend = legendMarks(ctx, { key: 'hours-legend', x, cell: g.cell, text: ctx.say(ctx.narrow ? 'hours.legendShort' : 'hours.legend'), tone: subject2022 ? 'accent' : 'soft' });

  if (ctx.state === 'five-days') {
    const y = g.y + ascent(big);
    marks.push({ kind: 'text', key: 'five-days-big', tone: 'accent', x, y, text: ctx.say('hours.fiveDays', { n: ctx.num(g.days) }), size: big, weight: 'bold' });
    const equals = block({ key: 'five-days-hours', text: ctx.say('hours.equals', { n: ctx.num(d.hours2022) }), x, y: y + leadingOf(big) + 4, maxWidth, size: ctx.narrow ? 's' : 'm', weight: 'bold', maxLines: 2 });
    const until = block({ key: 'five-days-until', text: ctx.say('hours.until', { n: ctx.num(d.users) }), x, y: equals.next + 6, maxWidth, size: ctx.narrow ? 'xs' : 's', tone: 'muted', maxLines: 4 });
    marks.push(...equals.marks, ...until.marks, ...legend);
    return marks;
  }

  // 2025: one square of the same size, level with the grid's first row.
  const square: RectMark = { kind: 'rect', key: 'hour-2025', tone: 'accent', x, y: g.y, width: g.cell, height: g.cell };
  marks.push(square);
  const beside = x + g.cell + (ctx.narrow ? 6 : 10);
  const besideWidth = ctx.width - pad - beside;
  const nowTop = g.y + g.cell / 2 - (ctx.narrow ? leadingOf('xs') : leadingOf('s')) / 2 + ascent('xs') / 2 - 1;
  const when = block({ key: 'hours-2025-when', text: ctx.say('hours.when2025'), x: beside, y: nowTop, maxWidth: besideWidth, size: 'xs', tone: 'muted', maxLines: 1 });
  const dur = block({ key: 'hours-2025-duration', text: ctx.say('hours.oneHour'), x: beside, y: when.next + (ctx.narrow ? 0 : 2), maxWidth: besideWidth, size: ctx.narrow ? 's' : 'm', weight: 'bold', tone: 'accent', maxLines: 1 });
  marks.push(...when.marks, ...dur.marks);
  // 2022's total, under 2025's hour.
  const thenY = Math.max(g.y + g.cell, dur.next) + (ctx.narrow ? 10 : 22);
  const then = block({ key: 'hours-2022-when', text: ctx.say('hours.when2022'), x, y: thenY, maxWidth, size: 'xs', tone: 'muted', maxLines: 1 });
  const total = block({ key: 'hours-2022-total', text: ctx.say('hours.total', { n: ctx.num(d.hours2022) }), x, y: then.next + (ctx.narrow ? 0 : 2), maxWidth, size: ctx.narrow ? 's' : 'm', weight: 'bold', maxLines: 1 });
  marks.push(...then.marks, ...total.marks);

  if (ctx.state === 'one-hour') {
    marks.push(...legend);
    if (!ctx.narrow) marks.push(...baseNote(ctx, d, x, total.next + 22, maxWidth));
    return marks;
  }

  // Summary: the ratio itself, and what it means per second.
  const timesY = total.next + (ctx.narrow ? 10 : 26) + ascent(big) - ascent(ctx.narrow ? 's' : 'm');
  marks.push({ kind: 'text', key: 'speedup', tone: 'accent', x, y: timesY, text: ctx.say('hours.times', { n: ctx.num(d.speedup) }), size: big, weight: 'bold' });
  if (!ctx.narrow) {
    const rates = block({
      key: 'summary-rates',
      text: ctx.say('hours.rates', { a: ctx.num(d.perSecond2022, 1), b: ctx.num(Math.round(d.perSecond2025)) }),
      x,
      y: timesY + leadingOf(big),
      maxWidth,
      size: 's',
      maxLines: 3,
    });
    marks.push(...rates.marks);
    const t = tag({ key: 'summary-derived', kind: 'derived', x, y: rates.next, lang: ctx.lang });
    marks.push(...t.marks);
  }
  marks.push(...legend);
  return marks;
}

/** A sample square and what one square stands for, at the bottom of the label column. */
function legendMarks(ctx: Ctx, o: { key: string; x: number; cell: number; text: string; tone: Tone }): Mark[] {
  const pad = padOf(ctx);
  const size = Math.min(o.cell, ctx.narrow ? 9 : 12);
  const baseline = ctx.height - pad - descent('xs');
  const top = baseline - ascent('xs') / 2 - size / 2;
  return [
    { kind: 'rect', key: `${o.key}-swatch`, tone: o.tone, x: o.x, y: top, width: size, height: size },
    { kind: 'text', key: `${o.key}-text`, tone: 'muted', x: o.x + size + 5, y: baseline, text: o.text, size: 'xs' },
  ];
}

/**
 * The one-hour state's context (wide layout): the million came on top of a large weekly base
 * (fact new-users-not-first), with its arithmetic.
 */
function baseNote(ctx: Ctx, d: UsersRaceData, x: number, y: number, maxWidth: number): Mark[] {
  const t = tag({ key: 'base-context', kind: 'context', x, y, lang: ctx.lang });
  const m = ctx.num(d.weekly[0]?.millions ?? Number.NaN);
  const note = block({
    key: 'base-note',
    text: ctx.say('base.note', { m, p: ctx.pct(d.baseShare), date: ctx.date(d.weekly[0]?.date ?? '') }),
    x,
    y: y + t.height + 6 + ascent('xs'),
    maxWidth,
    size: 'xs',
    tone: 'muted',
    maxLines: 8,
  });
  return [...t.marks, ...note.marks];
}

// ————————————————————————————————————————————————————————————————— dot fields

/** One dot field: its rate, the grid its dots fill and the count after the window. */
export interface Field {
  year: '2022' | '2025';
  perSecond: number;
  grid: DotGrid;
  count: number;
}

/**
 * fields(ctx, top): the two dot fields of per-second, on one grid pitch so a dot is the same
 * size in both: 2022's few dots in a row, 2025's block under it, each as many dots as new
 * users arrive in WINDOW_SECONDS at the average rate.
 */
export function fields(ctx: Ctx, top: number, d: UsersRaceData = defaultData): { small: Field; large: Field; labelGap: number } {
  const pad = padOf(ctx);
  const pitch = ctx.narrow ? 3 : 7;
  const size = ctx.narrow ? 2 : 5;
  const cols = Math.floor((ctx.width - 2 * pad + pitch - size) / pitch);
  const labelGap = (ctx.narrow ? 7 : 8) + ascent(ctx.narrow ? 'xs' : 's');
  const small = countAt(d.perSecond2022, WINDOW_SECONDS);
  const large = countAt(d.perSecond2025, WINDOW_SECONDS);
  const smallY = top + labelGap;
  const largeY = smallY + rowsFor(small, cols) * pitch + (ctx.narrow ? 7 : 26) + labelGap;
  return {
    small: { year: '2022', perSecond: d.perSecond2022, count: small, grid: { x: pad, y: smallY, cols, pitch, size } },
    large: { year: '2025', perSecond: d.perSecond2025, count: large, grid: { x: pad, y: largeY, cols, pitch, size } },
    labelGap,
  };
}

function fieldMarks(ctx: Ctx, d: UsersRaceData, headlineLines: number): Mark[] {
  const pad = padOf(ctx);
  const hSize: TextSize = ctx.narrow ? 'm' : 'l';
  const top = pad + ascent(hSize) + (headlineLines - 1) * leadingOf(hSize) + descent(hSize) + (ctx.narrow ? 6 : 18);
  const { small, large, labelGap } = fields(ctx, top, d);
  const marks: Mark[] = [];
  const countSize: TextSize = ctx.narrow ? 'm' : 'xl';
  for (const f of [small, large]) {
    const now = f.year === '2025';
    const labelY = f.grid.y - labelGap + ascent(ctx.narrow ? 'xs' : 's');
    const rate = ctx.say(ctx.narrow ? 'field.rateShort' : 'field.rate', { n: ctx.num(now ? Math.round(f.perSecond) : f.perSecond, now ? 0 : 1) });
    marks.push({ kind: 'text', key: `field-${f.year}-label`, tone: 'ink', x: pad, y: labelY, text: `${ctx.say(now ? 'field.when2025' : 'field.when2022')} · ${rate}`, size: ctx.narrow ? 'xs' : 's', weight: 'bold' });
    marks.push({ kind: 'text', key: `count-${f.year}`, tone: now ? 'accent' : 'ink', x: ctx.width - pad, y: labelY, text: ctx.num(f.count), size: countSize, weight: 'bold', anchor: 'end' });
    marks.push({ kind: 'path', key: `field-${f.year}`, tone: now ? 'accent' : 'muted', d: dotPath(f.grid, f.count), fill: true });
  }

  // Under the fields: the clock, what a dot is, and that this is a simulation of the average rate.
  const fieldBottom = large.grid.y + (rowsFor(large.count, large.grid.cols) - 1) * large.grid.pitch + large.grid.size;
  const tagTop = fieldBottom + (ctx.narrow ? 3 : 14);
  const t = tag({ key: 'field-simulation', kind: 'simulation', x: ctx.width - pad, y: tagTop, lang: ctx.lang, anchor: 'end' });
  marks.push(...t.marks);
  const clockY = tagTop + t.height / 2 + ascent(ctx.narrow ? 's' : 'm') / 2;
  marks.push({ kind: 'text', key: 'field-clock', tone: 'ink', x: pad, y: clockY, text: clockText(ctx, WINDOW_SECONDS), size: ctx.narrow ? 's' : 'm', weight: 'bold' });
  const dot = ctx.narrow ? 4 : 7;
  const legendY = ctx.narrow ? ctx.height - 3 - descent('xs') : clockY + leadingOf('m') + 4;
  marks.push({ kind: 'rect', key: 'field-legend-dot', tone: 'accent', x: pad, y: legendY - ascent('xs') / 2 - dot / 2, width: dot, height: dot });
  marks.push({ kind: 'text', key: 'field-legend', tone: 'muted', x: pad + dot + 5, y: legendY, text: ctx.say('field.legend'), size: 'xs' });
  if (!ctx.narrow) {
    const arith = block({
      key: 'field-arith',
      text: ctx.say('field.arith', {
        u: ctx.num(d.users),
        a: ctx.num(d.hours2022 * 3600),
        b: ctx.num(d.hours2025 * 3600),
        ra: ctx.num(d.perSecond2022, 1),
        rb: ctx.num(Math.round(d.perSecond2025)),
      }),
      x: pad,
      y: legendY + leadingOf('xs') + 2,
      maxWidth: ctx.width - 2 * pad,
      size: 'xs',
      tone: 'muted',
      maxLines: 2,
    });
    marks.push(...arith.marks);
  }
  return marks;
}

/** "nach 10 Sekunden": the still's clock; the browser writes the same words as the seconds pass. */
export function clockText(ctx: Pick<Ctx, 'say' | 'num' | 'lang'>, seconds: number): string {
  return ctx.say(new Intl.PluralRules(ctx.lang).select(seconds) === 'one' ? 'field.clock.one' : 'field.clock.other', { n: ctx.num(seconds) });
}

// ————————————————————————————————————————————————————————————————— bar charts

interface BarRow {
  key: string;
  label: string;
  /** A second, quieter line under the label (a source). */
  sub?: string;
  value: number;
  text: string;
  tone: Tone;
  /** A word beside the value ("record"). */
  note?: string;
}

/**
 * Horizontal bars from zero on one linear scale whose domain and ticks come from the values,
 * labels to the left (wide) or above (narrow), values at the bars' ends, the axis under them.
 */
function barChart(ctx: Ctx, o: { prefix: string; rows: BarRow[]; axis: string; tick: (v: number) => string; bottom: number }): Mark[] {
  const pad = padOf(ctx);
  const top = contentTop(ctx);
  const marks: Mark[] = [];
  const labelStyle = { size: 's' as const };
  const labelWidth = ctx.narrow ? 0 : Math.max(...o.rows.flatMap((r) => [textWidth(r.label, labelStyle), r.sub ? textWidth(r.sub, { size: 'xs' }) : 0]));
  const x0 = pad + (ctx.narrow ? 0 : labelWidth + 14);
  const valueRoom = Math.max(...o.rows.map((r) => textWidth(r.text, { size: ctx.narrow ? 's' : 'm', weight: 'bold' }) + (r.note ? textWidth(r.note, { size: 'xs' }) + 8 : 0))) + 10;
  const { scale: x, ticks } = linear({ values: o.rows.map((r) => r.value), range: [x0, ctx.width - pad - valueRoom], ticks: ctx.narrow ? 3 : 4 });
  const axisY = o.bottom - leadingOf('xs') - (ctx.narrow ? 2 : 8);
  const plotBottom = axisY - ascent('xs') - 6;
  const labelAbove = ctx.narrow ? leadingOf('s') : 0;
  const step = (plotBottom - top) / o.rows.length;
  const barHeight = Math.min(ctx.narrow ? 20 : 56, step - labelAbove - (ctx.narrow ? 6 : 16));
  const barY = (i: number) => top + i * step + labelAbove + (step - labelAbove - barHeight) / 2;
  for (const v of ticks) {
    const at = x(v);
    // Wide: grid lines through the plot. Narrow, where labels sit above the bars, a grid
    // line would cross them: a short tick over each axis label instead.
    marks.push({ kind: 'line', key: `${o.prefix}-tick-${v}`, tone: 'grid', x1: at, y1: ctx.narrow ? plotBottom - 4 : top, x2: at, y2: plotBottom });
    const label = o.tick(v);
    const w = textWidth(label, { size: 'xs' });
    const anchor = at - w / 2 < pad ? 'start' : at + w / 2 > ctx.width - pad ? 'end' : 'middle';
    marks.push({ kind: 'text', key: `${o.prefix}-tick-${v}-label`, tone: 'muted', x: at, y: axisY, text: label, size: 'xs', anchor });
  }
  marks.push({ kind: 'text', key: `${o.prefix}-axis`, tone: 'muted', x: x0, y: axisY + leadingOf('xs'), text: o.axis, size: 'xs' });
  o.rows.forEach((r, i) => {
    const y = barY(i);
    const width = x(r.value) - x0;
    const barKey = `${o.prefix}-${r.key}-bar`;
    marks.push({ kind: 'rect', key: barKey, tone: r.tone, x: x0, y, width, height: barHeight });
    if (ctx.narrow) {
      const text = r.sub ? `${r.label} · ${r.sub}` : r.label;
      marks.push({ kind: 'text', key: `${o.prefix}-${r.key}-label`, tone: 'ink', x: x0, y: y - 5, text, size: 's' });
    } else {
      const mid = y + barHeight / 2;
      const lineY = r.sub ? mid - 2 : mid + ascent('s') / 2;
      marks.push({ kind: 'text', key: `${o.prefix}-${r.key}-label`, tone: 'ink', x: x0 - 14, y: lineY, text: r.label, size: 's', anchor: 'end' });
      if (r.sub) marks.push({ kind: 'text', key: `${o.prefix}-${r.key}-sub`, tone: 'muted', x: x0 - 14, y: mid + ascent('xs') + 3, text: r.sub, size: 'xs', anchor: 'end' });
    }
    const valueSize: TextSize = ctx.narrow ? 's' : 'm';
    const vx = x0 + width + 8;
    const vy = y + barHeight / 2 + ascent(valueSize) / 2;
    marks.push({ kind: 'text', key: `${o.prefix}-${r.key}-value`, tone: 'ink', x: vx, y: vy, text: r.text, size: valueSize, weight: 'bold' });
    if (r.note) marks.push({ kind: 'text', key: `${o.prefix}-${r.key}-note`, tone: 'muted', x: vx + textWidth(r.text, { size: valueSize, weight: 'bold' }) + 8, y: vy, text: r.note, size: 'xs' });
  });
  // The zero line: through the whole plot when labels sit beside the bars, bar by bar when they sit above.
  if (ctx.narrow) {
    o.rows.forEach((r, i) => marks.push({ kind: 'line', key: `${o.prefix}-${r.key}-zero`, tone: 'ink', x1: x0, y1: barY(i) - 2, x2: x0, y2: barY(i) + barHeight + 2, width: 2 }));
  } else {
    marks.push({ kind: 'line', key: `${o.prefix}-baseline`, tone: 'ink', x1: x0, y1: top, x2: x0, y2: plotBottom, width: 2 });
  }
  return marks;
}

function metricMarks(ctx: Ctx, d: UsersRaceData): Mark[] {
  const pad = padOf(ctx);
  const noteY = ctx.height - pad - descent('xs');
  const rows: BarRow[] = d.metrics.map((m) => ({
    key: m.key,
    label: ctx.say(`metric.${m.key}`),
    value: m.change,
    text: ctx.change(m.change),
    tone: 'accent',
    ...(m.record ? { note: ctx.say('metric.record') } : {}),
  }));
  const chartBottom = noteY - (ctx.narrow ? leadingOf('xs') : leadingOf('xs') + 10);
  return [
    ...barChart(ctx, { prefix: 'metric', rows, axis: ctx.say('metric.axis'), tick: (v) => ctx.pct(v), bottom: chartBottom }),
    { kind: 'text', key: 'metric-source', tone: 'muted', x: pad, y: noteY, text: ctx.say('metric.source'), size: 'xs' },
  ];
}

function weeklyMarks(ctx: Ctx, d: UsersRaceData): Mark[] {
  const pad = padOf(ctx);
  const rows: BarRow[] = d.weekly.map((w, i) => ({
    key: w.key,
    label: ctx.date(w.date),
    sub: fact(w.fact).short[ctx.lang],
    value: w.millions,
    text: ctx.say(w.hedged ? 'weekly.hedged' : 'weekly.exact', { n: ctx.num(w.millions) }),
    tone: i === d.weekly.length - 1 ? 'accent' : 'soft',
  }));
  // The context tag and its note at the foot, the note wrapped beside the tag.
  const noteX = pad + tag({ key: 'probe', kind: 'context', x: 0, y: 0, lang: ctx.lang }).width + 8;
  const noteLines = wrap(ctx.say('weekly.note'), ctx.width - pad - noteX, { size: 'xs' });
  const lastBaseline = ctx.height - pad - descent('xs');
  const firstBaseline = lastBaseline - (noteLines.length - 1) * leadingOf('xs');
  const tagTop = Math.min(firstBaseline - ascent('xs') / 2 - TAG_HEIGHT / 2, ctx.height - pad - TAG_HEIGHT);
  const t = tag({ key: 'weekly-context', kind: 'context', x: pad, y: tagTop, lang: ctx.lang });
  const note = block({ key: 'weekly-note', text: ctx.say('weekly.note'), x: noteX, y: firstBaseline, maxWidth: ctx.width - pad - noteX, size: 'xs', tone: 'muted', maxLines: 2 });
  return [
    ...barChart(ctx, { prefix: 'weekly', rows, axis: ctx.say('weekly.axis'), tick: (v) => ctx.num(v), bottom: Math.min(tagTop, firstBaseline - ascent('xs')) - (ctx.narrow ? 4 : 12) }),
    ...t.marks,
    ...note.marks,
  ];
}
