import { escapeXml, round } from '../figures/marks';
import { measure } from '../type/measure';
import { FONT_FAMILY } from './palette';

/**
 * Text for the frame around a figure (title, source, credit). Widths are the
 * real ones: measure() shapes each line with the Inter instance resvg draws with.
 */

/** Size (user units) and weight of a run of frame text. */
export interface TextStyle {
  size: number;
  weight: number;
  /** Extra space per character, in user units. */
  letterSpacing?: number;
  /** The text is set in capitals (the caller upper-cases it; measure() sees the capitals themselves). */
  caps?: boolean;
}

/** Width of a line of text in the site's Inter, letter spacing included (measure() plus the spacing after each character). */
export function textWidth(text: string, style: TextStyle): number {
  return measure(text, { size: style.size, weight: style.weight, family: 'sans' }) + [...text].length * (style.letterSpacing ?? 0);
}

/** Separators that end a line rather than start one ("A · B" breaks as "A ·" / "B"). */
const TRAILING = new Set(['·', '–', '—', '|', '/']);

/**
 * Words for wrapping: a separator sticks to the word before it, and a label ending
 * in a colon ("Kontext:", "Quellen:") to the word after it, so no line starts with
 * "·" and no label is left alone at a line end.
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
 * Breaks text into lines no wider than maxWidth, at spaces. A glued group that is
 * wider than a line comes apart from the front; a single word wider than the line
 * is broken between characters, so nothing runs outside.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
  const fits = (s: string) => textWidth(s, style) <= maxWidth;
  // A group too wide for a line sheds words from its front until the rest fits.
  const split = (c: string): string[] => {
    if (fits(c) || !c.includes(' ')) return [c];
    const at = c.indexOf(' ');
    return [c.slice(0, at), ...split(c.slice(at + 1))];
  };
  const words = chunks(text).flatMap(split);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = [...word];
    while (!fits(rest.join(''))) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut).join(''))) cut--;
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of frame text and where they go. */
export interface TextBlock extends TextStyle {
  lines: readonly string[];
  x: number;
  /** Baseline of the first line. */
  y: number;
  lineHeight: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** One <text> element per line, with explicit font attributes (no stylesheet needed); text escaped. */
export function textElements(b: TextBlock): string {
  const attrs = [
    `font-family="${escapeXml(FONT_FAMILY)}"`,
    `font-size="${round(b.size)}"`,
    `font-weight="${b.weight}"`,
    `fill="${escapeXml(b.fill)}"`,
    b.letterSpacing ? `letter-spacing="${round(b.letterSpacing)}"` : '',
    b.anchor && b.anchor !== 'start' ? `text-anchor="${b.anchor}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return b.lines
    .map((line, i) => `<text x="${round(b.x)}" y="${round(b.y + i * b.lineHeight)}" ${attrs}>${escapeXml(line)}</text>`)
    .join('');
}
