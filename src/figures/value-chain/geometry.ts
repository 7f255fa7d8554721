import { fill, formatDate } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { Mark, RectMark, TextMark, Tone } from '../marks';
import { headline } from '../headline';
import type { GeometryOptions } from '../types';
import { data as defaultData, LINKS, type LinkKey, type ValueChainData } from './data';
import { stateFor, type ValueChainState } from './states';
import { strings } from './strings';

type Key = keyof (typeof strings)['de'];
type Say = (key: Key, params?: Record<string, string | number>) => string;

/**
 * The request dots are symbols, not counts (the figure says so): a fixed, small
 * number so the surge reads as "many" without pretending to measure anything.
 */
export const REQUEST_DOTS = 20;
/** How the surge spreads the dots over the four gaps: thickest in front of the GPUs. */
export const SURGE_QUEUE = [3, 4, 6, 7] as const;
/** GPU chips drawn inside the last link (schematic). */
export const GPU_CHIPS = 10;

/** Approximate advance of one character in the figure sans, per px of font size (matches the generic test). */
const CHAR_EM = 0.56;
const FONT = { xs: 11.5, s: 13.5, m: 16, l: 22, xl: 30 } as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Dot extends Point {
  r: number;
}

/** Layout constants for one width: where the chain sits and where notes go. */
export interface Frame {
  narrow: boolean;
  width: number;
  height: number;
  left: number;
  right: number;
  headlineY: number;
  /** The five links in chain order: a row on wide screens, a column on narrow ones. */
  nodes: Box[];
  /** Wide: the horizontal space between two links; narrow: the vertical one. */
  gap: number;
  /** Narrow: left edge of the note column beside the chain. Wide: unused (notes go above and below). */
  asideX: number;
  /** Baseline of the "schematic" footer. */
  footerY: number;
}

/**
 * frame(width, height): the chain's layout. Wide layouts run the chain left to
 * right with notes above and below it; narrow ones stack it top to bottom with
 * notes in a column on the right, so no label has to squeeze between links.
 */
export function frame(width: number, height: number): Frame {
  const narrow = width < 480;
  if (narrow) {
    const left = 12;
    const node = { width: 150, height: 36 };
    const gap = 12;
    const top = 58;
    return {
      narrow,
      width,
      height,
      left,
      right: width - 12,
      headlineY: 24,
      nodes: LINKS.map((_, i) => ({ x: left, y: top + i * (node.height + gap), ...node })),
      gap,
      asideX: left + node.width + 14,
      footerY: height - 8,
    };
  }
  const left = 16;
  const right = width - 16;
  const gap = 28;
  const nodeWidth = (right - left - gap * (LINKS.length - 1)) / LINKS.length;
  return {
    narrow,
    width,
    height,
    left,
    right,
    headlineY: 30,
    nodes: LINKS.map((_, i) => ({ x: left + i * (nodeWidth + gap), y: 112, width: nodeWidth, height: 72 })),
    gap,
    asideX: left,
    footerY: height - 10,
  };
}

/** gapCenter(f, i): the midpoint between link i and link i + 1, where arrows and queued requests sit. */
export function gapCenter(f: Frame, i: number): Point {
  const a = node(f, i);
  return f.narrow
    ? { x: a.x + a.width / 2, y: a.y + a.height + f.gap / 2 }
    : { x: a.x + a.width + f.gap / 2, y: a.y + a.height / 2 };
}

/**
 * queueSlots(f, i, count): deterministic places for `count` request dots in gap i,
 * nearest the arrow first, so the queue grows outwards without touching a link.
 */
export function queueSlots(f: Frame, i: number, count: number): Dot[] {
  const c = gapCenter(f, i);
  const slots: Dot[] = [];
  if (f.narrow) {
    for (let k = 0; slots.length < count; k++) {
      const side = k % 2 === 0 ? -1 : 1;
      slots.push({ x: c.x + side * (16 + Math.floor(k / 2) * 12), y: c.y, r: 3 });
    }
  } else {
    const rows = [-15, 15, -27, 27];
    for (let k = 0; slots.length < count; k++) {
      const row = rows[Math.floor(k / 2) % rows.length] ?? 0;
      slots.push({ x: c.x + (k % 2 === 0 ? -6.5 : 6.5), y: c.y + row, r: 3.5 });
    }
  }
  return slots;
}

