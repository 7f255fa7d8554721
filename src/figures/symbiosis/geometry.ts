import { arrow, block, headline, INTER_METRICS, leadingOf, sizeOf, tag, TAG_HEIGHT, textWidth, time, type Box, type FigureContext, type TextSize } from '../kit';
import { rectsPath, type Mark, type TextMark, type Tone } from '../marks';
import { LOCALE, type Lang } from '../../i18n/lang';
import { fill, formatNumber } from '../../i18n/format';
import { commitments, data as defaultData, roundDate, strings, type Investment, type StringKey, type SymbiosisData, type SymbiosisState } from './data';

/**
 * Microsoft and OpenAI as a two-sided ledger (chapter 2): Microsoft's account on the left,
 * OpenAI's on the right, and the flows between them filling in one step at a time. A flow
 * whose amount is sourced is drawn as that many squares of one billion dollars each, every
 * block on the same scale, so $250bn for Azure dwarfs Microsoft's $13bn in the drawing as it
 * does in dollars. A flow without a sourced amount is a dashed line, and the legend's
 * schematic tag says what dashes mean. The exclusivity is a wall between OpenAI and its
 * rivals: closed (the article), dashed (a right of first refusal from January 2025), gone
 * (October 2025).
 */

export type Ctx = FigureContext<SymbiosisState, StringKey>;

const cap = (size: TextSize) => sizeOf(size) * INTER_METRICS.capHeight;
const descent = (size: TextSize) => sizeOf(size) * INTER_METRICS.descent;

/** The wall between OpenAI and the rival clouds: the article's exclusivity, the first refusal of January 2025, none since October 2025. */
export type Wall = 'closed' | 'first-refusal' | 'open';

/** What a state shows and which of it is the subject of the step (drawn in the accent). */
export interface Look {
  rounds: boolean;
  compute: boolean;
  wall: Wall | null;
  models: boolean;
  loop: boolean;
  since: boolean;
  accent: readonly ('money' | 'compute' | 'wall' | 'models' | 'loop' | 'azure')[];
}

const LOOKS: Record<SymbiosisState, Look> = {
  money: { rounds: true, compute: false, wall: null, models: false, loop: false, since: false, accent: ['money'] },
  compute: { rounds: false, compute: true, wall: 'closed', models: false, loop: false, since: false, accent: ['compute', 'wall'] },
  'first-refusal': { rounds: false, compute: true, wall: 'first-refusal', models: false, loop: false, since: false, accent: ['wall'] },
  products: { rounds: false, compute: true, wall: 'first-refusal', models: true, loop: false, since: false, accent: ['models'] },
  'the-loop': { rounds: false, compute: true, wall: 'first-refusal', models: true, loop: true, since: false, accent: ['loop'] },
  'since-2025': { rounds: false, compute: true, wall: 'open', models: true, loop: false, since: true, accent: ['azure', 'wall'] },
  summary: { rounds: false, compute: true, wall: 'open', models: true, loop: false, since: true, accent: ['money', 'azure'] },
};

/** look(state): what the ledger shows in that state. */
export function look(state: SymbiosisState): Look {
  return LOOKS[state];
}

/** The squares every sized flow is drawn with: one per billion dollars, the same in every block. */
export interface Squares {
  cell: number;
  pitch: number;
}

/** Where the ledger's parts sit in one layout; the same in every state, so only what is shown changes. */
export interface Frame {
  left: number;
  right: number;
  /** Baseline of the partner names. */
  names: number;
  ms: Box;
  oa: Box;
  /** The channel between the two accounts, where the flows run. */
  x0: number;
  x1: number;
  rivalsX: number;
  rivalsW: number;
  /** Centre of the wall between OpenAI and its rivals. */
  wallX: number;
  /** Tops of the rows: money, compute, models, the Azure flow, the users (the loop). */
  rows: { money: number; compute: number; models: number; azure: number; users: number };
  squares: Squares;
  /** Squares per row in the channel's blocks. */
  cols: number;
  legendTop: number;
  label: TextSize;
}

/** Width of a rival's chip: its measured name plus padding. */
const chipPad = (ctx: Ctx) => (ctx.narrow ? 0 : 8);

