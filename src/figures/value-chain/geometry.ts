import { path } from 'd3-path';
import { arrow, block, headline, tag, TAG_HEIGHT, textWidth, INTER_METRICS, sizeOf, leadingOf, type Box, type FigureContext, type TextSize } from '../kit';
import { round, type Mark, type TextMark } from '../marks';
import { data as defaultData, type StringKey, type ValueChainData, type ValueChainState } from './data';

/**
 * The value chain of one image request, drawn as a zoom that pulls back step by step:
 * one prompt becomes one picture tile; the tile is one of a wall of them (one per request);
 * the wall pours into a data hall whose GPU racks light up; the hall runs Azure's meter.
 * Everything but the dated facts is schematic, and the figure says so. The tile, the racks
 * and the meter are rects, circles and lines, which figure-stage tweens, so the zoom is a
 * real movement from state to state; the walls, many tiles each, are one path mark apiece.
 */

export type Ctx = FigureContext<ValueChainState, StringKey>;

/** Cap height and descender of a text role, for placing labels by their ink. */
const cap = (size: TextSize) => sizeOf(size) * INTER_METRICS.capHeight;
const descent = (size: TextSize) => sizeOf(size) * INTER_METRICS.descent;

/** The figure's frame in one state: margins, where the content starts and where the legend sits. */
export interface Frame {
  left: number;
  right: number;
  /** Top of the content, below the headline. */
  top: number;
  /** Bottom of the content, above the legend. */
  bottom: number;
  /** Top of the legend's tag. */
  legendTop: number;
  /** The standard gap between groups of marks. */
  gap: number;
}

/** frameOf(ctx, lastBaseline): the content box of a state, given where its headline ends. */
export function frameOf(ctx: Ctx, lastBaseline: number): Frame {
  const pad = ctx.narrow ? 12 : 24;
  const gap = ctx.narrow ? 8 : 16;
  const size: TextSize = ctx.narrow ? 'm' : 'l';
  const legendTop = ctx.height - (ctx.narrow ? 6 : pad) - TAG_HEIGHT;
  return { left: pad, right: ctx.width - pad, top: lastBaseline + descent(size) + gap, bottom: legendTop - gap, legendTop, gap };
}

/** A regular grid of square cells centred in a box. */
export interface Grid {
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  cell: number;
  pitch: number;
}

/** grid(box, cell, gap): as many cells of size `cell`, `gap` apart, as fit in the box, centred. */
export function grid(box: Box, cell: number, gap: number): Grid {
  const pitch = cell + gap;
  const cols = Math.max(1, Math.floor((box.width + gap) / pitch));
  const rows = Math.max(1, Math.floor((box.height + gap) / pitch));
  return {
    x0: box.x + (box.width - (cols * pitch - gap)) / 2,
    y0: box.y + (box.height - (rows * pitch - gap)) / 2,
    cols,
    rows,
    cell,
    pitch,
  };
}

