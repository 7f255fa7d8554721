import { LOCALE } from '../../i18n/lang';
import { arrow, block, hatch, headline, linear, roundedRect, tag, TAG_HEIGHT, textWidth, time, utcDate, type FigureContext, type Point, type TagKind } from '../kit';
import { checkLayout, markBox, overlap } from '../kit/bounds';
import type { LineMark, Mark, TextMark, Tone } from '../marks';
import { SUMMARY } from '../types';
import { data as defaultData, dayOf, type StringKey, type ValuationData } from './data';
import { LOOP_NODES } from './loop-nodes';

/** The figure's states in reading order; chapter steps use these ids. */
export const STATES = ['earlier-rounds', 'the-jump', 'what-microsoft-gets', 'feedback-loop', 'since-then', SUMMARY] as const;
export type State = (typeof STATES)[number];
export type Ctx = FigureContext<State, StringKey>;

/** Where the parts of a layout sit, in user units: the headline, a row under it, the plot and the rows under the axis. */
export interface Frame {
  left: number;
  right: number;
  headY: number;
  headSize: 'm' | 'l';
  /** Top of the row between headline and plot (tags, the unit, the company's label). */
  rowY: number;
  /** y of the largest tick: the top of the plot. */
  top: number;
  /** The zero line. */
  bottom: number;
  /** Baselines of the date rows under the axis (a label that does not fit the first takes the second). */
  axisRows: readonly number[];
}

/** frame(ctx): the boxes of one layout. The narrow one is the phone panel (288×200), the wide one the desktop column. */
export function frame(ctx: Pick<Ctx, 'narrow' | 'width' | 'height'>): Frame {
  return ctx.narrow
    ? { left: 8, right: ctx.width - 8, headY: 17, headSize: 'm', rowY: 46, top: 76, bottom: 166, axisRows: [181, 195] }
    : { left: 16, right: ctx.width - 16, headY: 36, headSize: 'l', rowY: 76, top: 124, bottom: 398, axisRows: [420, 440] };
}

/** The scales of the staircase: time across, billions of dollars up from zero, both from the data. */
export interface Scales {
  x: (iso: string) => number;
  y: (value: number) => number;
  ticks: number[];
  end: string;
}

/**
 * scales(frame, since, d): the time axis runs from the first window to the end of spring 2025
 * (or past October 2025 with `since`), the dollar axis from zero to the largest value shown.
 * With `since` both extend; every earlier step keeps its date and value on them.
 */
export function scales(f: Frame, since: boolean, d: ValuationData = defaultData): Scales {
  const end = since ? d.since.end : d.springEnd;
  const dates = [...d.valuations.flatMap((v) => ('window' in v ? [v.window.from, v.window.to] : [v.date])), d.ghibli.date, end];
  const t = time({ dates, range: [f.left, f.right] });
  const values = [...d.valuations.map((v) => v.value), ...(since ? [d.since.value] : [])];
  const y = linear({ values, range: [f.bottom, f.top], ticks: 4 });
  return { x: t.at, y: (v) => y.scale(v), ticks: y.ticks, end };
}

/** A short date for the axis: "2. Okt. 2024" / "2 Oct 2024". */
function shortDate(lang: Ctx['lang'], iso: string, withDay = true): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { ...(withDay ? { day: 'numeric' } : {}), month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utcDate(iso));
}

/** A valuation for a label: "rund 29 Mrd. Dollar" where the source hedges; on phones the number alone (the row names the unit). */
export function valueLabel(ctx: Pick<Ctx, 'say' | 'num' | 'narrow'>, v: { value: number; hedged: boolean }): string {
  const n = ctx.num(v.value);
  if (ctx.narrow) return v.hedged ? ctx.say('value.hedged.short', { n }) : n;
  return ctx.say(v.hedged ? 'value.hedged' : 'value.exact', { n });
}

/**
 * Places labels where they collide with nothing drawn so far: each label comes with
 * candidate spots in order of preference, and takes the first that is inside the figure and
 * clear of every other label, shape and line (its own shape excepted). Measured, like the
 * layout test, so a longer translation moves a label instead of overlapping.
 */
class Placer {
  readonly marks: Mark[] = [];
  constructor(private readonly size: { width: number; height: number }) {}

