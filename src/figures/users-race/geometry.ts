import { scaleLinear } from 'd3-scale';
import { fact } from '../../data/facts';
import { fill, formatChange, formatDate, formatNumber, formatPercent } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { Mark, TextMark } from '../marks';
import { headline } from '../headline';
import type { GeometryOptions } from '../types';
import { tag } from '../value-chain/geometry';
import { data as defaultData, type UsersRaceData } from './data';
import { stateFor } from './states';
import { strings } from './strings';

type Key = keyof (typeof strings)['de'];
type Say = (key: Key, params?: Record<string, string | number>) => string;

/** Layout constants for one width: where the plot sits and how rows stack. */
export interface Frame {
  narrow: boolean;
  left: number;
  right: number;
  headlineY: number;
  /** Top of the two year rows' bars. */
  rowY: [number, number];
  barHeight: number;
  plotTop: number;
  plotBottom: number;
  tickLabelY: number;
  axisTitleY: number;
  noteY: number;
}

/** frame(width, height): the plot area for a layout; narrow layouts put row labels above the bars. */
export function frame(width: number, height: number): Frame {
  const narrow = width < 480;
  const left = narrow ? 12 : 200;
  const right = width - (narrow ? 16 : 28);
  const rowY: [number, number] = narrow ? [92, 160] : [82, 146];
  const barHeight = narrow ? 34 : 40;
  const plotBottom = rowY[1] + barHeight + 14;
  return {
    narrow,
    left,
    right,
    headlineY: narrow ? 24 : 30,
    rowY,
    barHeight,
    plotTop: rowY[0] - (narrow ? 28 : 16),
    plotBottom,
    tickLabelY: plotBottom + 16,
    axisTitleY: plotBottom + 36,
    noteY: Math.min(height - 30, plotBottom + 68),
  };
}

/** xScale(domainMax, f): a linear scale from zero to domainMax across the plot area. */
export function xScale(domainMax: number, f: Frame) {
  return scaleLinear().domain([0, domainMax]).range([f.left, f.right]);
}

/**
 * geometry({ state, width, height, lang }): the marks of the users-race figure.
 * Pure; keys are stable across states so bars morph from one meaning to the next.
 */
