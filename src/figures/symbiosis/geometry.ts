import { scaleLinear } from 'd3-scale';
import { fill, formatDate, formatNumber } from '../../i18n/format';
import { measure } from '../../type/measure';
import { LOCALE, type Lang } from '../../i18n/lang';
import type { Mark, TextMark, Tone } from '../marks';
import { headline } from '../headline';
import type { GeometryOptions } from '../types';
import { commitments, data as defaultData, yearPosition, type Investment, type SymbiosisData } from './data';
import { stateFor, type SymbiosisState } from './states';
import { strings } from './strings';

type Key = keyof (typeof strings)['de'];
type Say = (key: Key, params?: Record<string, string | number>) => string;
type Size = NonNullable<TextMark['size']>;

/** How strongly a part of the diagram shows in a state. */
export type Emphasis = 'active' | 'on' | 'dim' | 'off';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Layout constants for one width. Narrow (phones) and wide share one arrangement, scaled down. */
export interface Frame {
  narrow: boolean;
  left: number;
  right: number;
  headlineY: number;
  headlineGap: number;
  /** The strip above OpenAI where the rival clouds sit. */
  strip: { y: number; h: number; padX: number; gap: number };
  ms: Box;
  oai: Box;
  titleY: number;
  chipInset: number;
  /** Chip rows inside both cards: top and height. */
  row2: { y: number; h: number };
  row3: { y: number; h: number };
  moneyY: number;
  computeY: number;
  returnY: number;
  modelsY: number;
  /** Users node: centre y and height. */
  users: { cy: number; h: number };
  /** x of the users' route that runs up outside OpenAI's card. */
  routeX: number;
  panelY: number;
  lineH: number;
  head: number;
  /** Type size for chips and flow labels. */
  label: Size;
  /** x range of the investment timeline. */
  timeline: [number, number];
}

/** frame(width, height): where cards, rows, flows and the note panel sit in a layout. */
export function frame(width: number, height: number): Frame {
  const narrow = width < 480;
  if (narrow) {
    const cardW = 100;
    const ms = { x: 8, y: 76, w: cardW, h: 108 };
    const oai = { x: width - 20 - cardW, y: 76, w: cardW, h: 108 };
    return {
      narrow,
      left: 8,
      right: width - 8,
      headlineY: 20,
      headlineGap: 18,
      strip: { y: 46, h: 18, padX: 5, gap: 5 },
      ms,
      oai,
      titleY: 94,
      chipInset: 6,
      row2: { y: 103, h: 22 },
      row3: { y: 146, h: 24 },
      moneyY: 89,
      computeY: 110,
      returnY: 120,
      modelsY: 158,
      users: { cy: 196, h: 18 },
      routeX: oai.x + oai.w + 12,
      panelY: Math.min(236, height - 76),
      lineH: 14,
      head: 6,
      label: 'xs',
      timeline: [30, width - 30],
    };
  }
  const cardW = 180;
  const ms = { x: 24, y: 92, w: cardW, h: 132 };
  const oai = { x: width - 32 - cardW, y: 92, w: cardW, h: 132 };
  return {
    narrow,
    left: 24,
    right: width - 24,
    headlineY: 30,
    headlineGap: 20,
    strip: { y: 44, h: 22, padX: 8, gap: 6 },
    ms,
    oai,
    titleY: 118,
    chipInset: 10,
    row2: { y: 132, h: 28 },
    row3: { y: 180, h: 30 },
    moneyY: 113,
    computeY: 140,
    returnY: 154,
    modelsY: 195,
    users: { cy: 254, h: 24 },
    routeX: oai.x + oai.w + 14,
    panelY: Math.min(298, height - 80),
    lineH: 15,
    head: 8,
    label: 's',
    timeline: [60, width - 60],
  };
}

/** What each state shows strongly, shows plainly, dims or hides. */
interface Look {
  money: Emphasis;
  compute: Emphasis;
  back: Emphasis;
  models: Emphasis;
  users: Emphasis;
  rivals: Emphasis;
  /** The rival that became a supplier after the article (AWS in the since-2025 state): solid arrow, accent chip. */
  supplier: boolean;
  /** Chips drawn in the accent colour. */
  chips: readonly ChipId[];
}
type ChipId = 'cloud' | 'products' | 'chatgpt' | 'models';