  add(...marks: Mark[]): void {
    this.marks.push(...marks);
  }

  /**
   * True when the candidate marks fit: inside, and clear of everything but grid lines and the
   * shapes they name as their own; labels keep a little air between them on a line.
   */
  fits(candidate: readonly Mark[]): boolean {
    if (checkLayout(candidate, { ...this.size }).length) return false;
    for (const m of candidate) {
      const box = markBox(m);
      if (!box) continue;
      for (const other of this.marks) {
        if ((other.opacity ?? 1) === 0 || other.tone === 'grid') continue;
        if (m.kind === 'text' && m.on && (other.key === m.on || other.key.startsWith(`${m.on}-`))) continue;
        const ob = markBox(other);
        if (!ob) continue;
        const air = m.kind === 'text' && other.kind === 'text' ? LABEL_AIR : 0;
        if (overlap({ ...box, x: box.x - air, width: box.width + 2 * air }, ob) > 0.5) return false;
      }
    }
    return true;
  }

  /**
   * Adds the first candidate that fits; when none does, the first (the layout test then names
   * the clash). Candidates are named spots: the marks of any named spot but the first get the
   * spot's name in their key, so a label that sits elsewhere in the next state fades across
   * instead of travelling through the figure. Labels of a single state pass unnamed spots.
   */
  place(candidates: readonly (readonly [string, readonly Mark[]])[]): Mark[] {
    const at = Math.max(0, candidates.findIndex(([, c]) => this.fits(c)));
    const [spot, marks] = candidates[at] ?? ['', []];
    const chosen = marks.map((m) => (at > 0 && spot ? { ...m, key: `${m.key}-${spot}` } : m));
    this.add(...chosen);
    return chosen;
  }
}

/** Space kept between two labels side by side, so two dates never read as one. */
const LABEL_AIR = 5;

const text = (o: Omit<TextMark, 'kind'>): TextMark => ({ kind: 'text', ...o });
const line = (o: Omit<LineMark, 'kind'>): LineMark => ({ kind: 'line', ...o });

/** A tag and a muted note after it, on one row (the tag says what kind of fact the note gives). */
function taggedNote(ctx: Ctx, key: string, kind: TagKind, note: string, x: number, top: number): Mark[] {
  const t = tag({ key: `${key}-tag`, kind, x, y: top, lang: ctx.lang });
  if (!note) return t.marks;
  return [...t.marks, text({ key: `${key}-note`, tone: 'muted', x: x + t.width + 6, y: top + t.height - 5, text: note, size: 'xs' })];
}

/** What the staircase stresses in a state: which steps are shown, which one is the subject. */
function stairState(state: State): { since: boolean; subject: 'early' | 'jump' | 'since' } {
  if (state === 'earlier-rounds') return { since: false, subject: 'early' };
  if (state === 'since-then') return { since: true, subject: 'since' };
  return { since: false, subject: 'jump' };
}

/**
 * The staircase: each valuation holds until the next, so the value is a step line over time.
 * A step whose source names no day (early 2023, early 2024) rises inside a shaded window,
 * dashed and labelled with the window, never at an invented day; a dated step rises solid. The Ghibli wave's
 * first day is marked; the 2025 round came six days later.
 */