/** frame(ctx, d): the ledger's fixed places for a layout, from its size and the measured names. */
export function frame(ctx: Ctx, d: SymbiosisData = defaultData): Frame {
  const pad = ctx.narrow ? 10 : 24;
  const hs: TextSize = ctx.narrow ? 'm' : 'l';
  const label: TextSize = ctx.narrow ? 'xs' : 's';
  const nameSize: TextSize = ctx.narrow ? 's' : 'm';
  // Two headline lines are always reserved, so the ledger stands still from state to state.
  const headBottom = pad + cap(hs) + leadingOf(hs) + descent(hs);
  const names = headBottom + (ctx.narrow ? 2 : 14) + cap(nameSize);
  const legendTop = ctx.height - (ctx.narrow ? 2 : pad) - TAG_HEIGHT;
  const top = names + descent(nameSize) + (ctx.narrow ? 3 : 10);
  const bottom = legendTop - (ctx.narrow ? 4 : 12);
  const awsAmount = ctx.say('aws.label.narrow', { amount: billions(ctx.lang, d.since.aws.amountBn) });
  const widest = Math.max(...d.rivals.map((r) => textWidth(r, { size: 'xs', weight: 'bold' })), textWidth(ctx.say('rivals.title'), { size: 'xs' }), textWidth(awsAmount, { size: 'xs', weight: 'bold' }));
  const rivalsW = Math.ceil(widest) + 2 * chipPad(ctx);
  const rivalsX = ctx.width - pad - rivalsW;
  const pillar = ctx.narrow ? 4 : 6;
  const wallGap = ctx.narrow ? 10 : 56;
  const oaX = rivalsX - wallGap - pillar;
  const pillarTop = names + descent(nameSize) + 2;
  const ms: Box = { x: pad, y: pillarTop, width: pillar, height: bottom - pillarTop };
  const oa: Box = { x: oaX, y: pillarTop, width: pillar, height: bottom - pillarTop };
  const x0 = ms.x + ms.width;
  const x1 = oa.x;
  const squares: Squares = ctx.narrow ? { cell: 4, pitch: 5 } : { cell: 10, pitch: 12 };
  const fit = Math.floor((x1 - x0 - 2 * (ctx.narrow ? 1 : 10) + (squares.pitch - squares.cell)) / squares.pitch);
  const cols = ctx.narrow ? fit : Math.min(fit, 30);
  const line = cap(label) + descent(label);
  const gap = ctx.narrow ? 3 : 6;
  const money = top;
  const compute = money + line + gap + squares.pitch + (ctx.narrow ? 3 : 30);
  const models = compute + line + gap + (ctx.narrow ? 4 : 34);
  const azure = models + line + gap + (ctx.narrow ? 4 : 34);
  const users = azure + line + gap + (ctx.narrow ? 10 : 36);
  return {
    left: pad,
    right: ctx.width - pad,
    names,
    ms,
    oa,
    x0,
    x1,
    rivalsX,
    rivalsW,
    wallX: oa.x + oa.width + wallGap / 2,
    rows: { money, compute, models, azure, users },
    squares,
    cols,
    legendTop,
    label,
  };
}

/** Height of a label line of the frame's label role. */
const lineOf = (f: Frame) => cap(f.label) + descent(f.label);
/** Baseline of a row's label. */
const labelY = (row: number, f: Frame) => row + cap(f.label);
/** y of a row's arrow, under its label. */
const arrowY = (row: number, f: Frame, ctx: Ctx) => row + lineOf(f) + (ctx.narrow ? 3 : 8);

/**
 * squaresBlock(n, origin, cols, s, from): n squares in rows of cols, filling from the corner at
 * origin; from 'end' fills right to left (a block leaving the right-hand account). Returns the
 * rects and the block's box.
 */
export function squaresBlock(n: number, origin: { x: number; y: number }, cols: number, s: Squares, from: 'start' | 'end' = 'start'): { rects: Box[]; box: Box } {
  const rects: Box[] = [];
  for (let i = 0; i < n; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const x = from === 'start' ? origin.x + col * s.pitch : origin.x - col * s.pitch - s.cell;
    rects.push({ x, y: origin.y + row * s.pitch, width: s.cell, height: s.cell });
  }
  const used = Math.min(n, cols);
  const width = used * s.pitch - (s.pitch - s.cell);
  const height = Math.ceil(n / cols) * s.pitch - (s.pitch - s.cell);
  return { rects, box: { x: from === 'start' ? origin.x : origin.x - width, y: origin.y, width, height } };
}

