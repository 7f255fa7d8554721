import { escapeXml, round } from '../figures/marks';
import { wrapBy } from '../figures/kit/text';
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

/**
 * Breaks text into lines no wider than maxWidth: the figure kit's one wrap rule (wrapBy),
 * measured at the frame text's size, weight and spacing.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
  return wrapBy(text, maxWidth, (s) => textWidth(s, style));
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