function staircase(ctx: Ctx, d: ValuationData, head: readonly Mark[]): Mark[] {
  const f = frame(ctx);
  const { since, subject } = stairState(ctx.state);
  const s = scales(f, since, d);
  const p = new Placer(ctx);
  p.add(...head);
  const showJump = subject !== 'early';
  const steps = d.valuations.filter((v) => showJump || v.key !== d.reported.key);
  const rows: { key: string; value: number; hedged: boolean; day: string; window?: { from: string; to: string }; date: string }[] = steps.map((v) => ({
    key: v.key,
    value: v.value,
    hedged: v.hedged,
    day: dayOf(v),
    ...('window' in v ? { window: v.window, date: ctx.say(`date.${v.key as 'early-2023' | 'early-2024'}`) } : { date: shortDate(ctx.lang, v.date, !ctx.narrow) }),
  }));
  if (since) rows.push({ key: d.since.key, value: d.since.value, hedged: false, day: d.since.date, date: shortDate(ctx.lang, d.since.date, !ctx.narrow) });
  const accentKey = subject === 'jump' ? d.reported.key : subject === 'since' ? d.since.key : null;
  const toneOf = (key: string): Tone => (subject === 'early' || key === accentKey ? 'accent' : 'ink');

  // Behind everything: the windows of approximate dates, and (wide) the grid with its values.
  for (const r of rows) {
    if (r.window) p.add({ kind: 'rect', key: `band-${r.key}`, tone: 'soft', x: s.x(r.window.from), y: s.y(r.value), width: s.x(r.window.to) - s.x(r.window.from), height: f.bottom - s.y(r.value) });
  }
  if (!ctx.narrow) {
    const top = s.ticks[s.ticks.length - 1];
    for (const t of s.ticks) {
      if (t === 0) continue;
      p.add(line({ key: `grid-${t}`, tone: 'grid', x1: f.left, y1: s.y(t), x2: f.right, y2: s.y(t) }));
      p.add(text({ key: `tick-${t}`, tone: 'muted', x: f.left, y: s.y(t) - 5, text: t === top ? ctx.say('value.exact', { n: ctx.num(t) }) : ctx.num(t), size: 'xs' }));
    }
  }
  p.add(line({ key: 'baseline', tone: 'ink', x1: f.left, y1: f.bottom, x2: f.right, y2: f.bottom }));

  // The Ghibli wave: a dashed line from its first day, labelled under the axis.
  const gx = s.x(d.ghibli.date);
  p.add(line({ key: 'ghibli-line', tone: 'muted', x1: gx, y1: f.bottom, x2: gx, y2: s.y(d.reported.value) - (ctx.narrow ? 2 : 8), dashed: true }));

  // Treads and risers.
  rows.forEach((r, i) => {
    const x0 = s.x(r.day);
    // The last step holds to the axis end, except before the jump, where it stops at the day the next value took over.
    const x1 = i + 1 < rows.length ? s.x(rows[i + 1]!.day) : showJump ? f.right : s.x(dayOf(d.reported));
    const y0 = s.y(r.value);
    const tone = toneOf(r.key);
    const prev = rows[i - 1];
    if (prev) p.add(line({ key: `riser-${r.key}`, tone, x1: x0, y1: s.y(prev.value), x2: x0, y2: y0, width: r.window ? 2 : 3, ...(r.window ? { dashed: true } : {}) }));
    p.add(line({ key: `tread-${r.key}`, tone, x1: x0, y1: y0, x2: x1, y2: y0, width: 3 }));
  });

  // The row under the headline: what kind of facts these are, and (phones) the unit.
  p.add(...taggedNote(ctx, 'kind', 'context', ctx.say(ctx.narrow ? 'row.context.short' : 'row.context'), f.left, f.rowY));

  // The jump: how much and how many times, with the arithmetic beside it (wide) or in the table (phones).
  if (subject === 'jump') {
    const x0 = s.x(dayOf(d.reported));
    const mid = (s.y(d.previous.value) + s.y(d.reported.value)) / 2;
    const jump = ctx.say(ctx.narrow ? 'value.change.short' : 'value.change', { n: ctx.num(d.jump) });
    const times = ctx.say('value.times', { n: ctx.num(d.factor, 1) });
    const pair = (x: number, y: number, anchor: 'start' | 'end'): Mark[] => [
      text({ key: 'jump-label', tone: 'accent', x, y, text: jump, size: 's', weight: 'bold', ...(anchor === 'end' ? { anchor } : {}) }),
      text({ key: 'jump-times', tone: 'accent', x, y: y + 15, text: times, size: 'xs', weight: 'bold', ...(anchor === 'end' ? { anchor } : {}) }),
    ];
    p.place([['low', pair(x0 - 8, mid + 6, 'end')], ['mid', pair(x0 - 8, mid, 'end')], ['lower', pair(x0 - 8, mid + 14, 'end')], ['high', pair(x0 - 8, mid - 8, 'end')]]);
  }

  // Value labels, oldest first; each prefers the space above its tread, then below it, then left of its riser.
  rows.forEach((r, i) => {
    const x0 = s.x(r.day);
    const y0 = s.y(r.value);
    const tone = r.key === accentKey ? 'accent' : 'ink';
    const label = valueLabel(ctx, r);
    const at = (x: number, y: number, anchor: 'start' | 'end', on?: string): Mark[] => [text({ key: `value-${r.key}`, tone, x, y, text: label, size: 's', weight: 'bold', ...(anchor === 'end' ? { anchor } : {}), ...(on ? { on } : {}) })];
    const band = r.window ? `band-${r.key}` : undefined;
    const last = i === rows.length - 1;
    const next = rows[i + 1];
    const candidates: [string, Mark[]][] = [
      // Above the tread, clear of its own window: the window's top moves with the value when the axis stretches.
      ['above', at(x0 + 7, y0 - 8, 'start')],
      ...(next ? [['above-end', at(s.x(next.day) - 8, y0 - 12, 'end')] as [string, Mark[]]] : []),
      ['below', at(x0 + 7, y0 + 17, 'start', band)],
      ['left', at(x0 - 7, y0 + 17, 'end')],
      ['left-above', at(x0 - 7, y0 - 8, 'end')],
      ...(last ? [['row', at(x0 - 7, f.rowY + 14, 'end')], ['row-end', at(f.right, f.rowY + 14, 'end')]] as [string, Mark[]][] : []),
    ];
    p.place(candidates);
  });

  // Dates under the axis: every step's window or day, and the Ghibli wave, each in the first row where it fits.
  // A window's label may start at its left edge or end at its right one; a day's label starts or ends at the day.
  const dateLabel = (key: string, label: string, span: readonly [number, number], tone: Tone, bold = false): void => {
    const spots: [string, Mark[]][] = [];
    const style = { size: 'xs' as const, ...(bold ? { weight: 'bold' as const } : {}) };
    const [from, to] = span[0] === span[1] ? [span[0] - 2, span[1] + 2] : span;
    f.axisRows.forEach((y, row) => {
      spots.push([`r${row}`, [text({ key, tone, x: (span[0] + span[1]) / 2, y, text: label, ...style, anchor: 'middle' })]]);
      spots.push([`r${row}-start`, [text({ key, tone, x: from, y, text: label, ...style })]]);
      spots.push([`r${row}-end`, [text({ key, tone, x: to, y, text: label, ...style, anchor: 'end' })]]);
    });
    p.place(spots);
  };
  for (const r of rows) {
    // On phones the Ghibli label stands for the round's day, six days later: there is no room for both.
    if (ctx.narrow && r.key === d.reported.key) continue;
    const span = r.window ? ([s.x(r.window.from), s.x(r.window.to)] as const) : ([s.x(r.day), s.x(r.day)] as const);
    dateLabel(`date-${r.key}`, r.date, span, r.window ? 'ink' : 'muted');
  }
  // On phones, once October 2025 joins the axis, the line alone marks the wave (its label was shown in the steps before).
  if (!(ctx.narrow && since)) dateLabel('ghibli-label', ctx.say(ctx.narrow ? 'ghibli.short' : 'ghibli.label', { date: shortDate(ctx.lang, d.ghibli.date) }), [gx, gx], ctx.state === 'earlier-rounds' ? 'muted' : 'accent', true);

  // Notes under the dates (wide): the jump's arithmetic, and what the secondary sale was.
  if (!ctx.narrow) {
    const y = f.axisRows[f.axisRows.length - 1]! + 12;
    if (ctx.state === 'the-jump') {
      p.add(...taggedNote(ctx, 'derived', 'derived', ctx.say('jump.arith', { a: ctx.num(d.reported.value), b: ctx.num(d.previous.value), d: ctx.num(d.jump), f: ctx.num(d.factor, 1) }), f.left, y));
    }
    if (ctx.state === 'since-then') p.add(...taggedNote(ctx, 'sale', 'context', ctx.say('since.note'), f.left, y));
  }
  return p.marks;
}

