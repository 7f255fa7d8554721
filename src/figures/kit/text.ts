import type { TextMark, Tone } from '../marks';
import { textWidth, type LabelStyle } from './measure';
import { leadingOf } from './type';

/**
 * lines(text, narrow): the one rule for the "|" marker in figure strings. A "|" is where a
 * label may break on a narrow layout; a wide layout keeps the text on one line.
 */
export function lines(text: string, narrow: boolean): string[] {
  return (narrow ? text.split('|') : [text.split('|').join(' ')]).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Separators that end a line rather than start one ("A · B" breaks as "A ·" / "B"). */
const TRAILING = new Set(['·', '–', '—', '|', '/', '=', '→']);

/**
 * Words for wrapping: a separator sticks to the word before it, and a label ending in a colon
 * ("Kontext:", "Quellen:") to the word after it, so no line starts with "·" and no label is
 * left alone at a line end.
 */
function chunks(text: string): string[] {
  const out: string[] = [];
  let glueNext = false;
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const last = out.length - 1;
    if (last >= 0 && (glueNext || TRAILING.has(word))) out[last] = `${out[last] as string} ${word}`;
    else out.push(word);
    glueNext = word.endsWith(':');
  }
  return out;
}

/**
 * wrapBy(text, maxWidth, widthOf): breaks text into lines no wider than maxWidth, at spaces,
 * with any width function (figures and the download frame measure differently sized runs).
 * A glued group wider than a line comes apart from the front; a single word wider than the
 * line is broken between characters, so nothing runs outside.
 */
export function wrapBy(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const fits = (s: string) => widthOf(s) <= maxWidth;
  const split = (c: string): string[] => {
    if (fits(c) || !c.includes(' ')) return [c];
    const at = c.indexOf(' ');
    return [c.slice(0, at), ...split(c.slice(at + 1))];
  };
  const words = chunks(text).flatMap(split);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    let rest = [...word];
    while (rest.length > 1 && !fits(rest.join(''))) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut).join(''))) cut--;
      out.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    line = rest.join('');
  }
  if (line) out.push(line);
  return out;
}

/**
 * wrap(text, maxWidth, style): a figure label broken into measured lines no wider than
 * maxWidth. A "|" in the text is a forced break (figure strings use it where a line should
 * end on every layout that needs more than one line).
 */
export function wrap(text: string, maxWidth: number, style: LabelStyle = {}): string[] {
  return text.split('|').flatMap((part) => wrapBy(part.trim(), maxWidth, (s) => textWidth(s, style)));
}

export interface BlockOptions extends LabelStyle {
  /** Lines are keyed `${key}-0`, `${key}-1`, … so a block morphs line by line between states. */
  key: string;
  text: string;
  x: number;
  /** Baseline of the first line. */
  y: number;
  maxWidth: number;
  tone?: Tone;
  anchor?: TextMark['anchor'];
  /** Baseline to baseline; defaults to the role's leading. */
  leading?: number;
  /** At most this many lines; a longer text throws, so a label never silently loses words. */
  maxLines?: number;
  /** Key of the shape the block sits on (the overlap test allows it there). */
  on?: string;
}

export interface Block {
  marks: TextMark[];
  /** Widest measured line. */
  width: number;
  /** From the first baseline to the last. */
  height: number;
  /** Baseline of the line after the last, for stacking the next block. */
  next: number;
}

/** block(options): a wrapped, measured paragraph of figure text as one text mark per line. */
export function block(o: BlockOptions): Block {
  const style: LabelStyle = { size: o.size ?? 's', weight: o.weight ?? 'regular', ...(o.letterSpacing ? { letterSpacing: o.letterSpacing } : {}) };
  const rows = wrap(o.text, o.maxWidth, style);
  if (o.maxLines !== undefined && rows.length > o.maxLines) {
    throw new Error(`block ${o.key}: "${o.text}" needs ${rows.length} lines in ${Math.round(o.maxWidth)} units, at most ${o.maxLines} allowed`);
  }
  const step = o.leading ?? leadingOf(style.size);
  const marks = rows.map((text, i): TextMark => ({
    kind: 'text',
    key: `${o.key}-${i}`,
    tone: o.tone ?? 'ink',
    x: o.x,
    y: o.y + i * step,
    text,
    size: style.size ?? 's',
    weight: style.weight ?? 'regular',
    ...(o.anchor && o.anchor !== 'start' ? { anchor: o.anchor } : {}),
    ...(o.on ? { on: o.on } : {}),
  }));
  return {
    marks,
    width: Math.max(0, ...rows.map((r) => textWidth(r, style))),
    height: Math.max(0, rows.length - 1) * step,
    next: o.y + rows.length * step,
  };
}