/** cellBox(g, col, row, span): the box of one cell, or of a span × span block of cells. */
export function cellBox(g: Grid, col: number, row: number, span = 1): Box {
  const size = span * g.pitch - (g.pitch - g.cell);
  return { x: g.x0 + col * g.pitch, y: g.y0 + row * g.pitch, width: size, height: size };
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where the hero tile sits in a wall: a block of span × span cells. */
export interface HeroPlace {
  col: number;
  row: number;
  span: number;
}

/**
 * wallCells(g, hero, holes): the cells of a wall of tiles, one per request (symbolic), without
 * the hero's block and without any cell that would lie under a label (holes).
 */
export function wallCells(g: Grid, hero: HeroPlace, holes: readonly Box[] = []): Box[] {
  const out: Box[] = [];
  for (let row = 0; row < g.rows; row++) {
    for (let col = 0; col < g.cols; col++) {
      const inHero = col >= hero.col && col < hero.col + hero.span && row >= hero.row && row < hero.row + hero.span;
      const b = cellBox(g, col, row);
      if (!inHero && !holes.some((h) => intersects(b, h))) out.push(b);
    }
  }
  return out;
}

/**
 * tilesPath(rects): many rects as the d of one path, each drawn relative to the one before
 * (m, h, v), so a wall of hundreds of tiles stays a few kilobytes in the page and its JSON.
 * Each subpath ends where it began (no z), so every reader of the path, the layout checks
 * included, follows the current point the same way.
 */
export function tilesPath(rects: readonly Box[]): string {
  let px = 0;
  let py = 0;
  return rects
    .map((r, i) => {
      const [x, y, w, h] = [r.x, r.y, r.width, r.height].map(round) as [number, number, number, number];
      const move = i === 0 ? `M${x},${y}` : `m${round(x - px)},${round(y - py)}`;
      px = x;
      py = y;
      return `${move}h${w}v${h}h${-w}v${-h}`;
    })
    .join('');
}

/**
 * wall(key, g, cells): a wall of small pictures as two path marks (sky and land), so hundreds
 * of tiles cost two elements. The land line varies from tile to tile, deterministically, so
 * the wall reads as many different pictures rather than a pattern.
 */
export function wall(key: string, g: Grid, cells: readonly Box[]): Mark[] {
  const land = cells.map((c) => {
    const col = Math.round((c.x - g.x0) / g.pitch);
    const row = Math.round((c.y - g.y0) / g.pitch);
    const share = 0.3 + 0.1 * ((col * 7 + row * 5 + ((col * row) % 4)) % 3);
    return { x: c.x, y: c.y + c.height * (1 - share), width: c.width, height: c.height * share };
  });
  return [
    { kind: 'path', key: `${key}-sky`, tone: 'soft', d: tilesPath(cells), fill: true },
    { kind: 'path', key: `${key}-land`, tone: 'accent', d: tilesPath(land), fill: true },
  ];
}

/**
 * tile(box): the one picture, a schematic landscape in four shapes (sky, sun, a far hill, a
 * near hill running into a meadow), all rects and circles so it scales smoothly between states.
 * The hills are rects with round ends; the meadow covers their lower halves.
 */
export function tile(b: Box): Mark[] {
  const u = b.width;
  const corner = u * 0.08;
  return [
    { kind: 'rect', key: 'tile-sky', tone: 'soft', x: b.x, y: b.y, width: u, height: u, rx: corner },
    { kind: 'circle', key: 'tile-sun', tone: 'paper', cx: b.x + u * 0.72, cy: b.y + u * 0.28, r: u * 0.1 },
    { kind: 'rect', key: 'tile-far', tone: 'accent-2', x: b.x, y: b.y + u * 0.4, width: u * 0.72, height: u * 0.6, rx: u * 0.36 },
    { kind: 'rect', key: 'tile-near', tone: 'accent', x: b.x + u * 0.3, y: b.y + u * 0.5, width: u * 0.7, height: u * 0.5, rx: u * 0.35 },
    { kind: 'rect', key: 'tile-land', tone: 'accent', x: b.x, y: b.y + u * 0.7, width: u, height: u * 0.3, rx: corner },
  ];
}

/** The GPU racks of the data hall: one rect each, in rows with aisles; lit ones in the accent. */
export const RACKS = { wide: { cols: 12, rows: 3, slots: 4 }, narrow: { cols: 6, rows: 3, slots: 2 } } as const;

/**
 * racks(ctx, box, lit): the hall's racks filling a box, the same keys in every state, so the
 * hall moves as one. The server slots are thin paper-toned strips, one per slot and row of
 * racks across the whole hall: on a rack they read as the gap between two servers, in an aisle
 * they vanish into the paper. So a rack looks like a rack for a dozen rects, not hundreds.
 */
export function racks(ctx: Ctx, b: Box, lit: (i: number) => boolean): Mark[] {
  const { cols, rows, slots } = RACKS[ctx.layout];
  const gx = Math.min(ctx.narrow ? 4 : 8, b.width / cols / 3);
  const gy = ctx.narrow ? 5 : 14;
  const w = (b.width - (cols - 1) * gx) / cols;
  const h = (b.height - (rows - 1) * gy) / rows;
  const marks: Mark[] = Array.from({ length: cols * rows }, (_, i): Mark => ({
    kind: 'rect',
    key: `rack-${i}`,
    tone: lit(i) ? 'accent' : 'soft',
    x: b.x + (i % cols) * (w + gx),
    y: b.y + Math.floor(i / cols) * (h + gy),
    width: w,
    height: h,
    rx: Math.min(2, w / 4),
  }));
  const line = ctx.narrow ? 1 : 1.5;
  for (let row = 0; row < rows; row++) {
    for (let k = 1; k <= slots; k++) {
      const y = b.y + row * (h + gy) + (h * k) / (slots + 1) - line / 2;
      marks.push({ kind: 'rect', key: `slot-${row}-${k}`, tone: 'paper', x: b.x, y, width: b.width, height: line });
    }
  }
  return marks;
}

/** How far the meter's needle stands (0 to 1 of its scale): illustrative, and the figure says so. */
export const METER_LEVEL = 0.78;
/** The meter's scale runs over the upper arc of its dial, from ANGLES[0] to ANGLES[1] (radians, SVG orientation). */
const ANGLES = [(-160 * Math.PI) / 180, (-20 * Math.PI) / 180] as const;

/** meter(box): Azure's consumption meter as a dial (body, face, scale, needle, hub), illustrative. */
export function meter(b: Box): Mark[] {
  const r = Math.min(b.width * 0.4, b.height * 0.42);
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2 + r * 0.25;
  const scale = path();
  scale.arc(cx, cy, r * 0.82, ANGLES[0], ANGLES[1]);
  for (let k = 0; k <= 6; k++) {
    const a = ANGLES[0] + ((ANGLES[1] - ANGLES[0]) * k) / 6;
    scale.moveTo(cx + Math.cos(a) * r * 0.82, cy + Math.sin(a) * r * 0.82);
    scale.lineTo(cx + Math.cos(a) * r * 0.68, cy + Math.sin(a) * r * 0.68);
  }
  const used = path();
  const at = ANGLES[0] + (ANGLES[1] - ANGLES[0]) * METER_LEVEL;
  used.arc(cx, cy, r * 0.9, ANGLES[0], at);
  return [
    { kind: 'rect', key: 'meter-body', tone: 'grid', ...b, rx: 10 },
    { kind: 'circle', key: 'meter-face', tone: 'paper', cx, cy, r },
    { kind: 'path', key: 'meter-scale', tone: 'muted', d: scale.toString(), width: 2 },
    { kind: 'path', key: 'meter-used', tone: 'accent', d: used.toString(), width: 3 },
    { kind: 'line', key: 'meter-needle', tone: 'accent', x1: cx, y1: cy, x2: cx + Math.cos(at) * r * 0.78, y2: cy + Math.sin(at) * r * 0.78, width: 3 },
    { kind: 'circle', key: 'meter-hub', tone: 'ink', cx, cy, r: Math.max(4, r * 0.08) },
  ];
}

/** A one-line label, measured: its marks and its width. */
function label(key: string, text: string, x: number, y: number, size: TextSize, o: Partial<TextMark> = {}): TextMark {
  return { kind: 'text', key, tone: 'ink', x, y, text, size, weight: 'regular', ...o };
}

/** The legend every state carries: the schematic tag and what the marks stand for. */
function legend(ctx: Ctx, f: Frame, text: string): Mark[] {
  const t = tag({ key: 'legend-tag', kind: 'schematic', x: f.left, y: f.legendTop, lang: ctx.lang });
  const x = f.left + t.width + 8;
  const note = block({ key: 'legend-note', text, x, y: f.legendTop + TAG_HEIGHT - 5, maxWidth: f.right - x, size: 'xs', tone: 'muted', maxLines: 1 });
  return [...t.marks, ...note.marks];
}

/** geometry(ctx): the marks of one state of the value-chain figure. Pure. */
export function geometry(ctx: Ctx, d: ValueChainData = defaultData): Mark[] {
  const size: TextSize = ctx.narrow ? 'm' : 'l';
  const x = ctx.narrow ? 12 : 24;
  const head = headline(ctx.say(`headline.${ctx.state}`), { x, y: (ctx.narrow ? 12 : 24) + cap(size), maxWidth: ctx.width - 2 * x, size });
  const f = frameOf(ctx, head.at(-1)?.y ?? 0);
  const scene = SCENES[ctx.state](ctx, f, d);
  return [...head, ...scene];
}

type Scene = (ctx: Ctx, f: Frame, d: ValueChainData) => Mark[];

/** one-prompt: a line of text (an example prompt) becomes one picture; the launch date as context. */
function onePrompt(ctx: Ctx, f: Frame, d: ValueChainData): Mark[] {
  const size = Math.min(f.bottom - f.top, (f.right - f.left) * (ctx.narrow ? 0.38 : 0.48));
  const t: Box = { x: f.right - size, y: f.top + (f.bottom - f.top - size) / 2, width: size, height: size };
  const colWidth = t.x - (ctx.narrow ? 24 : 64) - f.left;
  // The left column is laid out once to learn its height, then again centred on the tile.
  const probe = promptColumn(ctx, d, f.left, 0, colWidth);
  const col = promptColumn(ctx, d, f.left, Math.max(f.top, t.y + (t.height - probe.height) / 2), colWidth);
  const ay = col.bubble.y + col.bubble.height / 2;
  const x0 = col.bubble.x + col.bubble.width;
  return [
    ...tile(t),
    ...col.marks,
    { kind: 'path', key: 'prompt-arrow', tone: 'accent', d: arrow([[x0 + 6, ay], [t.x - 6, ay]], { head: ctx.narrow ? 5 : 7 }), width: 2 },
    ...(ctx.narrow ? [] : [label('prompt-model', ctx.say('model.label'), (x0 + t.x) / 2, ay - 10, 'xs', { weight: 'bold', anchor: 'middle' })]),
    ...legend(ctx, f, ctx.say(ctx.narrow ? 'legend.tile.narrow' : 'legend.tile')),
  ];
}

/** The prompt column of one-prompt from y0 down: the example prompt in its bubble, then the dated launch (context). */
function promptColumn(ctx: Ctx, d: ValueChainData, x: number, y0: number, width: number): { marks: Mark[]; bubble: Box; height: number } {
  const textSize: TextSize = ctx.narrow ? 'xs' : 'm';
  const dateSize: TextSize = ctx.narrow ? 'xs' : 's';
  const pad = ctx.narrow ? 7 : 14;
  const marks: Mark[] = [label('prompt-label', ctx.say('prompt.label'), x, y0 + cap('xs'), 'xs', { tone: 'muted', weight: 'bold' })];
  const bubbleTop = y0 + cap('xs') + descent('xs') + (ctx.narrow ? 4 : 8);
  const words = block({ key: 'prompt-text', text: ctx.say('prompt.text'), x: x + pad, y: bubbleTop + pad + cap(textSize), maxWidth: width - 2 * pad, size: textSize, on: 'prompt-box', maxLines: 3 });
  const bubble: Box = { x, y: bubbleTop, width, height: 2 * pad + cap(textSize) + words.height + descent(textSize) };
  marks.push({ kind: 'rect', key: 'prompt-box', tone: 'grid', ...bubble, rx: ctx.narrow ? 6 : 8 }, ...words.marks);

  // The launch is context (a date the article does not give): tag and date, then one short line.
  const y = bubble.y + bubble.height + (ctx.narrow ? 8 : 32);
  const ctxTag = tag({ key: 'launch-tag', kind: 'context', x, y, lang: ctx.lang });
  marks.push(...ctxTag.marks);
  const date = ctx.date(d.launch.date);
  const dateX = x + ctxTag.width + 6;
  const sameLine = dateX + textWidth(date, { size: dateSize, weight: 'bold' }) <= x + width;
  const dateY = sameLine ? y + TAG_HEIGHT - 5 : y + TAG_HEIGHT + 4 + cap(dateSize);
  marks.push(label('launch-date', date, sameLine ? dateX : x, dateY, dateSize, { weight: 'bold' }));
  const text = block({ key: 'launch-text', text: ctx.say(ctx.narrow ? 'launch.text.narrow' : 'launch.text'), x, y: dateY + leadingOf(dateSize) + (sameLine ? 4 : 0), maxWidth: width, size: dateSize, maxLines: 3 });
  marks.push(...text.marks);
  return { marks, bubble, height: text.next - leadingOf(dateSize) + descent(dateSize) - y0 };
}

/** The big wall of the-wave: its grid and where the hero tile sits in it. */
export function waveWall(ctx: Ctx, f: Frame): { g: Grid; hero: HeroPlace } {
  const g = grid({ x: f.left, y: f.top, width: f.right - f.left, height: f.bottom - f.top }, ctx.narrow ? 13 : 24, ctx.narrow ? 3 : 4);
  return { g, hero: { col: g.cols - (ctx.narrow ? 6 : 7), row: Math.max(0, Math.floor(g.rows / 2) - (ctx.narrow ? 2 : 3)), span: 2 } };
}

/** the-wave: pulled back, the picture is one of a wall of them, one tile per request (symbolic). */
function theWave(ctx: Ctx, f: Frame): Mark[] {
  const { g, hero } = waveWall(ctx, f);
  const h = cellBox(g, hero.col, hero.row, hero.span);
  // "Your picture", in a window cut into the wall below the tile, clear of the tile's way there.
  const text = ctx.say('yours');
  const w = textWidth(text, { size: 's', weight: 'bold' });
  const below = h.y + h.height + g.pitch * (ctx.narrow ? 1.2 : 3);
  const lx = h.x + h.width / 2;
  const hole: Box = { x: lx - w / 2 - 4, y: below - 4, width: w + 8, height: cap('s') + descent('s') + 8 };
  const cells = wallCells(g, hero, [hole]);
  return [
    ...wall('wall', g, cells),
    ...tile(h),
    { kind: 'line', key: 'yours-leader', tone: 'ink', x1: lx, y1: h.y + h.height + 3, x2: lx, y2: below - 3, width: 2 },
    // The label sits in a window cut out of the wall (no tile under it), inside the wall's outline.
    label('yours', text, lx, below + cap('s'), 's', { weight: 'bold', anchor: 'middle', on: 'wall' }),
    ...legend(ctx, f, ctx.say(ctx.narrow ? 'legend.tile.narrow' : 'legend.tile')),
  ];
}

/**
 * The hall's span in the-surge and azure-meter: the full width on wide layouts; on narrow
 * ones the left part, leaving a column for notes. The strip of requests spans the same, so it
 * stays put between the two states.
 */
const hallRight = (ctx: Ctx, f: Frame) => (ctx.narrow ? f.left + (f.right - f.left) * 0.6 : f.right);

/** The strip of requests above the hall (the-surge, azure-meter): many tiny tiles and the hero among them. */
function strip(ctx: Ctx, f: Frame): { marks: Mark[]; bottom: number } {
  const cell = ctx.narrow ? 6 : 9;
  const gap = ctx.narrow ? 2 : 3;
  const rows = ctx.narrow ? 2 : 3;
  const g = grid({ x: f.left, y: f.top, width: hallRight(ctx, f) - f.left, height: rows * (cell + gap) - gap }, cell, gap);
  const hero: HeroPlace = { col: g.cols - (ctx.narrow ? 5 : 16), row: 1, span: 1 };
  return { marks: [...wall('strip', g, wallCells(g, hero)), ...tile(cellBox(g, hero.col, hero.row))], bottom: g.y0 + g.rows * g.pitch - gap };
}

/** Down arrows from the strip into the hall, over the hall's width. */
function feed(key: string, x0: number, x1: number, y0: number, y1: number, n: number): Mark {
  const d = Array.from({ length: n }, (_, i) => {
    const x = x0 + ((x1 - x0) * (i + 0.5)) / n;
    return arrow([[x, y0], [x, y1]], { head: 5 });
  }).join('');
  return { kind: 'path', key, tone: 'muted', d, width: 2 };
}

/** the-surge: pulled back again, the wall is a stream of requests, and every GPU rack in the hall is lit. */
function theSurge(ctx: Ctx, f: Frame, d: ValueChainData): Mark[] {
  const s = strip(ctx, f);
  const marks: Mark[] = [...s.marks];
  const right = hallRight(ctx, f);
  const hallTop = s.bottom + (ctx.narrow ? 14 : 30);

  // The quote block at the foot: the words, (wide) what else the post said, who said it when, context.
  const quoteSize: TextSize = ctx.narrow ? 'm' : 'xl';
  const sourceSize: TextSize = 'xs';
  const sourceY = f.bottom - descent(sourceSize);
  const noteY = sourceY - leadingOf(sourceSize) - 4;
  const quoteY = (ctx.narrow ? sourceY - leadingOf(sourceSize) : noteY - leadingOf('s')) - (ctx.narrow ? 4 : 10);
  const hallBottom = quoteY - cap(quoteSize) - (ctx.narrow ? 10 : 22);

  marks.push(feed('feed', f.left, right, s.bottom + 4, hallTop - 4, ctx.narrow ? 4 : 6));
  marks.push(...racks(ctx, { x: f.left, y: hallTop, width: right - f.left, height: hallBottom - hallTop }, () => true));

  const quote = ctx.say('quote.text', { q: d.melting.quote });
  marks.push(label('quote', quote, f.left, quoteY, quoteSize, { weight: 'bold' }));
  if (!ctx.narrow) marks.push(label('quote-note', ctx.say('quote.note'), f.left, noteY, 's', { tone: 'muted' }));
  const source = ctx.say(ctx.narrow ? 'quote.source.narrow' : 'quote.source', { speaker: d.melting.speaker, channel: d.melting.channel, date: ctx.date(d.melting.date) });
  marks.push(label('quote-source', source, f.left, sourceY, sourceSize));
  marks.push(...tag({ key: 'quote-tag', kind: 'context', x: f.left + textWidth(source, { size: sourceSize }) + 8, y: sourceY - TAG_HEIGHT + 5, lang: ctx.lang }).marks);

  // The capacity claim is hedged, as on the facts sheet: beside the hall (narrow) or beside the quote (wide).
  if (ctx.narrow) {
    const x = right + 10;
    marks.push(...block({ key: 'strain', text: ctx.say('strain.text.narrow'), x, y: f.top + cap('xs'), maxWidth: f.right - x, size: 'xs', weight: 'bold', tone: 'accent', maxLines: 5 }).marks);
  } else {
    const x = f.left + textWidth(quote, { size: quoteSize, weight: 'bold' }) + 32;
    marks.push(...block({ key: 'strain', text: ctx.say('strain.text'), x, y: quoteY - cap(quoteSize) + cap('s'), maxWidth: f.right - x, size: 's', weight: 'bold', tone: 'accent', maxLines: 2 }).marks);
  }
  return [...marks, ...legend(ctx, f, ctx.say(ctx.narrow ? 'legend.tile.narrow' : 'legend.hall'))];
}

/**
 * Where the meter stands, the same in azure-meter and the summary: the right-hand column
 * below the strip of requests (wide), or the note column beside the hall (narrow), with
 * room above for its tag.
 */
export function meterBox(ctx: Ctx, f: Frame): Box {
  const bottom = f.bottom - captionRoom(ctx);
  if (ctx.narrow) {
    const x = hallRight(ctx, f) + 16;
    const y = f.top + TAG_HEIGHT + 4;
    return { x, y, width: f.right - x, height: bottom - y };
  }
  const width = (f.right - f.left) * 0.27;
  const y = hallTop(ctx, f);
  return { x: f.right - width, y, width, height: bottom - y };
}

/** Top of the hall (and of the wide meter) in azure-meter and the summary: below the strip and its arrows. */
function hallTop(ctx: Ctx, f: Frame): number {
  return strip(ctx, f).bottom + (ctx.narrow ? 14 : 40);
}

/** Labels under a panel: a bold name and, on wide layouts, a muted second line. */
function caption(ctx: Ctx, key: string, name: string, note: string, x: number, y: number, maxWidth: number): Mark[] {
  const size: TextSize = ctx.narrow ? 'xs' : 's';
  const a = block({ key: `${key}-name`, text: name, x, y, maxWidth, size, weight: 'bold', maxLines: 2 });
  if (ctx.narrow) return a.marks;
  return [...a.marks, ...block({ key: `${key}-note`, text: note, x, y: a.next, maxWidth, size: 'xs', tone: 'muted', maxLines: 1 }).marks];
}

/** Room the captions under the panels need: two lines of names (narrow) or a name and a note (wide). */
const captionRoom = (ctx: Ctx) => (ctx.narrow ? 2 * leadingOf('xs') + 4 : leadingOf('s') + leadingOf('xs') + 12);

/** Baseline of the captions' first line under panels ending at `bottom`. */
const captionY = (ctx: Ctx, bottom: number) => bottom + (ctx.narrow ? 4 : 10) + cap(ctx.narrow ? 'xs' : 's');

/** The illustrative tag of the meter, right-aligned at its top-right corner, above it. */
function meterTag(ctx: Ctx, m: Box): Mark[] {
  return tag({ key: 'meter-tag', kind: 'illustrative', x: m.x + m.width, y: m.y - TAG_HEIGHT - (ctx.narrow ? 4 : 8), lang: ctx.lang, anchor: 'end' }).marks;
}

/** azure-meter: the hall moves aside for Azure's meter; the requests it works through become cloud consumption. */
function azureMeter(ctx: Ctx, f: Frame): Mark[] {
  const s = strip(ctx, f);
  const top = hallTop(ctx, f);
  const bottom = f.bottom - captionRoom(ctx);
  const m = meterBox(ctx, f);
  const hall: Box = { x: f.left, y: top, width: (ctx.narrow ? hallRight(ctx, f) : m.x - 36) - f.left, height: bottom - top };
  const capY = captionY(ctx, bottom);
  const ay = hall.y + hall.height / 2;
  return [
    ...s.marks,
    feed('feed', hall.x, hall.x + hall.width, s.bottom + 4, top - 4, ctx.narrow ? 4 : 6),
    ...racks(ctx, hall, () => true),
    { kind: 'path', key: 'hall-arrow', tone: 'accent', d: arrow([[hall.x + hall.width + 4, ay], [m.x - 4, ay]], { head: ctx.narrow ? 5 : 6 }), width: 2 },
    ...meter(m),
    ...meterTag(ctx, m),
    ...caption(ctx, 'azure', ctx.say(ctx.narrow ? 'azure.label.narrow' : 'azure.label'), ctx.say('azure.note'), hall.x, capY, hall.width),
    ...caption(ctx, 'consumption', ctx.say(ctx.narrow ? 'meter.label.narrow' : 'meter.label'), ctx.say('meter.note'), m.x, capY, m.width),
    ...legend(ctx, f, ctx.say(ctx.narrow ? 'legend.tile.narrow' : 'legend.hall')),
  ];
}

/** summary: the whole zoom in one row: the wall of requests, the hall that works them, the meter that counts. */
function summary(ctx: Ctx, f: Frame, d: ValueChainData): Mark[] {
  const m = meterBox(ctx, f);
  // Narrow: wall and hall use the height beside the meter's tag. Wide: the two dates of the
  // week (context) run above the row, where azure-meter had its strip of requests.
  const top = ctx.narrow ? f.top : m.y;
  const bottom = m.y + m.height;
  const gap = ctx.narrow ? 14 : 32;
  const panel = (m.x - f.left - 2 * gap) / 2;
  const wallBox: Box = { x: f.left, y: top, width: panel, height: bottom - top };
  const hall: Box = { x: f.left + panel + gap, y: top, width: panel, height: bottom - top };
  const g = grid(wallBox, ctx.narrow ? 7 : 14, ctx.narrow ? 2 : 3);
  const hero: HeroPlace = { col: Math.floor(g.cols / 2), row: Math.floor(g.rows / 2) - 1, span: 1 };
  const wallRight = g.x0 + g.cols * g.pitch - (g.pitch - g.cell);
  const mid = top + (bottom - top) / 2;
  const capY = captionY(ctx, bottom);
  const arrowAt = (x0: number, x1: number, key: string): Mark => ({ kind: 'path', key, tone: 'accent', d: arrow([[x0 + 4, mid], [x1 - 4, mid]], { head: ctx.narrow ? 5 : 6 }), width: 2 });
  const say = (key: 'summary.requests' | 'summary.gpus' | 'meter.label') => ctx.say(ctx.narrow ? `${key}.narrow` : key);
  const dated: Mark[] = [];
  if (!ctx.narrow) {
    const t = tag({ key: 'week-tag', kind: 'context', x: f.left, y: f.top, lang: ctx.lang });
    const x = f.left + t.width + 8;
    const text = ctx.say('summary.context', { launch: ctx.date(d.launch.date), melting: ctx.date(d.melting.date), q: d.melting.quote });
    dated.push(...t.marks, ...block({ key: 'week', text, x, y: f.top + TAG_HEIGHT - 5, maxWidth: f.right - x, size: 'xs', maxLines: 1 }).marks);
  }
  return [
    ...dated,
    ...wall('panel', g, wallCells(g, hero)),
    ...tile(cellBox(g, hero.col, hero.row)),
    arrowAt(wallRight, hall.x, 'panel-arrow'),
    ...racks(ctx, hall, () => true),
    arrowAt(hall.x + hall.width, m.x, 'hall-arrow'),
    ...meter(m),
    ...meterTag(ctx, m),
    ...caption(ctx, 'sum-requests', say('summary.requests'), ctx.say('summary.requests.note'), g.x0, capY, panel),
    ...caption(ctx, 'sum-gpus', say('summary.gpus'), ctx.say('summary.gpus.note'), hall.x, capY, hall.width),
    ...caption(ctx, 'sum-meter', say('meter.label'), ctx.say('summary.meter.note'), m.x, capY, m.width),
    ...legend(ctx, f, ctx.say(ctx.narrow ? 'legend.tile.narrow' : 'legend.hall')),
  ];
}

const SCENES: Record<ValueChainState, Scene> = {
  'one-prompt': onePrompt,
  'the-wave': (ctx, f) => theWave(ctx, f),
  'the-surge': theSurge,
  'azure-meter': (ctx, f) => azureMeter(ctx, f),
  summary,
};