/**
 * What Microsoft gets: the spring-2025 step opened up into a block of about $300bn, all of
 * it hatched, because how much of it was Microsoft's stake was not disclosed then; beside
 * it, on the same dollar scale, the $13bn of commitments Microsoft itself disclosed.
 */
function microsoft(ctx: Ctx, d: ValuationData, head: readonly Mark[]): Mark[] {
  const f = frame(ctx);
  const s = scales(f, false, d);
  const p = new Placer(ctx);
  p.add(...head);
  const top = s.y(d.reported.value);
  // The block takes a little over half the width; the commitments and their words the rest.
  const blockRight = f.left + (f.right - f.left) * (ctx.narrow ? 0.58 : 0.55);
  const box = { x: f.left, y: top, width: blockRight - f.left, height: f.bottom - top };
  p.add({ kind: 'path', key: 'ms-hatch', tone: 'muted', d: hatch(box, ctx.narrow ? 7 : 9) });
  p.add({ kind: 'path', key: 'ms-block', tone: 'ink', d: roundedRect(box, 0), width: 2 });
  p.add(line({ key: 'baseline', tone: 'ink', x1: f.left, y1: f.bottom, x2: f.right, y2: f.bottom }));

  // The company's value on top of the block.
  const company = ctx.say(ctx.narrow ? 'ms.company.short' : 'ms.company', { v: valueLabel({ ...ctx, narrow: false }, d.reported) });
  p.add(...block({ key: 'ms-company', text: company, x: f.left, y: top - 8, maxWidth: blockRight - f.left + (ctx.narrow ? 20 : 40), size: ctx.narrow ? 'xs' : 's', weight: 'bold', maxLines: 1 }).marks);

  // A paper panel in the middle of the hatching says what the hatching stands for; the hatching stays seen around it.
  const pad = 8;
  const undisclosed = tag({ key: 'ms-panel-tag', kind: 'notDisclosed', x: 0, y: 0, lang: ctx.lang, tone: 'accent' });
  const shareText = ctx.say(ctx.narrow ? 'ms.share.short' : 'ms.share');
  const inner = Math.max(undisclosed.width, textWidth(shareText, { size: 's', weight: 'bold' }));
  // Padding, the label's cap height, a gap, the tag, padding.
  const panel = { width: inner + 2 * pad, height: pad + 10 + 8 + undisclosed.height + pad };
  const px = f.left + (box.width - panel.width) / 2;
  const py = top + (box.height - panel.height) / 2;
  p.add({ kind: 'rect', key: 'ms-panel', tone: 'paper', x: px, y: py, width: panel.width, height: panel.height, rx: 4 });
  p.add(text({ key: 'ms-share', tone: 'ink', x: px + pad, y: py + pad + 10, text: shareText, size: 's', weight: 'bold', on: 'ms-panel' }));
  // The tag's box lies on the panel: its word belongs to both (keyed under the panel).
  p.add(...tag({ key: 'ms-panel-tag', kind: 'notDisclosed', x: px + pad, y: py + pad + 18, lang: ctx.lang, tone: 'accent' }).marks.map((m) => (m.kind === 'text' ? { ...m, on: 'ms-panel' } : m)));

  // The commitments: a small block on the same scale; above it its value, what it is, and when Microsoft disclosed it.
  const cx = blockRight + (ctx.narrow ? 16 : 32);
  const cw = ctx.narrow ? 40 : 64;
  const colW = f.right - cx;
  const ctop = s.y(d.microsoft.commitments);
  p.add({ kind: 'rect', key: 'ms-commit', tone: 'accent', x: cx, y: ctop, width: cw, height: f.bottom - ctop });
  const valueY = ctop - 8;
  p.add(text({ key: 'ms-commit-value', tone: 'accent', x: cx, y: valueY, text: ctx.say('value.exact', { n: ctx.num(d.microsoft.commitments) }), size: 's', weight: 'bold' }));
  const whatText = ctx.say(ctx.narrow ? 'ms.commit.short' : 'ms.commit');
  const what = block({ key: 'ms-commit-text', text: whatText, x: cx, y: 0, maxWidth: colW, size: 'xs' });
  const whatY = valueY - 18 - what.height;
  p.add(...block({ key: 'ms-commit-text', text: whatText, x: cx, y: whatY, maxWidth: colW, size: 'xs' }).marks);
  const dated = ctx.narrow ? shortDate(ctx.lang, d.microsoft.date) : ctx.say('ms.commit.date', { date: shortDate(ctx.lang, d.microsoft.date) });
  const kindTop = whatY - 12 - TAG_HEIGHT;
  if (ctx.narrow) {
    p.add(text({ key: 'ms-commit-date', tone: 'muted', x: cx, y: whatY - 15, text: dated, size: 'xs' }));
    p.add(...tag({ key: 'ms-commit-kind', kind: 'context', x: cx, y: kindTop - 15, lang: ctx.lang }).marks);
  } else {
    p.add(...taggedNote(ctx, 'ms-commit-kind', 'context', dated, cx, kindTop));
  }

  // Wide: what the article says Microsoft gets, and the caveat from Microsoft's own filing.
  if (!ctx.narrow) {
    const lead = block({ key: 'ms-benefits-lead', text: ctx.say('ms.benefits.lead'), x: cx, y: top + 10, maxWidth: colW, size: 'xs', weight: 'bold' });
    p.add(...lead.marks);
    let y = lead.next + 4;
    for (const b of ['bookvalue', 'leverage', 'azure'] as const) {
      const item = block({ key: `ms-benefit-${b}`, text: ctx.say(`ms.benefit.${b}`), x: cx + 14, y, maxWidth: colW - 14, size: 's', weight: 'bold' });
      p.add({ kind: 'circle', key: `ms-benefit-${b}-dot`, tone: 'accent', cx: cx + 4, cy: y - 4.5, r: 3.5 });
      p.add(...item.marks);
      y = item.next + 2;
    }
    p.add(...block({ key: 'ms-caveat', text: ctx.say('ms.caveat'), x: cx, y: y + 2, maxWidth: colW, size: 'xs', tone: 'muted' }).marks);
  }
  return p.marks;
}