export function geometry(opts: GeometryOptions, d: UsersRaceData = defaultData): Mark[] {
  const state = stateFor(opts.state);
  const f = frame(opts.width, opts.height);
  const s = (key: Key, params?: Record<string, string | number>) => fill(strings[opts.lang][key], params);
  const num = (n: number, digits?: number) => formatNumber(opts.lang, n, digits);
  const marks: Mark[] = [];

  marks.push(...headline(state === 'per-second'
    ? s('headline.per-second', { a: num(d.perSecond2022, 1), b: num(Math.round(d.perSecond2025)) })
    : s(`headline.${state}` as Key), { narrow: f.narrow, x: f.narrow ? f.left : 16, y: f.headlineY }));

  if (state === 'app-metrics') {
    marks.push(...metricsMarks(d, f, opts.lang, s));
    return marks;
  }
  if (state === 'since-then') {
    marks.push(...weeklyMarks(d, f, opts.lang, s));
    return marks;
  }

  const perSecond = state === 'per-second';
  const x = perSecond ? xScale(300, f) : xScale(d.hours2022, f);
  const showRate = perSecond || state === 'summary';

  // Axis: day ticks on the time scale, rate ticks on the per-second scale.
  const dayTicks = [0, 1, 2, 3, 4, 5];
  const rateTicks = [0, 100, 200, 300];
  const ticks = perSecond
    ? rateTicks.map((v) => ({ key: `tick-rate-${v}`, at: x(v), label: num(v) }))
    : dayTicks.map((day) => ({
        key: `tick-day-${day}`,
        at: x(day * 24),
        label: day === 5 ? s('axis.daysUnit', { n: num(day) }) : num(day),
      }));
  for (const tk of ticks) {
    marks.push({ kind: 'line', key: `${tk.key}-line`, tone: 'grid', x1: tk.at, y1: f.plotTop, x2: tk.at, y2: f.plotBottom });
    marks.push({ kind: 'text', key: `${tk.key}-label`, tone: 'muted', x: tk.at, y: f.tickLabelY, text: tk.label, anchor: tk.at > f.right - 30 ? 'end' : tk.at < f.left + 4 ? 'start' : 'middle', size: 'xs' });
  }
  marks.push({ kind: 'text', key: 'axis-title', tone: 'muted', x: f.left, y: f.axisTitleY, text: perSecond ? s('axis.rate') : s('axis.days'), size: 'xs' });
  marks.push({ kind: 'line', key: 'baseline', tone: 'ink', x1: f.left, y1: f.plotTop, x2: f.left, y2: f.plotBottom, width: 2 });

  // Row labels.
  const show2025 = state !== 'five-days';
  marks.push(rowLabel('row-2022', s('row.2022'), 0, f));
  marks.push({ ...rowLabel('row-2025', s('row.2025'), 1, f), opacity: show2025 ? 1 : 0 });

  // Bars: time to a million, or sign-ups per second.
  const w2022 = (perSecond ? x(d.perSecond2022) : x(d.hours2022)) - f.left;
  const w2025 = (perSecond ? x(d.perSecond2025) : x(d.hours2025)) - f.left;
  marks.push({ kind: 'rect', key: 'bar-2022', tone: state === 'one-hour' ? 'soft' : 'accent-2', x: f.left, y: f.rowY[0], width: w2022, height: f.barHeight });
  marks.push({ kind: 'rect', key: 'bar-2025', tone: 'accent', x: f.left, y: f.rowY[1], width: show2025 ? w2025 : 0, height: f.barHeight, opacity: show2025 ? 1 : 0 });

  const mid = (row: 0 | 1) => f.rowY[row] + f.barHeight / 2 + 5;
  if (perSecond) {
    marks.push({ kind: 'text', key: 'value-2022', tone: 'ink', x: f.left + w2022 + 8, y: mid(0), text: s('rate.value', { n: num(d.perSecond2022, 1) }), size: 's', weight: 'bold' });
    marks.push({ kind: 'text', key: 'value-2025', tone: 'paper', x: f.left + w2025 - 8, y: mid(1), text: s('rate.value', { n: num(Math.round(d.perSecond2025)) }), anchor: 'end', size: 's', weight: 'bold' });
    marks.push({ kind: 'text', key: 'note-1', tone: 'muted', x: f.left, y: f.noteY, text: s('note.arith.2022', { n: num(d.perSecond2022, 1) }), size: 'xs' });
    marks.push({ kind: 'text', key: 'note-2', tone: 'muted', x: f.left, y: f.noteY + 16, text: s('note.arith.2025', { n: num(Math.round(d.perSecond2025)) }), size: 'xs' });
    marks.push({ kind: 'text', key: 'note-3', tone: 'muted', x: f.left, y: f.noteY + 32, text: s('note.derived'), size: 'xs', weight: 'bold' });
  } else {
    marks.push({ kind: 'text', key: 'value-2022', tone: state === 'one-hour' ? 'ink' : 'paper', x: f.left + w2022 - 10, y: mid(0), text: showRate && !f.narrow ? `${s('value.2022')} · ${s('rate.short', { n: num(d.perSecond2022, 1) })}` : s('value.2022'), anchor: 'end', size: 's', weight: 'bold' });
    if (show2025) {
      const label = showRate ? `${s('value.2025')} · ${s('rate.short', { n: num(Math.round(d.perSecond2025)) })}` : s('value.2025');
      marks.push({ kind: 'text', key: 'value-2025', tone: 'ink', x: f.left + w2025 + 8, y: mid(1) - (state === 'one-hour' ? 8 : 0), text: label, size: 's', weight: 'bold' });
      if (state === 'one-hour') {
        marks.push({ kind: 'text', key: 'value-2025-note', tone: 'muted', x: f.left + w2025 + 8, y: mid(1) + 10, text: s('value.2025.note'), size: 'xs' });
        marks.push(...baseNote(d, f, opts.lang, s));
      }
    }
    if (state === 'summary') {
      marks.push({ kind: 'text', key: 'speedup', tone: 'accent', x: f.left, y: f.noteY + 8, text: s('speedup', { n: num(d.speedup) }), size: 'l', weight: 'bold' });
      marks.push({ kind: 'text', key: 'note-3', tone: 'muted', x: f.left, y: f.noteY + 28, text: s('note.derived'), size: 'xs', weight: 'bold' });
    }
  }
  return marks;
}

