import { measure } from '../../type/measure';
import { sizeOf, weightOf, type TextSize, type TextWeight } from './type';

export { measure } from '../../type/measure';

/** A run of figure text: a role's size and weight, plus optional letter spacing (tags). */
export interface LabelStyle {
  size?: TextSize;
  weight?: TextWeight;
  /** Extra space after each character, in user units. */
  letterSpacing?: number;
}

/** textWidth(text, style): the width of a figure label in user units, measured with the site's Inter. */
export function textWidth(text: string, style: LabelStyle = {}): number {
  return measure(text, { size: sizeOf(style.size), weight: weightOf(style.weight), family: 'sans' }) + [...text].length * (style.letterSpacing ?? 0);
}