/** The circle the loop runs on, in a layout. */
export function loopCircle(ctx: Pick<Ctx, 'narrow' | 'width' | 'height'>): { cx: number; cy: number; r: number } {
  return ctx.narrow ? { cx: ctx.width / 2 + 8, cy: 128, r: 44 } : { cx: ctx.width / 2, cy: 278, r: 126 };
}

/**
 * loopArc(circle, i, gap): the points of the i-th quarter of the circle, clockwise from the
 * i-th station to the next, leaving gap degrees at each end for the stations' dots.
 */
export function loopArc(c: { cx: number; cy: number; r: number }, i: number, gap: number): Point[] {
  const from = -90 + 90 * i + gap;
  const to = -90 + 90 * (i + 1) - gap;
  const pts: Point[] = [];
  for (let a = from; a <= to + 1e-9; a += (to - from) / 16) {
    const rad = (a * Math.PI) / 180;
    pts.push([c.cx + c.r * Math.cos(rad), c.cy + c.r * Math.sin(rad)]);
  }
  return pts;
}

/**
 * The cycle as Jefferies describes it, drawn on a circle: four stations, four arcs with
 * arrowheads, the verbs on the arcs in our words. The arc into infrastructure, where Azure
 * earns, is the subject; the figure says it is schematic.
 */