/**
 * The one-hour state's context note: the million came on top of a large weekly base
 * (derived fact new-users-not-first), with its arithmetic on the figure.
 */
function baseNote(d: UsersRaceData, f: Frame, lang: Lang, s: Say): Mark[] {
  const m = formatNumber(lang, d.weekly[0]?.millions ?? 0);
  const t = tag('base-context', f.left, f.noteY, s('tag.context'));
  return [
    ...t.marks,
    { kind: 'text', key: 'base-note-1', tone: 'muted', x: f.left + t.width + 6, y: f.noteY, text: s('base.line1', { m }), size: 'xs' },
    ...splitLines(s('base.line2', { m, p: formatPercent(lang, d.baseShare) }), f.narrow).map((text, i): Mark => (
      { kind: 'text', key: `base-note-${i + 2}`, tone: 'muted', x: f.left, y: f.noteY + (i + 1) * 16, text, size: 'xs' }
    )),
  ];
}

/**
 * The since-then state: ChatGPT's weekly users in March and October 2025 as two bars
 * from zero on one linear scale, dated, with their sources and a context tag.
 */
function weeklyMarks(d: UsersRaceData, f: Frame, lang: Lang, s: Say): Mark[] {
  const marks: Mark[] = [];
  const x = xScale(Math.max(...d.weekly.map((w) => w.millions)), f);
  for (const v of x.ticks(4)) {
    const at = x(v);
    marks.push({ kind: 'line', key: `tick-weekly-${v}-line`, tone: 'grid', x1: at, y1: f.plotTop, x2: at, y2: f.plotBottom });
    marks.push({ kind: 'text', key: `tick-weekly-${v}-label`, tone: 'muted', x: at, y: f.tickLabelY, text: formatNumber(lang, v), anchor: at > f.right - 30 ? 'end' : v === 0 ? 'start' : 'middle', size: 'xs' });
  }
  marks.push({ kind: 'text', key: 'axis-title', tone: 'muted', x: f.left, y: f.axisTitleY, text: s('weekly.axis'), size: 'xs' });
  marks.push({ kind: 'line', key: 'baseline', tone: 'ink', x1: f.left, y1: f.plotTop, x2: f.left, y2: f.plotBottom, width: 2 });
  d.weekly.forEach((w, i) => {
    const row = i as 0 | 1;
    const top = f.rowY[row];
    const date = formatDate(lang, w.date);
    const source = fact(w.fact).short[lang];
    if (f.narrow) {
      marks.push({ kind: 'text', key: `weekly-${w.key}-date`, tone: 'ink', x: f.left, y: top - 8, text: `${date} · ${source}`, size: 's' });
    } else {
      marks.push({ kind: 'text', key: `weekly-${w.key}-date`, tone: 'ink', x: f.left - 12, y: top + f.barHeight / 2 - 1, text: date, anchor: 'end', size: 's' });
      marks.push({ kind: 'text', key: `weekly-${w.key}-source`, tone: 'muted', x: f.left - 12, y: top + f.barHeight / 2 + 14, text: source, anchor: 'end', size: 'xs' });
    }
    const width = x(w.millions) - f.left;
    marks.push({ kind: 'rect', key: `weekly-${w.key}-bar`, tone: row === 0 ? 'accent-2' : 'accent', x: f.left, y: top, width, height: f.barHeight });
    const value = s(w.hedged ? 'weekly.value.hedged' : 'weekly.value.exact', { n: formatNumber(lang, w.millions) });
    marks.push({ kind: 'text', key: `weekly-${w.key}-value`, tone: 'paper', x: f.left + width - 8, y: top + f.barHeight / 2 + 5, text: value, anchor: 'end', size: 's', weight: 'bold' });
  });
  const t = tag('weekly-context', f.left, f.noteY, s('tag.context'));
  marks.push(...t.marks);
  splitLines(s('weekly.note'), f.narrow).forEach((line, i) => {
    marks.push({ kind: 'text', key: `weekly-note-${i}`, tone: 'muted', x: f.left + (i === 0 ? t.width + 6 : 0), y: f.noteY + i * 16, text: line, size: 'xs' });
  });
  return marks;
}