const LOOKS: Record<SymbiosisState, Look> = {
  money: { money: 'active', compute: 'dim', back: 'off', models: 'dim', users: 'off', rivals: 'dim', supplier: false, chips: [] },
  compute: { money: 'dim', compute: 'active', back: 'off', models: 'dim', users: 'off', rivals: 'on', supplier: false, chips: ['cloud'] },
  products: { money: 'dim', compute: 'dim', back: 'off', models: 'active', users: 'off', rivals: 'dim', supplier: false, chips: ['models', 'products'] },
  'the-loop': { money: 'dim', compute: 'on', back: 'active', models: 'on', users: 'active', rivals: 'dim', supplier: false, chips: ['chatgpt', 'products'] },
  'since-2025': { money: 'on', compute: 'active', back: 'off', models: 'dim', users: 'off', rivals: 'on', supplier: true, chips: ['cloud'] },
  summary: { money: 'active', compute: 'active', back: 'active', models: 'active', users: 'on', rivals: 'dim', supplier: false, chips: [] },
};

/** look(state): the emphasis of every part of the diagram in that state. */
export function look(state: SymbiosisState): Look {
  return LOOKS[state];
}

/** Stroke tone and opacity for a line or shape with this emphasis. */
function ink(e: Emphasis): { tone: Tone; opacity: number } {
  switch (e) {
    case 'active':
      return { tone: 'accent', opacity: 1 };
    case 'on':
      return { tone: 'ink', opacity: 1 };
    case 'dim':
      return { tone: 'muted', opacity: 0.3 };
    case 'off':
      return { tone: 'muted', opacity: 0 };
  }
}

/** Text tone, weight and opacity for a label with this emphasis. */
function labelInk(e: Emphasis): Pick<TextMark, 'tone' | 'weight' | 'opacity'> {
  switch (e) {
    case 'active':
      return { tone: 'accent', weight: 'bold', opacity: 1 };
    case 'on':
      return { tone: 'ink', weight: 'regular', opacity: 1 };
    case 'dim':
      return { tone: 'muted', weight: 'regular', opacity: 0.7 };
    case 'off':
      return { tone: 'muted', weight: 'regular', opacity: 0 };
  }
}

/** Estimated text width (the same estimate the generic bounds test uses). */
export function textWidth(text: string, size: Size, bold = false): number {
  const px = { xs: 11.5, s: 13.5, m: 16, l: 22, xl: 30 }[size];
  return [...text].length * 0.56 * px * (bold ? 1.04 : 1);
}

/** roundedRect(box, r): an SVG path for a rectangle with rounded corners (stroked tags). */
export function roundedRect(b: Box, r: number): string {
  const { x, y, w, h } = b;
  return `M${x + r},${y}H${x + w - r}A${r},${r} 0 0 1 ${x + w},${y + r}V${y + h - r}A${r},${r} 0 0 1 ${x + w - r},${y + h}H${x + r}A${r},${r} 0 0 1 ${x},${y + h - r}V${y + r}A${r},${r} 0 0 1 ${x + r},${y}Z`;
}

/**
 * arrow(points, head): a polyline ending in a filled triangular head. Returns the
 * line's path (stopping at the head's base, so a thick line never pokes through
 * the tip) and the head's path.
 */
export function arrow(points: readonly [number, number][], head: number): { line: string; head: string } {
  const n = points.length;
  const tip = points[n - 1];
  const prev = points[n - 2];
  if (!tip || !prev) throw new Error('arrow() needs at least two points');
  const dx = tip[0] - prev[0];
  const dy = tip[1] - prev[1];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const half = head * 0.6;
  const base: [number, number] = [tip[0] - ux * head, tip[1] - uy * head];
  const line = [...points.slice(0, -1), base].map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('');
  const h = `M${tip[0]},${tip[1]}L${base[0] - uy * half},${base[1] + ux * half}L${base[0] + uy * half},${base[1] - ux * half}Z`;
  return { line, head: h };
}