/**
 * requestDots(f, state): where each of the REQUEST_DOTS symbols sits in a state
 * (null: not shown). Index i keeps its key across states, so a dot rides from the
 * wave into the queue and on into the meter.
 */
export function requestDots(f: Frame, state: ValueChainState): (Dot | null)[] {
  const all = Array.from({ length: REQUEST_DOTS }, (_, i) => i);
  switch (state) {
    case 'the-wave':
      return all.map((i) => waveDot(f, i));
    case 'one-prompt':
      return all.map((i) => (i === 0 ? { ...gapCenter(f, 0), r: f.narrow ? 4 : 5 } : null));
    case 'the-surge': {
      const dots: Dot[] = [];
      SURGE_QUEUE.forEach((count, gap) => dots.push(...queueSlots(f, gap, count)));
      return all.map((i) => dots[i] ?? null);
    }
    case 'azure-meter':
    case 'summary':
      return all.map((i) => meterDot(f, i));
  }
}

/** The Ghibli wave: dots on a gentle sine above the front of the chain (wide) or beside it (narrow). */
function waveDot(f: Frame, i: number): Dot {
  const r = 3 + (i % 3) * 0.75;
  if (f.narrow) {
    const row = i < REQUEST_DOTS / 2 ? 0 : 1;
    const j = i % (REQUEST_DOTS / 2);
    const step = (f.right - f.asideX - 12) / (REQUEST_DOTS / 2 - 1);
    return { x: f.asideX + 6 + j * step, y: 100 + row * 24 + 7 * Math.sin(j * 0.9 + row * 0.6), r };
  }
  const front = node(f, 2);
  const step = (front.x + front.width - f.left - 20) / (REQUEST_DOTS - 1);
  return { x: f.left + 10 + i * step, y: 80 + 9 * Math.sin(i * 0.75), r };
}

/** The meter below (wide) or beside (narrow) the Azure links: two tidy rows of ten. */
function meterDot(f: Frame, i: number): Dot {
  const perRow = REQUEST_DOTS / 2;
  const row = Math.floor(i / perRow);
  const j = i % perRow;
  if (f.narrow) return { x: f.asideX + 6 + j * 14.5, y: 244 + row * 13, r: 3 };
  const box = meterBox(f);
  const step = 18;
  const x0 = box.x + box.width / 2 - (step * (perRow - 1)) / 2;
  return { x: x0 + j * step, y: box.y + 13 + row * 14, r: 3.5 };
}

/** The meter's frame: under Azure and the GPUs (wide), beside them (narrow). */
export function meterBox(f: Frame): Box {
  if (f.narrow) return { x: f.asideX - 2, y: 235, width: f.right - f.asideX + 2, height: 31 };
  const azure = node(f, 3);
  const gpus = node(f, 4);
  return { x: azure.x, y: 222, width: gpus.x + gpus.width - azure.x, height: 42 };
}

/** Looks up link i of a frame; the frame always has all five. */
function node(f: Frame, i: number): Box {
  const b = f.nodes[i];
  if (!b) throw new Error(`value-chain: no link ${i}`);
  return b;
}

/** Estimated width of a text in user units (same estimate as the generic bounds test). */
export function textWidth(text: string, size: TextMark['size'] = 's', weight: TextMark['weight'] = 'regular'): number {
  return [...text].length * CHAR_EM * FONT[size] * (weight === 'bold' ? 1.04 : 1);
}

/**
 * advance(text, size, weight): where text set in the figure sans actually ends, for
 * placing a tag right after it. Measured Inter runs ~0.5 em per character regular,
 * ~0.58 bold; textWidth() stays deliberately generous for the bounds checks.
 */
export function advance(text: string, size: TextMark['size'] = 's', weight: TextMark['weight'] = 'regular'): number {
  return [...text].length * FONT[size] * (weight === 'bold' ? 0.58 : 0.53);
}