function loop(ctx: Ctx, head: readonly Mark[]): Mark[] {
  const f = frame(ctx);
  const c = loopCircle(ctx);
  const p = new Placer(ctx);
  p.add(...head);
  const gap = ctx.narrow ? 16 : 11;
  LOOP_NODES.forEach((node, i) => {
    const active = node === 'build';
    p.add({ kind: 'path', key: `loop-arc-${node}`, tone: active ? 'accent' : 'muted', d: arrow(loopArc(c, i, gap), { head: ctx.narrow ? 7 : 10 }), width: active ? 3 : 2 });
  });
  LOOP_NODES.forEach((node, i) => {
    const rad = ((-90 + 90 * i) * Math.PI) / 180;
    const x = c.cx + c.r * Math.cos(rad);
    const y = c.cy + c.r * Math.sin(rad);
    const strong = node === 'infrastructure';
    p.add({ kind: 'circle', key: `loop-node-${node}`, tone: strong ? 'accent' : 'ink', cx: x, cy: y, r: ctx.narrow ? 5 : 7 });
    const title = ctx.say(`loop.${node}`);
    // Phones keep one subtitle: where Azure is.
    const sub = ctx.narrow && !strong ? '' : ctx.say(`loop.${node}.sub`);
    const off = ctx.narrow ? 10 : 14;
    const lines = (tx: number, ty: number, anchor: 'start' | 'middle' | 'end'): Mark[] => [
      text({ key: `loop-${node}-title`, tone: strong ? 'accent' : 'ink', x: tx, y: ty, text: title, size: 's', weight: 'bold', ...(anchor !== 'start' ? { anchor } : {}) }),
      ...(sub ? [text({ key: `loop-${node}-sub`, tone: 'muted', x: tx, y: ty + 15, text: sub, size: 'xs', ...(anchor !== 'start' ? { anchor } : {}) })] : []),
    ];
    const spots: [number, number, 'start' | 'middle' | 'end'][] =
      i === 0 ? [[x + off, y - 4, 'start'], [x, y - off - (sub ? 15 : 0), 'middle']]
      : i === 1 ? [[x + off, y + 4, 'start'], [x + off, y - 4, 'start']]
      : i === 2 ? [[x, y + off + 10, 'middle'], [x + off, y + 8, 'start']]
      : [[x - off, y + 4, 'end'], [x - off, y - 4, 'end']];
    p.place(spots.map(([sx, sy, anchor]) => ['', lines(sx, sy, anchor)]));
  });
  // The verbs, just outside the middle of each arc.
  LOOP_NODES.forEach((node, i) => {
    const rad = ((-45 + 90 * i) * Math.PI) / 180;
    const out = c.r + (ctx.narrow ? 8 : 12);
    const x = c.cx + out * Math.cos(rad);
    const y = c.cy + out * Math.sin(rad);
    const anchor = Math.cos(rad) > 0 ? 'start' : 'end';
    const below = Math.sin(rad) > 0;
    const verb = (dx: number, dy: number): Mark[] => [
      text({ key: `loop-verb-${node}`, tone: node === 'build' ? 'accent' : 'muted', x: x + dx, y: (below ? y + 10 : y) + dy, text: ctx.say(`loop.verb.${node}`), size: 'xs', weight: node === 'build' ? 'bold' : 'regular', ...(anchor === 'end' ? { anchor } : {}) }),
    ];
    const side = anchor === 'end' ? -1 : 1;
    p.place([['', verb(0, 0)], ['', verb(side * 4, below ? 4 : -4)], ['', verb(side * 8, below ? -4 : 4)], ['', verb(side * 10, below ? 8 : -8)]]);
  });
  // In the middle: the point. In the row under the headline: what kind of picture this is.
  const point = ctx.say(ctx.narrow ? 'loop.point.short' : 'loop.point');
  const size = ctx.narrow ? 'xs' : 's';
  const probe = block({ key: 'loop-point', text: point, x: c.cx, y: 0, maxWidth: c.r * 1.4, size, weight: 'bold', anchor: 'middle' });
  p.add(...block({ key: 'loop-point', text: point, x: c.cx, y: c.cy - probe.height / 2 + 4, maxWidth: c.r * 1.4, size, weight: 'bold', anchor: 'middle' }).marks);
  p.add(...taggedNote(ctx, 'kind', 'schematic', ctx.say('loop.source'), f.left, f.rowY));
  return p.marks;
}