/** timelineScale(investments, f): years to x across the timeline, from the start of the first year. */
export function timelineScale(investments: readonly Investment[], f: Frame) {
  const first = investments[0]?.year ?? 2019;
  const last = Math.max(...investments.map(yearPosition));
  return scaleLinear().domain([first, last + 0.55]).range(f.timeline);
}

/** "Juli 2019" / "July 2019", or the bare year when the month is not known. */
export function eventDate(inv: Pick<Investment, 'year' | 'month'>, lang: Lang): string {
  if (inv.month === null) return String(inv.year);
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(inv.year, inv.month - 1, 15)),
  );
}

/** "13 Mrd. Dollar" / "$13bn": an amount in billions of dollars, as the figure and its text alternative write it. */
export function billions(lang: Lang, n: number): string {
  return fill(strings[lang]['amount.bn'], { n: formatNumber(lang, n) });
}

/**
 * geometry({ state, width, height, lang }): the marks of the symbiosis figure, a
 * schematic of Microsoft and OpenAI as two cards with the flows between them.
 * Pure; keys are stable, so each state only re-weights the same diagram, and
 * the note panel at the bottom changes with the step.
 */
export function geometry(opts: GeometryOptions, d: SymbiosisData = defaultData): Mark[] {
  const state = stateFor(opts.state);
  const f = frame(opts.width, opts.height);
  const lk = look(state);
  const say: Say = (key, params) => fill(strings[opts.lang][key], params);
  const marks: Mark[] = [];

  marks.push(...headline(say(`headline.${state}`, { azure: billions(opts.lang, d.since.azureBn) }), { narrow: f.narrow, x: f.left, y: f.headlineY, gap: f.headlineGap }));
  marks.push({ kind: 'text', key: 'tag-schematic', tone: 'muted', x: f.left, y: f.strip.y + f.strip.h / 2 + 4, text: say('tag.schematic'), size: 'xs', weight: 'bold' });

  marks.push(...rivals(d, f, lk, say));
  marks.push(...cards(d, f, lk, say));
  marks.push(...flows(f, lk, state, say));
  marks.push(...users(d, f, lk.users, say));
  marks.push(...panel(state, d, f, opts.lang, say));
  return marks;
}