/**
 * Splits a UI string into lines: "\n" breaks everywhere, "|" only in the narrow
 * layout (wide layouts join those parts with a space).
 */
export function lines(text: string, narrow: boolean): string[] {
  return text
    .split('\n')
    .flatMap((part) => (narrow ? part.split('|') : [part.replace(/\s*\|\s*/g, ' ')]))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

interface Block {
  key: string;
  x: number;
  y: number;
  lines: string[];
  size?: TextMark['size'];
  weight?: TextMark['weight'];
  tone?: Tone;
  anchor?: TextMark['anchor'];
  leading?: number;
}

function block(b: Block): TextMark[] {
  const size = b.size ?? 'xs';
  const leading = b.leading ?? (size === 'xs' ? 14 : size === 's' ? 16 : 19);
  return b.lines.map((text, i) => ({
    kind: 'text',
    key: `${b.key}-${i}`,
    tone: b.tone ?? 'ink',
    x: b.x,
    y: b.y + i * leading,
    text,
    anchor: b.anchor ?? 'start',
    size,
    weight: b.weight ?? 'regular',
  }));
}

/** A small labelled tag ("Kontext", "Schematisch"): a soft box with bold text; returns its marks and width. */
export function tag(key: string, x: number, baseline: number, text: string): { marks: Mark[]; width: number } {
  const width = advance(text, 'xs', 'bold') + 10;
  return {
    width,
    marks: [
      { kind: 'rect', key: `${key}-box`, tone: 'soft', x, y: baseline - 11.5, width, height: 15.5, rx: 3 },
      { kind: 'text', key: `${key}-text`, tone: 'ink', x: x + width / 2, y: baseline, text, size: 'xs', weight: 'bold', anchor: 'middle' },
    ],
  };
}

/** How a link looks in a state: plain, highlighted (accent fill) or pushed back (faded). */
type LinkLook = 'plain' | 'lit' | 'faded';

function linkLook(state: ValueChainState, key: LinkKey): LinkLook {
  const back = key === 'azure' || key === 'gpus';
  switch (state) {
    case 'the-wave':
      return back ? 'faded' : 'plain';
    case 'azure-meter':
      return back ? 'lit' : 'faded';
    case 'summary':
      return back ? 'lit' : 'plain';
    default:
      return 'plain';
  }
}

/** chipTone(state, i): which GPU chips light up: one for one request, all in the surge. */
export function chipTone(state: ValueChainState, i: number): Tone {
  if (state === 'azure-meter' || state === 'summary') return 'paper';
  if (state === 'the-surge') return 'accent';
  if (state === 'one-prompt' && i === 0) return 'accent';
  return 'soft';
}

/**
 * geometry({ state, width, height, lang }): the marks of the value-chain figure.
 * Pure. Links, arrows and request dots keep their keys across states, so the
 * dots travel from the wave into the queue and into the meter as the reader scrolls.
 */
export function geometry(opts: GeometryOptions, d: ValueChainData = defaultData): Mark[] {
  const state = stateFor(opts.state);
  const f = frame(opts.width, opts.height);
  const say: Say = (key, params) => fill(strings[opts.lang][key], params);
  const marks: Mark[] = [];

  marks.push(...headline(say(`headline.${state}`), { narrow: f.narrow, x: f.left, y: f.headlineY }));
  marks.push(...chain(f, state, say));
  marks.push(...dots(f, state));
  marks.push(...notes(f, state, say, d, opts.lang));
  marks.push(...footer(f, say));
  return marks;
}

/** The five links, their names and roles, the GPU chips and the arrows between them. */
function chain(f: Frame, state: ValueChainState, say: Say): Mark[] {
  const marks: Mark[] = [];
  const flowing = state === 'one-prompt' || state === 'the-surge' || state === 'summary';
  LINKS.forEach((key, i) => {
    const b = node(f, i);
    const look = linkLook(state, key);
    const opacity = look === 'faded' ? 0.42 : 1;
    const lit = look === 'lit';
    marks.push({ kind: 'rect', key: `link-${key}`, tone: lit ? 'accent' : 'grid', ...b, rx: 4, opacity });
    const name = f.narrow && (key === 'azure' || key === 'gpus') ? say(`node.${key}.name.narrow`) : say(`node.${key}.name`);
    const pad = 10;
    marks.push({ kind: 'text', key: `link-${key}-name`, tone: lit ? 'paper' : 'ink', x: b.x + pad, y: b.y + (f.narrow ? 15 : 23), text: name, size: 's', weight: 'bold', opacity });
    if (key === 'gpus') {
      marks.push(...chips(f, b, state, opacity));
    } else {
      const role = f.narrow && key === 'azure' ? say('node.azure.role.narrow') : say(`node.${key}.role`);
      // Wide links carry their role on two lines; narrow ones on one.
      const roleLines = f.narrow ? [role.replace(/\s*\|\s*/g, ' ')] : role.split('|').map((l) => l.trim());
      marks.push(
        ...block({ key: `link-${key}-role`, x: b.x + pad, y: b.y + (f.narrow ? 29 : 42), lines: roleLines, tone: lit ? 'paper' : 'muted' }).map((m) => ({ ...m, opacity })),
      );
    }
    if (i < LINKS.length - 1) {
      // An arrow fades with the links it joins.
      const next = LINKS[i + 1];
      const faded = look === 'faded' || (next !== undefined && linkLook(state, next) === 'faded');
      marks.push(...arrow(f, i, flowing ? 'accent' : 'muted', faded ? 0.42 : 1));
    }
  });
  if (state === 'the-surge') {
    // The saturated link: a heavy ring round the GPUs (and, where there is room, heat rising off them).
    const g = node(f, 4);
    marks.push({ kind: 'path', key: 'gpus-ring', tone: 'accent', d: roundedRect(g.x - 3, g.y - 3, g.width + 6, g.height + 6, 6), width: 3 });
    if (!f.narrow) {
      const cx = g.x + g.width / 2;
      [-22, 0, 22].forEach((dx, k) => {
        const x = cx + dx;
        const y = g.y - 10;
        marks.push({ kind: 'path', key: `heat-${k}`, tone: 'accent', d: `M${x},${y} q5,-5 0,-10 q-5,-5 0,-10`, width: 2 });
      });
    }
  }
  return marks;
}

/** Ten chips in the GPU link: two rows of five (wide) or one row (narrow). */
function chips(f: Frame, b: Box, state: ValueChainState, opacity: number): RectMark[] {
  const size = f.narrow ? 8 : 11;
  const step = f.narrow ? 12 : 16;
  const perRow = f.narrow ? GPU_CHIPS : GPU_CHIPS / 2;
  return Array.from({ length: GPU_CHIPS }, (_, i) => ({
    kind: 'rect',
    key: `chip-${i}`,
    tone: chipTone(state, i),
    x: b.x + 10 + (i % perRow) * step,
    y: b.y + (f.narrow ? 21 : 34) + Math.floor(i / perRow) * step,
    width: size,
    height: size,
    rx: 1.5,
    opacity,
  }));
}

/** The arrow from link i to link i + 1: a short shaft and a filled head. */
function arrow(f: Frame, i: number, tone: Tone, opacity: number): Mark[] {
  const c = gapCenter(f, i);
  if (f.narrow) {
    return [
      { kind: 'path', key: `arrow-${i}-head`, tone, d: `M${c.x - 5},${c.y - 4}L${c.x + 5},${c.y - 4}L${c.x},${c.y + 4}Z`, fill: true, opacity },
    ];
  }
  const x1 = c.x - f.gap / 2 + 3;
  const x2 = c.x + f.gap / 2 - 4;
  return [
    { kind: 'line', key: `arrow-${i}-shaft`, tone, x1, y1: c.y, x2: x2 - 5, y2: c.y, width: 2, opacity },
    { kind: 'path', key: `arrow-${i}-head`, tone, d: `M${x2 - 7},${c.y - 5}L${x2},${c.y}L${x2 - 7},${c.y + 5}Z`, fill: true, opacity },
  ];
}

function dots(f: Frame, state: ValueChainState): Mark[] {
  const marks: Mark[] = [];
  if (state === 'azure-meter' || state === 'summary') {
    const m = meterBox(f);
    marks.push({ kind: 'rect', key: 'meter-box', tone: 'grid', ...m, rx: 4 });
  }
  requestDots(f, state).forEach((dot, i) => {
    if (dot) marks.push({ kind: 'circle', key: `request-${i}`, tone: 'accent', cx: dot.x, cy: dot.y, r: dot.r });
  });
  return marks;
}

/** The notes of each state: context, quote, hedged claim, brackets and the meter's labels. */
function notes(f: Frame, state: ValueChainState, say: Say, d: ValueChainData, lang: Lang): Mark[] {
  switch (state) {
    case 'the-wave':
      return waveNotes(f, say, d, lang);
    case 'one-prompt':
      return promptNotes(f, say);
    case 'the-surge':
      return surgeNotes(f, say, d, lang);
    case 'azure-meter':
      return [...bracket(f, 'back', lines(say('azure.label'), f.narrow), 'accent'), ...meterNotes(f, say, state)];
    case 'summary':
      return [
        ...bracket(f, 'front', lines(say('front.label'), f.narrow), 'muted'),
        ...bracket(f, 'back', lines(say('back.label'), f.narrow), 'accent'),
        ...meterNotes(f, say, state),
      ];
  }
}

function waveNotes(f: Frame, say: Say, d: ValueChainData, lang: Lang): Mark[] {
  const marks: Mark[] = [];
  const waveLines = lines(say('wave.label'), f.narrow);
  marks.push(
    ...(f.narrow
      ? block({ key: 'wave-label', x: f.asideX, y: 70, lines: waveLines, weight: 'bold' })
      : block({ key: 'wave-label', x: f.left, y: 56, lines: waveLines, size: 's', weight: 'bold' })),
  );
  // The launch date is context (not in the article): a rule-left note with a "Kontext" tag.
  const model = node(f, 2);
  const x = f.narrow ? f.asideX : model.x + 10;
  const top = f.narrow ? model.y + 12 : model.y + model.height + 26;
  const date = formatDate(lang, d.launch.date);
  marks.push({ kind: 'line', key: 'launch-rule', tone: 'accent', x1: x - 7, y1: top - 13, x2: x - 7, y2: top + 32, width: 2 });
  marks.push({ kind: 'text', key: 'launch-date', tone: 'ink', x, y: top, text: date, size: 'xs', weight: 'bold' });
  marks.push(...tag('launch-context', x + advance(date, 'xs', 'bold') + 6, top, say('context')).marks);
  marks.push(...block({ key: 'launch-text', x, y: top + 15, lines: lines(say('launch.text'), f.narrow) }));
  if (!f.narrow) {
    marks.push({ kind: 'line', key: 'launch-leader', tone: 'accent', x1: x - 7, y1: model.y + model.height + 2, x2: x - 7, y2: top - 13, width: 2 });
  }
  return marks;
}

function promptNotes(f: Frame, say: Say): Mark[] {
  const marks: Mark[] = [];
  const c = gapCenter(f, 0);
  if (f.narrow) {
    marks.push({ kind: 'line', key: 'prompt-leader', tone: 'ink', x1: c.x + 8, y1: c.y, x2: f.asideX - 16, y2: c.y });
    marks.push({ kind: 'text', key: 'prompt-label', tone: 'ink', x: f.asideX, y: c.y + 4, text: say('prompt.label'), size: 'xs', weight: 'bold' });
  } else {
    marks.push({ kind: 'line', key: 'prompt-leader', tone: 'ink', x1: c.x, y1: 102, x2: c.x, y2: c.y - 9 });
    marks.push({ kind: 'text', key: 'prompt-label', tone: 'ink', x: c.x, y: 96, text: say('prompt.label'), size: 'xs', weight: 'bold', anchor: 'middle' });
  }
  // The finished image comes back the same way: a dashed return line.
  const reader = node(f, 0);
  const gpus = node(f, 4);
  if (f.narrow) {
    const x = reader.x + reader.width + 7;
    const y0 = reader.y + reader.height / 2;
    const y1 = gpus.y + gpus.height / 2;
    marks.push({ kind: 'line', key: 'return-from', tone: 'muted', x1: gpus.x + gpus.width + 1, y1, x2: x, y2: y1, dashed: true });
    marks.push({ kind: 'line', key: 'return-run', tone: 'muted', x1: x, y1, x2: x, y2: y0, dashed: true });
    marks.push({ kind: 'path', key: 'return-head', tone: 'muted', d: `M${x},${y0 - 4}L${x - 6},${y0}L${x},${y0 + 4}Z`, fill: true });
    marks.push(...block({ key: 'return-label', x: f.asideX, y: node(f, 2).y + 12, lines: lines(say('return.label'), true), tone: 'muted' }));
  } else {
    const y = reader.y + reader.height + 22;
    const x0 = reader.x + reader.width / 2;
    const x1 = gpus.x + gpus.width / 2;
    marks.push({ kind: 'line', key: 'return-from', tone: 'muted', x1, y1: gpus.y + gpus.height + 2, x2: x1, y2: y, dashed: true });
    marks.push({ kind: 'line', key: 'return-run', tone: 'muted', x1, y1: y, x2: x0, y2: y, dashed: true });
    marks.push({ kind: 'line', key: 'return-to', tone: 'muted', x1: x0, y1: y, x2: x0, y2: reader.y + reader.height + 8, dashed: true });
    marks.push({ kind: 'path', key: 'return-head', tone: 'muted', d: `M${x0 - 4},${reader.y + reader.height + 9}L${x0},${reader.y + reader.height + 3}L${x0 + 4},${reader.y + reader.height + 9}Z`, fill: true });
    marks.push(...block({ key: 'return-label', x: (x0 + x1) / 2, y: y + 18, lines: lines(say('return.label'), false), tone: 'muted', anchor: 'middle' }));
  }
  return marks;
}

function surgeNotes(f: Frame, say: Say, d: ValueChainData, lang: Lang): Mark[] {
  const marks: Mark[] = [];
  const app = node(f, 1);
  const gpus = node(f, 4);
  // Rate limits (context, from Altman's post): beside or under the app.
  const limits = lines(say('limits.text'), true);
  const lx = f.narrow ? f.asideX : app.x;
  const ly = f.narrow ? app.y + 12 : app.y + app.height + 22;
  marks.push(...block({ key: 'limits', x: lx, y: ly, lines: limits, weight: 'bold' }));
  marks.push(...tag('limits-context', lx + advance(limits[0] ?? '', 'xs', 'bold') + 6, ly, say('context')).marks);

  // The capacity claim is hedged, as on the facts sheet.
  const strain = lines(say('strain.text'), true);
  marks.push(
    ...block(
      f.narrow
        ? { key: 'strain', x: f.asideX, y: gpus.y + 14, lines: strain, weight: 'bold', tone: 'accent' }
        : { key: 'strain', x: gpus.x + gpus.width, y: gpus.y + gpus.height + 22, lines: strain, weight: 'bold', tone: 'accent', anchor: 'end' },
    ),
  );

  // The quote: marked as a quote, with speaker, channel and date, tagged as context.
  const quote = say('quote.text', { q: d.melting.quote });
  const quoteLines = f.narrow ? splitMiddle(quote) : [quote];
  const qx = f.narrow ? f.asideX : node(f, 2).x + 10;
  const qy = f.narrow ? node(f, 2).y + 14 : 262;
  const translation = say('quote.translation');
  const source = lines(say('quote.source', { speaker: d.melting.speaker, channel: d.melting.channel, date: formatDate(lang, d.melting.date) }), f.narrow);
  const quoteLeading = f.narrow ? 16 : 19;
  let y = qy;
  marks.push(...block({ key: 'quote', x: qx, y, lines: quoteLines, size: f.narrow ? 's' : 'm', weight: 'bold', leading: quoteLeading }));
  y += (quoteLines.length - 1) * quoteLeading + 16;
  if (translation) {
    marks.push({ kind: 'text', key: 'quote-translation', tone: 'muted', x: qx, y, text: translation, size: 'xs' });
    y += 16;
  }
  marks.push(...block({ key: 'quote-source', x: qx, y, lines: source }));
  const last = source.at(-1) ?? '';
  const lastY = y + (source.length - 1) * 14;
  marks.push(...tag('quote-context', qx + advance(last, 'xs') + 6, lastY, say('context')).marks);
  marks.push({ kind: 'line', key: 'quote-rule', tone: 'accent', x1: qx - 7, y1: qy - 14, x2: qx - 7, y2: lastY + 4, width: 2 });
  return marks;
}

/**
 * A bracket over (wide) or beside (narrow) the front three links or the back two,
 * with its label: "front" is what the reader sees, "back" the infrastructure.
 */
function bracket(f: Frame, which: 'front' | 'back', label: string[], tone: Tone): Mark[] {
  const [a, b] = which === 'front' ? [node(f, 0), node(f, 2)] : [node(f, 3), node(f, 4)];
  const key = `bracket-${which}`;
  if (f.narrow) {
    const x = a.x + a.width + 6;
    const y0 = a.y + 2;
    const y1 = b.y + b.height - 2;
    const mid = which === 'front' ? (y0 + y1) / 2 - 8 : y0 + 10;
    return [
      { kind: 'path', key, tone, d: `M${x - 4},${y0}H${x}V${y1}H${x - 4}`, width: 2 },
      ...block({ key: `${key}-label`, x: f.asideX, y: mid, lines: label, weight: 'bold', tone: tone === 'accent' ? 'accent' : 'ink' }),
    ];
  }
  const y = a.y - 12;
  const x0 = a.x + 2;
  const x1 = b.x + b.width - 2;
  return [
    { kind: 'path', key, tone, d: `M${x0},${y + 6}V${y}H${x1}V${y + 6}`, width: 2 },
    ...block({ key: `${key}-label`, x: (x0 + x1) / 2, y: y - 8, lines: [label.join(' ')], weight: 'bold', tone: tone === 'accent' ? 'accent' : 'ink', anchor: 'middle' }),
  ];
}

function meterNotes(f: Frame, say: Say, state: ValueChainState): Mark[] {
  const m = meterBox(f);
  if (f.narrow) {
    const note = state === 'summary' ? say('meter.summary') : say('meter.note');
    return [{ kind: 'text', key: 'meter-note', tone: 'ink', x: f.asideX, y: m.y + m.height + 14, text: note, size: 'xs' }];
  }
  return [
    { kind: 'text', key: 'meter-label', tone: 'ink', x: m.x, y: m.y - 9, text: say('meter.label'), size: 'xs', weight: 'bold' },
    { kind: 'text', key: 'meter-note', tone: 'muted', x: m.x, y: m.y + m.height + 16, text: say('meter.note'), size: 'xs' },
  ];
}

/** The footer every state carries: the drawing is a schematic, the dots are symbols. */
function footer(f: Frame, say: Say): Mark[] {
  const t = tag('schematic', f.left, f.footerY, say('schematic'));
  return [
    ...t.marks,
    { kind: 'text', key: 'schematic-note', tone: 'muted', x: f.left + t.width + 8, y: f.footerY, text: say('schematic.note'), size: 'xs' },
  ];
}

/** splitMiddle(text): two lines, broken at the space nearest the middle (for a quote on narrow screens). */
export function splitMiddle(text: string): string[] {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (!spaces.length) return [text];
  const mid = text.length / 2;
  const at = spaces.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best));
  return [text.slice(0, at), text.slice(at + 1)];
}

/** A rounded rectangle as a path (rect marks have no outline). */
function roundedRect(x: number, y: number, w: number, h: number, r: number): string {
  return `M${x + r},${y}H${x + w - r}Q${x + w},${y} ${x + w},${y + r}V${y + h - r}Q${x + w},${y + h} ${x + w - r},${y + h}H${x + r}Q${x},${y + h} ${x},${y + h - r}V${y + r}Q${x},${y} ${x + r},${y}Z`;
}