/** "13 Mrd. Dollar" / "$13bn". */
export function billions(lang: Lang, n: number): string {
  return fill(strings[lang]['amount.bn'], { n: formatNumber(lang, n) });
}

/** "Okt. 2024" / "Oct 2024": month and year, for labels short on room. */
export function monthYear(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** "Juli 2019" / "July 2019", or the bare year when the month is not known. */
export function roundLabel(inv: Pick<Investment, 'year' | 'month'>, lang: Lang, short = false): string {
  if (inv.month === null) return String(inv.year);
  return new Intl.DateTimeFormat(LOCALE[lang], { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(inv.year, inv.month - 1, 15)));
}

function text(key: string, t: string, x: number, y: number, size: TextSize, o: Partial<TextMark> = {}): TextMark {
  return { kind: 'text', key, tone: 'ink', x, y, text: t, size, weight: 'regular', ...o };
}

/** A dashed flow without an amount: the dashed line and its head (one look for every unsized flow). */
function dashedFlow(key: string, from: number, to: number, y: number, tone: Tone, head: number): Mark[] {
  const dir = Math.sign(to - from);
  return [
    { kind: 'line', key: `${key}-line`, tone, x1: from, y1: y, x2: to - dir * 2, y2: y, dashed: true, width: 2 },
    { kind: 'path', key: `${key}-head`, tone, d: arrow([[to - dir * head, y], [to, y]], { head }), width: 2 },
  ];
}

/** A sized flow: its block of squares (one path mark) and a solid track from the block's far edge to the receiving account. */
function sizedFlow(key: string, rects: Box[], from: number, to: number, y: number, tone: Tone, head: number): Mark[] {
  return [
    { kind: 'path', key: `${key}-track`, tone, d: arrow([[from, y], [to, y]], { head }), width: 2 },
    { kind: 'path', key: `${key}-block`, tone, d: rectsPath(rects), fill: true },
  ];
}

/** geometry(ctx): the marks of one state of the ledger. Pure. */
export function geometry(ctx: Ctx, d: SymbiosisData = defaultData): Mark[] {
  const f = frame(ctx, d);
  const lk = look(ctx.state);
  const hs: TextSize = ctx.narrow ? 'm' : 'l';
  const c = commitments(d);
  const marks: Mark[] = [
    ...headline(ctx.say(`headline.${ctx.state}`, { total: billions(ctx.lang, c.ms.amountBn), azure: billions(ctx.lang, c.azure.amountBn) }), { x: f.left, y: f.left + cap(hs), maxWidth: f.right - f.left, size: hs }),
    ...accounts(ctx, f, d),
    ...money(ctx, f, d, lk),
  ];
  if (lk.rounds) marks.push(...rounds(ctx, f, d));
  if (lk.compute) marks.push(...compute(ctx, f, d, lk));
  if (lk.wall === 'first-refusal' && ctx.state === 'first-refusal') marks.push(...rofrNote(ctx, f));
  if (lk.models) marks.push(...models(ctx, f, d, lk));
  if (lk.loop) marks.push(...loop(ctx, f, d));
  if (lk.since) marks.push(...since(ctx, f, d, lk));
  marks.push(...legend(ctx, f));
  return marks;
}

/** The two accounts: a name over a pillar each, and the rivals' column header on wide layouts. */
function accounts(ctx: Ctx, f: Frame, d: SymbiosisData): Mark[] {
  const size: TextSize = ctx.narrow ? 's' : 'm';
  return [
    text('name-ms', d.microsoft, f.ms.x, f.names, size, { weight: 'bold' }),
    text('name-oa', d.openai, f.oa.x + f.oa.width, f.names, size, { weight: 'bold', anchor: 'end' }),
    { kind: 'rect', key: 'pillar-ms', tone: 'ink', ...f.ms, rx: f.ms.width / 2 },
    { kind: 'rect', key: 'pillar-oa', tone: 'ink', ...f.oa, rx: f.oa.width / 2 },
    // Every state shows context amounts; a phone has no room for a tag beside each, so one stands at the top right.
    ...(ctx.narrow ? tag({ key: 'context-tag', kind: 'context', x: f.right, y: f.names - cap(size), lang: ctx.lang, anchor: 'end' }).marks : []),
  ];
}

/** Row A: Microsoft's funding commitments, as many squares as billions, flowing to OpenAI (context, dated). */
function money(ctx: Ctx, f: Frame, d: SymbiosisData, lk: Look): Mark[] {
  const c = commitments(d).ms;
  const on = lk.accent.includes('money');
  const tone: Tone = on ? 'accent' : 'muted';
  const y = labelY(f.rows.money, f);
  const amount = ctx.say('money.label', { amount: billions(ctx.lang, c.amountBn) });
  const lx = f.x0 + (ctx.narrow ? 2 : 10);
  const marks: Mark[] = [];
  const top = f.rows.money + lineOf(f) + (ctx.narrow ? 3 : 6);
  const b = squaresBlock(c.amountBn, { x: lx, y: top }, f.cols, f.squares);
  // The amount is context: the tag (narrow: the one at the top right), and the date of the filing it comes from.
  const date = ctx.say('money.date', { date: ctx.date(c.date) });
  if (ctx.narrow) {
    marks.push(text('money-label', ctx.say('money.label.narrow', { amount: billions(ctx.lang, c.amountBn), date: monthYear(ctx.lang, c.date) }), lx, y, f.label, { weight: 'bold', tone: on ? 'accent' : 'ink' }));
  } else {
    marks.push(text('money-label', amount, lx, y, f.label, { weight: 'bold', tone: on ? 'accent' : 'ink' }));
    const tx = lx + textWidth(amount, { size: f.label, weight: 'bold' }) + 10;
    const t = tag({ key: 'money-tag', kind: 'context', x: tx, y: y - TAG_HEIGHT + 5, lang: ctx.lang });
    marks.push(...t.marks, text('money-date', date, tx + t.width + 8, y, 'xs', { tone: 'muted' }));
  }
  marks.push(...sizedFlow('money', b.rects, b.box.x + b.box.width + 3, f.x1 - 1, top + f.squares.cell / 2, tone, ctx.narrow ? 5 : 7));
  return marks;
}

/** The investment rounds under the money row (money state): a time axis, the one sized round as one square, the others as open dots. */
function rounds(ctx: Ctx, f: Frame, d: SymbiosisData): Mark[] {
  if (ctx.narrow) return roundsList(ctx, f, d);
  // The rounds take the middle of the empty ledger, big: the step is about them.
  const top = f.rows.models - 10;
  const t = tag({ key: 'rounds-tag', kind: 'context', x: f.x0 + 10, y: top, lang: ctx.lang });
  const title = text('rounds-title', ctx.say('rounds.title'), f.x0 + 10 + t.width + 8, top + TAG_HEIGHT - 5, 's', { weight: 'bold' });
  const axisY = top + TAG_HEIGHT + 64;
  const x = time({ dates: d.investments.map(roundDate), range: [f.x0 + 70, f.x1 - 80] });
  const marks: Mark[] = [...t.marks, title, { kind: 'line', key: 'rounds-axis', tone: 'muted', x1: f.x0 + 2, y1: axisY, x2: f.x1 - 2, y2: axisY }];
  for (const inv of d.investments) {
    const cx = x.at(roundDate(inv));
    const sized = inv.amountBn !== null;
    marks.push({ kind: 'circle', key: `round-${inv.key}-dot`, tone: sized ? 'accent' : 'muted', cx, cy: axisY, r: 5 });
    if (sized) {
      const s = f.squares;
      const b = squaresBlock(inv.amountBn ?? 0, { x: cx - s.cell / 2, y: axisY - 12 - s.cell }, f.cols, s);
      marks.push({ kind: 'path', key: `round-${inv.key}-block`, tone: 'accent', d: rectsPath(b.rects), fill: true });
    }
    const dy = axisY + 14 + cap('s');
    marks.push(text(`round-${inv.key}-date`, roundLabel(inv, ctx.lang), cx, dy, 's', { weight: 'bold', anchor: 'middle' }));
    const amount = sized ? billions(ctx.lang, inv.amountBn ?? 0) : ctx.say(`round.${inv.described}` as StringKey);
    marks.push(text(`round-${inv.key}-amount`, amount, cx, dy + leadingOf('s'), 's', { anchor: 'middle', tone: sized ? 'accent' : 'muted', weight: sized ? 'bold' : 'regular' }));
  }
  return marks;
}

/** The rounds on a phone: too little width for a time axis, so one line per round, date, then amount (the sized one with its square). */
function roundsList(ctx: Ctx, f: Frame, d: SymbiosisData): Mark[] {
  const x = f.x0 + 2;
  const t = tag({ key: 'rounds-tag', kind: 'context', x, y: f.rows.compute, lang: ctx.lang });
  const marks: Mark[] = [...t.marks];
  const labels = d.investments.map((inv) => roundLabel(inv, ctx.lang, true));
  const col = x + Math.max(...labels.map((l) => textWidth(l, { size: 'xs', weight: 'bold' }))) + 10;
  let y = f.rows.compute + TAG_HEIGHT + 6 + cap('xs');
  d.investments.forEach((inv, i) => {
    const sized = inv.amountBn !== null;
    marks.push(text(`round-${inv.key}-date`, labels[i] ?? '', x, y, 'xs', { weight: 'bold' }));
    let ax = col;
    if (sized) {
      const s = f.squares;
      const b = squaresBlock(inv.amountBn ?? 0, { x: col, y: y - cap('xs') / 2 - s.cell / 2 }, f.cols, s);
      marks.push({ kind: 'path', key: `round-${inv.key}-block`, tone: 'accent', d: rectsPath(b.rects), fill: true });
      ax = b.box.x + b.box.width + 4;
    }
    const amount = sized ? billions(ctx.lang, inv.amountBn ?? 0) : ctx.say(inv.described === 'multi-year' ? 'round.multi-year.narrow' : 'round.more-funding');
    marks.push(text(`round-${inv.key}-amount`, amount, ax, y, 'xs', { tone: sized ? 'accent' : 'muted', weight: sized ? 'bold' : 'regular' }));
    y += leadingOf('xs') + 1;
  });
  return marks;
}

/** Row B: computing power from Azure (no amount: dashed), the rivals and the wall that keeps them out, closed, dashed or gone. */
function compute(ctx: Ctx, f: Frame, d: SymbiosisData, lk: Look): Mark[] {
  const on = lk.accent.includes('compute');
  const wallOn = lk.accent.includes('wall');
  const y = labelY(f.rows.compute, f);
  const ay = arrowY(f.rows.compute, f, ctx);
  const lx = f.x0 + (ctx.narrow ? 2 : 10);
  const label = ctx.say('compute.label', { cloud: d.cloud });
  const marks: Mark[] = [
    text('compute-label', label, lx, y, f.label, { weight: 'bold', tone: on ? 'accent' : 'ink' }),
    ...dashedFlow('compute', f.x0 + 2, f.x1 - 1, ay, on ? 'accent' : 'muted', ctx.narrow ? 5 : 7),
  ];
  const wall = lk.wall ?? 'closed';
  marks.push(...rivals(ctx, f, d, wall, wallOn));
  return marks;
}

/**
 * The rival clouds at the right and the wall between them and OpenAI. Closed: a solid bar and
 * the rivals' arrows stop at it. First refusal: the bar is a dashed line they may pass. Open:
 * no wall; AWS now has a contract (drawn in the since-2025 block).
 */
function rivals(ctx: Ctx, f: Frame, d: SymbiosisData, wall: Wall, wallOn: boolean): Mark[] {
  const marks: Mark[] = [];
  // The rival that wins a contract later (AWS) sits lowest, next to where its block arrives.
  const order = [...d.rivals].sort((a, b) => Number(a === d.since.aws.rival) - Number(b === d.since.aws.rival));
  const top = f.rows.compute + (ctx.narrow ? 0 : 8);
  const bottom = arrowY(f.rows.models, f, ctx) + 8;
  if (!ctx.narrow) marks.push(text('rivals-title', ctx.say('rivals.title'), f.rivalsX, f.names, 'xs', { tone: 'muted' }));
  const wallTone: Tone = wallOn ? 'accent' : 'ink';
  marks.push(...wallLabel(ctx, f, d, wall, wallOn));
  const ww = ctx.narrow ? 4 : 6;
  if (wall === 'closed') marks.push({ kind: 'rect', key: 'wall', tone: wallTone, x: f.wallX - ww / 2, y: top, width: ww, height: bottom - top, rx: 1 });
  if (wall === 'first-refusal') marks.push({ kind: 'line', key: 'wall-dashed', tone: wallTone, x1: f.wallX, y1: top, x2: f.wallX, y2: bottom, dashed: true, width: 3 });
  order.forEach((name, i) => {
    const row = i === order.length - 1 ? f.rows.models : f.rows.compute;
    const ay = arrowY(row, f, ctx);
    const key = `rival-${i}`;
    const contracted = wall === 'open' && name === d.since.aws.rival;
    if (ctx.narrow) {
      marks.push(text(`${key}-name`, name, f.rivalsX, ay + cap('xs') / 2, 'xs', { weight: 'bold' }));
    } else {
      const h = cap('xs') + 12;
      marks.push({ kind: 'rect', key: `${key}-chip`, tone: 'grid', x: f.rivalsX, y: ay - h / 2, width: f.rivalsW, height: h, rx: 4 });
      marks.push(text(`${key}-name`, name, f.rivalsX + f.rivalsW / 2, ay + cap('xs') / 2, 'xs', { weight: 'bold', anchor: 'middle', on: `${key}-chip` }));
    }
    // Rivals would like the business: dashed arrows towards OpenAI, stopped by a closed wall.
    if (!ctx.narrow && !contracted) {
      const to = wall === 'closed' ? f.wallX + ww / 2 + 2 : f.oa.x + f.oa.width + 2;
      marks.push(...dashedFlow(`${key}-bid`, f.rivalsX - 2, to, ay, 'muted', 6));
    }
  });
  return marks;
}

/**
 * What the wall means in this state, above it: the word (exclusive, first refusal, none) and,
 * on wide layouts, who says so (the article) or since when (context, dated).
 */
function wallLabel(ctx: Ctx, f: Frame, d: SymbiosisData, wall: Wall, on: boolean): Mark[] {
  const x = f.oa.x + f.oa.width + (ctx.narrow ? 3 : 8);
  const size: TextSize = ctx.narrow ? 'xs' : 's';
  const y = ctx.narrow ? f.rows.compute - 4 : f.rows.money + cap(size);
  const word = text(`wall-${wall}-word`, ctx.say(`wall.${wall}`), x, y, size, { weight: 'bold', tone: on ? 'accent' : 'ink' });
  if (ctx.narrow) return [word];
  const below = y + descent(size) + 6;
  if (wall === 'closed') return [word, text('wall-closed-who', ctx.say('wall.closed.who'), x, below + cap('xs'), 'xs', { tone: 'muted' })];
  const t = tag({ key: `wall-${wall}-tag`, kind: 'context', x, y: below, lang: ctx.lang });
  const since = monthYear(ctx.lang, wall === 'open' ? d.rofrEnded : d.rofrDate);
  return [word, ...t.marks, text(`wall-${wall}-date`, since, x + t.width + 6, below + TAG_HEIGHT - 5, 'xs', { tone: 'muted' })];
}

/** The first-refusal state's note: what the right of first refusal meant, dated and tagged as context. */
function rofrNote(ctx: Ctx, f: Frame): Mark[] {
  const x = f.x0 + (ctx.narrow ? 2 : 10);
  const top = f.rows.azure - (ctx.narrow ? 4 : 0);
  const size: TextSize = ctx.narrow ? 'xs' : 's';
  const note = (y: number) => block({ key: 'rofr-note', text: ctx.say(ctx.narrow ? 'rofr.note.narrow' : 'rofr.note'), x, y, maxWidth: (ctx.narrow ? f.x1 : f.x1 - 40) - x, size, maxLines: 3 });
  if (ctx.narrow) {
    const date = text('rofr-date', ctx.date(defaultData.rofrDate), x, top + cap('xs') + 4, 'xs', { weight: 'bold', tone: 'accent' });
    return [date, ...note(date.y + leadingOf('xs')).marks];
  }
  const t = tag({ key: 'rofr-tag', kind: 'context', x, y: top, lang: ctx.lang });
  const date = text('rofr-date', ctx.date(defaultData.rofrDate), x + t.width + 8, top + TAG_HEIGHT - 5, 'xs', { weight: 'bold', tone: 'accent' });
  return [...t.marks, date, ...note(top + TAG_HEIGHT + 6 + cap(size)).marks];
}

/** Row C: OpenAI's models into Microsoft's products (no amount: dashed, right to left). */
function models(ctx: Ctx, f: Frame, d: SymbiosisData, lk: Look): Mark[] {
  const on = lk.accent.includes('models');
  const products = ctx.narrow ? d.products.join(', ') : `${d.products[0] ?? ''} (${d.hosts.join(', ')}), ${d.products.slice(1).join(', ')}`;
  return [
    text('models-label', ctx.say('models.label', { products }), f.x0 + (ctx.narrow ? 2 : 10), labelY(f.rows.models, f), f.label, { weight: 'bold', tone: on ? 'accent' : 'ink' }),
    ...dashedFlow('models', f.x1 - 2, f.x0 + 1, arrowY(f.rows.models, f, ctx), on ? 'accent' : 'muted', ctx.narrow ? 5 : 7),
  ];
}

/** Row D in the loop: Azure consumption back to Microsoft, and the users who set it going. */
function loop(ctx: Ctx, f: Frame, d: SymbiosisData): Mark[] {
  const lx = f.x0 + (ctx.narrow ? 2 : 10);
  const marks: Mark[] = [
    text('loop-label', ctx.say(ctx.narrow ? 'loop.azure.narrow' : 'loop.azure'), lx, labelY(f.rows.azure, f), f.label, { weight: 'bold', tone: 'accent' }),
    ...dashedFlow('loop', f.x1 - 2, f.x0 + 1, arrowY(f.rows.azure, f, ctx), 'accent', ctx.narrow ? 5 : 7),
  ];
  // The users between the accounts: they use Copilot and Bing (left) and ChatGPT, some with a paid plan (right).
  const size: TextSize = ctx.narrow ? 'xs' : 's';
  const name = ctx.say('loop.users');
  const w = textWidth(name, { size, weight: 'bold' }) + (ctx.narrow ? 12 : 24);
  const h = cap(size) + (ctx.narrow ? 8 : 14);
  const cx = (f.x0 + f.x1) / 2;
  const cy = f.rows.users + h / 2 + (ctx.narrow ? 2 : 10);
  marks.push({ kind: 'rect', key: 'users-node', tone: 'accent', x: cx - w / 2, y: cy - h / 2, width: w, height: h, rx: h / 2 });
  marks.push(text('users-name', name, cx, cy + cap(size) / 2, size, { weight: 'bold', anchor: 'middle', tone: 'paper', on: 'users-node' }));
  const head = ctx.narrow ? 5 : 7;
  marks.push({ kind: 'path', key: 'users-use', tone: 'accent', d: arrow([[cx - w / 2 - 3, cy], [f.x0 + 2, cy]], { head }), width: 2 });
  marks.push({ kind: 'path', key: 'users-subs', tone: 'accent', d: arrow([[cx + w / 2 + 3, cy], [f.x1 - 2, cy]], { head }), width: 2 });
  // Under the arrows on wide layouts; above them on phones, where the legend follows right below.
  const ly = ctx.narrow ? cy - h / 2 - 3 : cy + h / 2 + 4 + cap('xs');
  const weight = ctx.narrow ? 'regular' : 'bold';
  marks.push(text('users-use-label', ctx.say('loop.use'), ctx.narrow ? f.x0 + 2 : (f.x0 + cx - w / 2) / 2, ly, 'xs', { anchor: ctx.narrow ? 'start' : 'middle', weight }));
  marks.push(text('users-subs-label', ctx.say(ctx.narrow ? 'loop.subs.narrow' : 'loop.subs'), ctx.narrow ? f.x1 - 2 : (f.x1 + cx + w / 2) / 2, ly, 'xs', { anchor: ctx.narrow ? 'end' : 'middle', weight }));
  if (!ctx.narrow) {
    marks.push(...block({ key: 'users-jefferies', text: ctx.say('loop.jefferies', { plan: d.subscription }), x: lx, y: ly + leadingOf('xs') + 12, maxWidth: f.x1 - 10 - lx, size: 's', tone: 'muted', maxLines: 2 }).marks);
  }
  return marks;
}

/**
 * Since October 2025 (context): OpenAI's $250bn for Azure as a block leaving OpenAI for Microsoft,
 * on the same scale as the $13bn above it, and $38bn to AWS, a rival, in neutral ink at the right.
 */
function since(ctx: Ctx, f: Frame, d: SymbiosisData, lk: Look): Mark[] {
  const c = commitments(d);
  const on = lk.accent.includes('azure');
  const tone: Tone = on ? 'accent' : 'muted';
  const lx = f.x0 + (ctx.narrow ? 2 : 10);
  const y = labelY(f.rows.azure, f);
  const amount = billions(ctx.lang, c.azure.amountBn);
  // On phones the headline carries the date ("Seit Oktober 2025"), the label only the amount.
  const label = ctx.say('azure.label', { amount });
  const marks: Mark[] = [text('azure-label', label, lx, y, f.label, { weight: 'bold', tone: on ? 'accent' : 'ink' })];
  const top = f.rows.azure + lineOf(f) + (ctx.narrow ? 3 : 6);
  const right = f.x1 - (ctx.narrow ? 1 : 10);
  const b = squaresBlock(c.azure.amountBn, { x: right, y: top }, f.cols, f.squares, 'end');
  marks.push(...sizedFlow('azure', b.rects, f.x1 - 1, f.x0 + 1, top + f.squares.cell / 2, tone, ctx.narrow ? 5 : 7));
  if (!ctx.narrow) {
    const tx = lx + textWidth(label, { size: f.label, weight: 'bold' }) + 10;
    const t = tag({ key: 'azure-tag', kind: 'context', x: tx, y: y - TAG_HEIGHT + 5, lang: ctx.lang });
    marks.push(...t.marks, text('azure-date', ctx.date(c.azure.date), tx + t.width + 8, y, 'xs', { tone: 'muted' }));
  }

  // AWS: OpenAI's contract of November 2025, a rival's block in neutral ink.
  const s = f.squares;
  const awsCols = Math.floor((f.rivalsW + (s.pitch - s.cell)) / s.pitch);
  // On phones the block hangs right under the rival's name, which sits beside the models row.
  const awsTop = ctx.narrow ? arrowY(f.rows.models, f, ctx) + cap('xs') / 2 + descent('xs') + 3 : top;
  const aws = squaresBlock(c.aws.amountBn, { x: f.rivalsX, y: awsTop }, awsCols, s);
  marks.push({ kind: 'path', key: 'aws-track', tone: 'muted', d: arrow([[f.oa.x + f.oa.width + 1, awsTop + s.cell / 2], [f.rivalsX - 2, awsTop + s.cell / 2]], { head: ctx.narrow ? 4 : 6 }), width: 2 });
  marks.push({ kind: 'path', key: 'aws-block', tone: 'muted', d: rectsPath(aws.rects), fill: true });
  const awsText = block({
    key: 'aws-label',
    text: `${ctx.say(ctx.narrow ? 'aws.label.narrow' : 'aws.label', { amount: billions(ctx.lang, c.aws.amountBn), rival: d.since.aws.rival })}|${monthYear(ctx.lang, c.aws.date)}`,
    x: f.rivalsX,
    y: aws.box.y + aws.box.height + 4 + cap('xs'),
    maxWidth: f.rivalsW,
    size: 'xs',
    weight: 'bold',
    maxLines: 3,
  });
  marks.push(...awsText.marks);

  return marks;
}

/** The legend every state carries: one square is one billion dollars; dashes have no amount, and are schematic. */
function legend(ctx: Ctx, f: Frame): Mark[] {
  const s = f.squares;
  const y = f.legendTop + TAG_HEIGHT - 5;
  const sq = ctx.narrow ? 6 : s.cell;
  const unit = ctx.say('legend.unit');
  const marks: Mark[] = [
    { kind: 'rect', key: 'legend-square', tone: 'ink', x: f.left, y: y - sq, width: sq, height: sq },
    text('legend-unit', `= ${unit}`, f.left + sq + 4, y, 'xs', { weight: 'bold' }),
  ];
  let x = f.left + sq + 4 + textWidth(`= ${unit}`, { size: 'xs', weight: 'bold' }) + (ctx.narrow ? 12 : 24);
  if (!ctx.narrow) {
    const words = ctx.say('legend.dashed');
    marks.push(text('legend-dashed', words, x, y, 'xs'));
    x += textWidth(words, { size: 'xs' }) + 6;
  }
  marks.push({ kind: 'line', key: 'legend-dash', tone: 'ink', x1: x, y1: y - cap('xs') / 2, x2: x + 18, y2: y - cap('xs') / 2, dashed: true, width: 2 });
  marks.push(...tag({ key: 'legend-tag', kind: 'schematic', x: x + 24, y: f.legendTop, lang: ctx.lang }).marks);
  return marks;
}