/** "Okt. 2025" / "Oct 2025": month and year of an ISO date, for labels short on room. */
export function shortMonth(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "Januar" / "January": the month of an ISO date alone (Intl's short form drops the German abbreviation dot). */
function monthOnly(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Splits a "|"-marked string into lines on narrow screens; wide screens keep one line. */
function lines(text: string, f: Frame): string[] {
  return f.narrow ? text.split('|').map((l) => l.trim()) : [text.replace(/\s*\|\s*/g, ' ')];
}

/**
 * The rival clouds: chips above OpenAI's card, right-aligned, with dashed arrows down to it
 * (they would like the business). Once a rival has a contract (lk.supplier), its chip turns
 * accent and its arrow solid: computing power now flows from it to OpenAI.
 */
function rivals(d: SymbiosisData, f: Frame, lk: Look, say: Say): Mark[] {
  const e = lk.rivals;
  const marks: Mark[] = [];
  const size: Size = f.narrow ? 'xs' : 's';
  const { y, h, padX, gap } = f.strip;
  const shown = e === 'off' ? 0 : e === 'dim' ? 0.45 : 1;
  let x = f.oai.x + f.oai.w;
  const chips = [...d.rivals].reverse().map((name, i) => {
    const w = textWidth(name, size) + 2 * padX;
    x -= w;
    const box = { x, y, w, h };
    x -= gap;
    return { name, box, key: `rival-${d.rivals.length - 1 - i}` };
  });
  const textY = y + h / 2 + (f.narrow ? 4 : 4.5);
  marks.push({ kind: 'text', key: 'rivals-label', tone: 'muted', x: x - 2, y: textY, text: say('rivals.label'), anchor: 'end', size: 'xs', opacity: shown });
  for (const c of chips.reverse()) {
    const supplier = lk.supplier && c.name === d.since.aws.rival;
    marks.push({ kind: 'rect', key: `${c.key}-chip`, tone: supplier ? 'accent' : 'soft', x: c.box.x, y: c.box.y, width: c.box.w, height: c.box.h, rx: 4, opacity: shown });
    marks.push({ kind: 'text', key: `${c.key}-name`, tone: supplier ? 'paper' : 'ink', x: c.box.x + c.box.w / 2, y: textY, text: c.name, anchor: 'middle', size, ...(supplier ? { weight: 'bold' as const } : {}), opacity: shown });
    // The arrow lands on the card's top edge, kept a little inside its corners.
    const cx = c.box.x + c.box.w / 2;
    const tx = Math.min(Math.max(cx, f.oai.x + 14), f.oai.x + f.oai.w - 14);
    const a = arrow([[cx, y + h + 2], [tx, f.oai.y - 1]], f.head * 0.8);
    const tone: Tone = supplier ? 'accent' : e === 'on' ? 'ink' : 'muted';
    marks.push({ kind: 'line', key: `${c.key}-arrow`, tone, x1: cx, y1: y + h + 2, x2: tx, y2: f.oai.y - 1 - f.head * 0.8, ...(supplier ? { width: 2 } : { dashed: true }), opacity: shown });
    marks.push({ kind: 'path', key: `${c.key}-head`, tone, d: a.head, fill: true, opacity: shown });
  }
  return marks;
}

/** The two partner cards with their chips: Microsoft (cloud, products) and OpenAI (ChatGPT, models). */
function cards(d: SymbiosisData, f: Frame, lk: Look, say: Say): Mark[] {
  const marks: Mark[] = [];
  const size: Size = f.narrow ? 'xs' : 's';
  const title: Size = f.narrow ? 's' : 'm';
  for (const [id, box, name] of [['ms', f.ms, d.microsoft], ['oai', f.oai, d.openai]] as const) {
    marks.push({ kind: 'rect', key: `card-${id}`, tone: 'grid', x: box.x, y: box.y, width: box.w, height: box.h, rx: 6 });
    marks.push({ kind: 'text', key: `card-${id}-name`, tone: 'ink', x: box.x + f.chipInset, y: f.titleY, text: name, size: title, weight: 'bold' });
  }
  const chip = (id: ChipId, box: Box, row: { y: number; h: number }, text: string) => {
    const active = lk.chips.includes(id);
    const x = box.x + f.chipInset;
    const w = box.w - 2 * f.chipInset;
    marks.push({ kind: 'rect', key: `chip-${id}`, tone: active ? 'accent' : 'paper', x, y: row.y, width: w, height: row.h, rx: 4 });
    const textTone: Tone = active ? 'paper' : 'ink';
    const midY = row.y + row.h / 2 + (size === 'xs' ? 4 : 4.5);
    marks.push({ kind: 'text', key: `chip-${id}-text`, tone: textTone, x: x + (f.narrow ? 5 : 8), y: midY, text, size, weight: 'bold' });
  };
  chip('cloud', f.ms, f.row2, say('chip.cloud', { cloud: d.cloud }));
  chip('products', f.ms, f.row3, d.products.join(', '));
  chip('chatgpt', f.oai, f.row2, say('chip.chatgpt'));
  chip('models', f.oai, f.row3, say('chip.models'));
  return marks;
}

/** The four flows between the cards, each an arrow with a label centred in the channel. */
function flows(f: Frame, lk: Look, state: SymbiosisState, say: Say): Mark[] {
  const marks: Mark[] = [];
  const gapX = f.narrow ? 4 : 8;
  const from = f.ms.x + f.ms.w + gapX;
  const to = f.oai.x - gapX;
  const mid = (from + to) / 2;
  const flow = (key: string, e: Emphasis, y: number, rightward: boolean, label: string, labelY: number) => {
    const { tone, opacity } = ink(e);
    const a = arrow(rightward ? [[from, y], [to, y]] : [[to, y], [from, y]], f.head);
    const width = e === 'active' ? 2 : undefined;
    marks.push({ kind: 'path', key: `flow-${key}-line`, tone, d: a.line, ...(width ? { width } : {}), opacity });
    marks.push({ kind: 'path', key: `flow-${key}-head`, tone, d: a.head, fill: true, opacity });
    marks.push({ kind: 'text', key: `flow-${key}-label`, x: mid, y: labelY, text: label, anchor: 'middle', size: f.label, ...labelInk(e) });
  };
  const above = f.narrow ? 5 : 6;
  const below = f.narrow ? 12 : 15;
  flow('money', lk.money, f.moneyY, true, say('flow.money'), f.moneyY - above);
  flow('compute', lk.compute, f.computeY, true, say('flow.compute'), f.computeY - above);
  flow('back', lk.back, f.returnY, false, say('flow.return'), f.returnY + below);
  flow('models', lk.models, f.modelsY, false, say('flow.models'), f.modelsY + below);

  // Under the compute arrow: what the article says (exclusive), then what holds since October 2025.
  if (state === 'compute' || state === 'since-2025') {
    const since = state === 'since-2025';
    const y1 = f.computeY + below;
    marks.push({ kind: 'text', key: 'compute-note', tone: 'accent', x: mid, y: y1, text: say(since ? 'note.since' : 'note.exclusive'), anchor: 'middle', size: 'xs', weight: 'bold' });
    if (since) marks.push(...contextTag('compute-note-tag', mid, y1 + 4, say, 'middle'));
    else marks.push({ kind: 'text', key: 'compute-note-who', tone: 'muted', x: mid, y: y1 + 13, text: say('note.exclusive.who'), anchor: 'middle', size: 'xs' });
  }
  return marks;
}

/** The users node under the cards, with routes into Microsoft's products and into ChatGPT. */
function users(d: SymbiosisData, f: Frame, e: Emphasis, say: Say): Mark[] {
  const marks: Mark[] = [];
  const label = say('node.users');
  const w = textWidth(label, f.narrow ? 'xs' : 's', true) + (f.narrow ? 20 : 28);
  const { cy, h } = f.users;
  const cx = (f.ms.x + f.ms.w + f.oai.x) / 2;
  const hidden = e === 'off';
  const opacity = hidden ? 0 : 1;
  const active = e === 'active';
  marks.push({ kind: 'rect', key: 'users-node', tone: active ? 'accent' : 'soft', x: cx - w / 2, y: cy - h / 2, width: w, height: h, rx: h / 2, opacity });
  marks.push({ kind: 'text', key: 'users-name', tone: active ? 'paper' : 'ink', x: cx, y: cy + (f.narrow ? 4 : 4.5), text: label, anchor: 'middle', size: f.narrow ? 'xs' : 's', weight: 'bold', opacity });

  const { tone } = ink(active ? 'active' : 'on');
  const routeOpacity = hidden ? 0 : active ? 1 : 0.75;
  const width = active ? 2 : undefined;
  const msX = f.ms.x + f.ms.w / 2;
  const useArrow = arrow([[cx - w / 2 - 2, cy], [msX, cy], [msX, f.ms.y + f.ms.h + 1]], f.head);
  const chatY = f.row2.y + f.row2.h / 2;
  const subsArrow = arrow([[cx + w / 2 + 2, cy], [f.routeX, cy], [f.routeX, chatY], [f.oai.x + f.oai.w + 1, chatY]], f.head);
  for (const [key, a] of [['use', useArrow], ['subs', subsArrow]] as const) {
    marks.push({ kind: 'path', key: `users-${key}-line`, tone, d: a.line, ...(width ? { width } : {}), opacity: routeOpacity });
    marks.push({ kind: 'path', key: `users-${key}-head`, tone, d: a.head, fill: true, opacity: routeOpacity });
  }
  const ink2 = active ? labelInk('active') : labelInk('on');
  marks.push({ kind: 'text', key: 'users-use-label', x: (msX + cx - w / 2) / 2, y: cy - (f.narrow ? 5 : 6), text: say('flow.use'), anchor: 'middle', size: 'xs', ...ink2, opacity });
  marks.push({ kind: 'text', key: 'users-subs-label', x: f.routeX, y: cy + (f.narrow ? 20 : 19), text: say('flow.subs', { plan: d.subscription }), anchor: 'end', size: 'xs', ...ink2, opacity });
  return marks;
}

/**
 * contextTag(key, x, y): a small outlined "Kontext"/"Context" tag with its top at y.
 * Context facts are labelled wherever they show, on the figure too.
 */
function contextTag(key: string, x: number, top: number, say: Say, anchor: 'start' | 'middle' = 'start'): Mark[] {
  const text = say('tag.context');
  const w = textWidth(text, 'xs') + 10;
  const x0 = anchor === 'middle' ? x - w / 2 : x;
  return [
    { kind: 'path', key: `${key}-box`, tone: 'muted', d: roundedRect({ x: x0, y: top, w, h: 15 }, 3) },
    { kind: 'text', key: `${key}-text`, tone: 'muted', x: x0 + w / 2, y: top + 11, text, anchor: 'middle', size: 'xs' },
  ];
}

/** Width a context tag takes, plus the gap before the text that follows it. */
function contextTagWidth(say: Say): number {
  return textWidth(say('tag.context'), 'xs') + 10 + 6;
}

/** The note panel under the diagram: what this step adds in words and, for money, a timeline. */
function panel(state: SymbiosisState, d: SymbiosisData, f: Frame, lang: Lang, say: Say): Mark[] {
  const marks: Mark[] = [];
  const total = billions(lang, d.totalBn);
  let y = f.panelY;
  const text = (key: string, t: string, opts: Partial<TextMark> = {}) =>
    marks.push({ kind: 'text', key, tone: 'ink', x: f.left, y, text: t, size: 'xs', ...opts });
  /** A paragraph of "|"-marked lines; returns nothing, moves y past it. */
  const para = (key: string, t: string, opts: Partial<TextMark> = {}) => {
    lines(t, f).forEach((line, i) => {
      text(`${key}-${i}`, line, opts);
      y += f.lineH;
    });
  };
  /** A line that starts with a context tag. */
  const tagged = (key: string, t: string, opts: Partial<TextMark> = {}) => {
    marks.push(...contextTag(`${key}-tag`, f.left, y - 11, say));
    text(key, t, { x: f.left + contextTagWidth(say), ...opts });
  };

  switch (state) {
    case 'money': {
      tagged('panel-money-title', say('panel.money.title'), { weight: 'bold' });
      const x = timelineScale(d.investments, f);
      const lineY = y + (f.narrow ? 16 : 18);
      const first = d.investments[0];
      const last = d.investments.at(-1);
      if (first && last) {
        marks.push({ kind: 'line', key: 'timeline-axis', tone: 'muted', x1: x(first.year), y1: lineY, x2: x(yearPosition(last) + 0.55), y2: lineY });
      }
      for (const inv of d.investments) {
        const cx = x(yearPosition(inv));
        marks.push({ kind: 'circle', key: `event-${inv.key}-dot`, tone: 'accent', cx, cy: lineY, r: f.narrow ? 3.5 : 4 });
        marks.push({ kind: 'text', key: `event-${inv.key}-date`, tone: 'ink', x: cx, y: lineY + 16, text: eventDate(inv, lang), anchor: 'middle', size: 'xs', weight: 'bold' });
        const amount = inv.amountBn === null ? say(`amount.${inv.described}` as Key) : billions(lang, inv.amountBn);
        marks.push({ kind: 'text', key: `event-${inv.key}-amount`, tone: inv.amountBn === null ? 'muted' : 'accent', x: cx, y: lineY + 30, text: amount, anchor: 'middle', size: 'xs', weight: inv.amountBn === null ? 'regular' : 'bold' });
      }
      y = lineY + (f.narrow ? 50 : 52);
      text('panel-money-total', say('panel.money.total', { total }), { weight: 'bold' });
      break;
    }
    case 'compute':
      para('panel-compute-1', say('panel.compute.1'));
      y += 6;
      para('panel-compute-2', say('panel.compute.2'), { tone: 'muted' });
      y += 6;
      // Context: the article's "exclusive" was already loosened in January 2025 (until October 2025).
      tagged('panel-compute-rofr', say('panel.compute.rofr', { from: monthOnly(lang, d.rofrDate), to: monthOnly(lang, d.rofrEnded), year: d.rofrEnded.slice(0, 4) }));
      break;
    case 'products':
      para('panel-products', say('panel.products'));
      break;
    case 'the-loop':
      para('panel-loop-1', say('panel.loop.1'));
      y += 6;
      para('panel-loop-2', say('panel.loop.2'));
      break;
    case 'since-2025':
      // The users are hidden here, so the panel may start right under the cards.
      y = f.ms.y + f.ms.h + (f.narrow ? 20 : 26);
      marks.push(...sincePanel(d, f, lang, say, y));
      break;
    case 'summary': {
      const since = d.since;
      tagged('panel-summary-money', say('panel.summary.money', { total }));
      y += f.lineH + 6;
      tagged('panel-summary-since-1', say('panel.summary.since.1', { date: shortMonth(lang, since.date), azure: billions(lang, since.azureBn) }));
      y += f.lineH;
      text('panel-summary-since-2', say('panel.summary.since.2', { awsDate: shortMonth(lang, since.aws.date), aws: billions(lang, since.aws.amountBn) }), { x: f.left + contextTagWidth(say) });
      break;
    }
  }
  return marks;
}

/** Height and pitch of the commitment bars in the since-2025 state. */
function barRows(f: Frame): { h: number; pitch: number } {
  return f.narrow ? { h: 13, pitch: 18 } : { h: 16, pitch: 22 };
}

/**
 * commitmentScale(d, f): dollars to bar length, from zero, one scale for all three
 * sourced commitments, so $250bn visibly dwarfs $38bn and $13bn.
 */
export function commitmentScale(d: SymbiosisData, f: Frame) {
  const max = Math.max(...commitments(d).map((c) => c.amountBn));
  return scaleLinear().domain([0, max]).range([0, f.right - f.left]);
}

/**
 * The since-2025 panel: a dated context title, three bars on one scale for the
 * sourced commitments (labelled inside a bar where it is long enough, else after
 * it), and Microsoft's stake in OpenAI Group PBC.
 */
function sincePanel(
  d: SymbiosisData,
  f: Frame,
  lang: Lang,
  say: Say,
  top: number,
): Mark[] {
  const since = d.since;
  let y = top;
  const marks: Mark[] = [
    ...contextTag('panel-since-title-tag', f.left, y - 11, say),
    { kind: 'text', key: 'panel-since-title', tone: 'ink', x: f.left + contextTagWidth(say), y, text: say('panel.since.title', { date: formatDate(lang, since.date) }), size: 'xs', weight: 'bold' },
  ];
  y += f.narrow ? 16 : 18;
  marks.push({ kind: 'text', key: 'panel-since-scale', tone: 'muted', x: f.left, y, text: say('panel.since.scale'), size: 'xs' });
  const { h, pitch } = barRows(f);
  const x = commitmentScale(d, f);
  let barTop = y + 6;
  const labels = {
    ms: say('bar.ms', { amount: billions(lang, d.totalBn) }),
    azure: say('bar.azure', { amount: billions(lang, since.azureBn) }),
    aws: say('bar.aws', { amount: billions(lang, since.aws.amountBn), date: shortMonth(lang, since.aws.date) }),
  };
  for (const c of commitments(d)) {
    const w = x(c.amountBn);
    const label = labels[c.key];
    const textY = barTop + h / 2 + 4;
    const inside = measure(label, { size: 11.5, weight: 700 }) + 12 <= w;
    marks.push({ kind: 'rect', key: `bar-${c.key}`, tone: c.key === 'aws' ? 'accent-2' : 'accent', x: f.left, y: barTop, width: w, height: h, rx: 2 });
    marks.push({
      kind: 'text',
      key: `bar-${c.key}-label`,
      tone: inside ? 'paper' : 'ink',
      x: inside ? f.left + 6 : f.left + w + 5,
      y: textY,
      text: label,
      size: 'xs',
      weight: 'bold',
    });
    barTop += pitch;
  }
  y = barTop + (f.narrow ? 12 : 16);
  const stake = say('panel.since.stake', {
    pct: formatNumber(lang, since.stakePct),
    company: since.company,
    stake: billions(lang, since.stakeBn),
  });
  lines(stake, f).forEach((line, i) => {
    marks.push({ kind: 'text', key: `panel-since-stake-${i}`, tone: 'ink', x: f.left, y: y + i * f.lineH, text: line, size: 'xs' });
  });
  return marks;
}
