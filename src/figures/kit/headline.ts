import type { TextMark } from '../marks';
import { wrap } from './text';
import { leadingOf, type TextSize } from './type';

/** Where a figure's headline sits. */
export interface HeadlinePlace {
  x: number;
  /** Baseline of the first line. */
  y: number;
  /** The headline wraps, measured, within this width; two lines at most. */
  maxWidth: number;
  /** Type role: 'm' on narrow layouts, 'l' on wide ones by default. */
  size?: TextSize;
}

/**
 * headline(text, place): the one headline of a figure, bold, wrapped by measure into at most
 * two lines keyed headline-0 and headline-1, so it changes with the figure from state to
 * state. A "|" forces a break. Too long for two lines throws: a headline is never cut.
 */
export function headline(text: string, place: HeadlinePlace): TextMark[] {
  const size = place.size ?? 'm';
  const rows = wrap(text, place.maxWidth, { size, weight: 'bold' });
  if (rows.length > 2) throw new Error(`headline "${text}" needs ${rows.length} lines in ${Math.round(place.maxWidth)} units; two at most`);
  return rows.map((line, i) => ({
    kind: 'text',
    key: `headline-${i}`,
    tone: 'ink',
    x: place.x,
    y: place.y + i * leadingOf(size),
    text: line,
    size,
    weight: 'bold',
  }));
}
