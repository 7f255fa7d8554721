import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';

/** A scale with the ticks that go with it, both derived from the data it has to show. */
export interface Axis<S> {
  scale: S;
  ticks: number[];
}

export interface LinearOptions {
  /** Every value the scale must hold (bars, points, annotations). */
  values: readonly number[];
  range: readonly [number, number];
  /** About this many ticks (d3's ticks()). Defaults to 4. */
  ticks?: number;
  /** Start at zero (the default: bars and areas always do). */
  zero?: boolean;
  /** Round the domain to tick values (the default), so the last tick closes the axis. */
  nice?: boolean;
}

/**
 * linear({ values, range }): a linear scale whose domain comes from the data (zero to the
 * largest value, niced) and its ticks. Edit the data and the axis follows; no domain or tick
 * is written into a figure.
 */
export function linear(o: LinearOptions): Axis<ScaleLinear<number, number>> {
  if (!o.values.length || o.values.some((v) => !Number.isFinite(v))) throw new Error('linear: values must be finite numbers, at least one');
  const lo = Math.min(...o.values, ...(o.zero === false ? [] : [0]));
  const hi = Math.max(...o.values, lo === 0 ? Number.MIN_VALUE : lo);
  const scale = scaleLinear().domain([lo, hi]).range([o.range[0], o.range[1]]);
  if (o.nice !== false) scale.nice(o.ticks ?? 4);
  return { scale, ticks: scale.ticks(o.ticks ?? 4) };
}

export interface TimeOptions {
  /** Every date (ISO yyyy-mm-dd) the scale must hold. */
  dates: readonly string[];
  range: readonly [number, number];
  /** Extra room before the first and after the last date, in days. Defaults to 0. */
  padDays?: number;
}

/** Parses an ISO date (yyyy-mm-dd) as UTC midnight; anything else throws. */
export function utcDate(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`utcDate: "${iso}" is not yyyy-mm-dd`);
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`utcDate: "${iso}" is not a date`);
  return d;
}

/**
 * time({ dates, range }): a UTC time scale from the first to the last date of the data
 * (padded by padDays). Ticks are the scale's own (d3 picks months, quarters or years).
 */
export function time(o: TimeOptions): Axis<ScaleTime<number, number>> & { at(iso: string): number } {
  if (!o.dates.length) throw new Error('time: needs at least one date');
  const ms = o.dates.map((d) => utcDate(d).getTime());
  const pad = (o.padDays ?? 0) * 86_400_000;
  const scale = scaleUtc().domain([new Date(Math.min(...ms) - pad), new Date(Math.max(...ms) + pad)]).range([o.range[0], o.range[1]]);
  return { scale, ticks: scale.ticks(6).map((d) => d.getTime()), at: (iso) => scale(utcDate(iso)) };
}