/** A note's lines: "|" breaks it on narrow screens; wide layouts keep one line. */
function splitLines(text: string, narrow: boolean): string[] {
  return (narrow ? text.split('|') : [text.replace('|', ' ')]).map((line) => line.trim());
}

function rowLabel(key: string, text: string, row: 0 | 1, f: Frame): TextMark {
  return f.narrow
    ? { kind: 'text', key, tone: 'ink', x: f.left, y: f.rowY[row] - 8, text, size: 's' }
    : { kind: 'text', key, tone: 'ink', x: f.left - 12, y: f.rowY[row] + f.barHeight / 2 + 5, text, anchor: 'end', size: 's' };
}

function metricsMarks(
  d: UsersRaceData,
  f: Frame,
  lang: Lang,
  s: Say,
): Mark[] {
  const marks: Mark[] = [];
  const x = xScale(15, f);
  const top = f.plotTop + (f.narrow ? 24 : 8);
  const step = (f.plotBottom - top) / d.metrics.length;
  const barHeight = f.narrow ? 20 : 28;
  for (const v of [0, 5, 10, 15]) {
    marks.push({ kind: 'line', key: `tick-pct-${v}-line`, tone: 'grid', x1: x(v), y1: f.plotTop, x2: x(v), y2: f.plotBottom });
    marks.push({ kind: 'text', key: `tick-pct-${v}-label`, tone: 'muted', x: x(v), y: f.tickLabelY, text: formatPercent(lang, v), anchor: v === 0 ? 'start' : v === 15 ? 'end' : 'middle', size: 'xs' });
  }
  marks.push({ kind: 'line', key: 'baseline', tone: 'ink', x1: f.left, y1: f.plotTop, x2: f.left, y2: f.plotBottom, width: 2 });
  marks.push({ kind: 'text', key: 'axis-title', tone: 'muted', x: f.left, y: f.axisTitleY, text: s('axis.change'), size: 'xs' });
  d.metrics.forEach((m, i) => {
    const y = top + i * step + (f.narrow ? step - barHeight - 4 : (step - barHeight) / 2);
    const w = x(m.change) - f.left;
    marks.push(
      f.narrow
        ? { kind: 'text', key: `metric-${m.key}-label`, tone: 'ink', x: f.left, y: y - 6, text: s(`metric.${m.key}`), size: 's' }
        : { kind: 'text', key: `metric-${m.key}-label`, tone: 'ink', x: f.left - 12, y: y + barHeight / 2 + 5, text: s(`metric.${m.key}`), anchor: 'end', size: 's' },
    );
    marks.push({ kind: 'rect', key: `metric-${m.key}-bar`, tone: 'accent', x: f.left, y, width: w, height: barHeight });
    // Long bars carry their value inside; short ones beside them.
    const inside = w > 90;
    const midY = y + barHeight / 2 + 5;
    marks.push({ kind: 'text', key: `metric-${m.key}-value`, tone: inside ? 'paper' : 'ink', x: inside ? f.left + w - 8 : f.left + w + 8, y: midY, text: formatChange(lang, m.change), anchor: inside ? 'end' : 'start', size: 's', weight: 'bold' });
    if (m.key === 'downloads') {
      marks.push(
        f.narrow
          ? { kind: 'text', key: 'metric-record', tone: 'muted', x: f.right, y: y - 6, text: s('metric.record'), anchor: 'end', size: 'xs' }
          : { kind: 'text', key: 'metric-record', tone: 'muted', x: f.left + w + 8, y: midY, text: s('metric.record'), size: 'xs' },
      );
    }
  });
  return marks;
}
