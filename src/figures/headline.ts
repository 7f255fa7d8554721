import type { TextMark } from './marks';

/** Where a figure's headline sits. */
export interface HeadlinePlace {
  /** Narrow layouts break the headline at "|"; wide ones keep one line. */
  narrow: boolean;
  x: number;
  y: number;
  /** Distance between the two lines (default 20). */
  gap?: number;
}

/**
 * headline(text, place): the bold headline at the top of a figure, as text marks
 * keyed headline-0 and headline-1 so it morphs between states. A "|" in the text
 * marks where it breaks on narrow screens; at most two lines.
 */
export function headline(text: string, place: HeadlinePlace): TextMark[] {
  const lines = place.narrow ? text.split('|') : [text.replace('|', ' ')];
  return lines.slice(0, 2).map((line, i) => ({
    kind: 'text',
    key: `headline-${i}`,
    tone: 'ink',
    x: place.x,
    y: place.y + i * (place.gap ?? 20),
    text: line.trim(),
    size: 'm',
    weight: 'bold',
  }));
}