/** The headline of a state, with its numbers filled in. */
function title(ctx: Ctx, d: ValuationData): string {
  const v = (value: number, hedged: boolean) => ctx.say(hedged ? 'value.hedged' : 'value.exact', { n: ctx.num(value) });
  switch (ctx.state) {
    case 'the-jump':
      return ctx.say('headline.the-jump', { v: v(d.reported.value, d.reported.hedged) });
    case 'since-then':
      return ctx.say('headline.since-then', { v: v(d.since.value, false) });
    case SUMMARY: {
      const first = d.valuations[0]!;
      return ctx.say('headline.summary', { a: ctx.num(first.value), b: v(d.reported.value, d.reported.hedged) });
    }
    default:
      return ctx.say(`headline.${ctx.state}`);
  }
}

/**
 * geometry(ctx): the marks of the valuation figure. Pure. The staircase keeps its keys and
 * scales across its states, so steps grow and the axes stretch honestly; the Microsoft
 * block and the loop arrive under their own keys.
 */
export function geometry(ctx: Ctx, d: ValuationData = defaultData): Mark[] {
  const f = frame(ctx);
  const head = headline(title(ctx, d), { x: f.left, y: f.headY, maxWidth: f.right - f.left, size: f.headSize });
  return ctx.state === 'what-microsoft-gets' ? microsoft(ctx, d, head) : ctx.state === 'feedback-loop' ? loop(ctx, head) : staircase(ctx, d, head);
}
