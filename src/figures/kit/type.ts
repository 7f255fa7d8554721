/**
 * The figures' type, in one place: the size, weight and leading of each text role, in SVG
 * user units. src/styles/figure.css (.ts-*, .tw-*) and the downloads (src/export/palette.ts)
 * follow from it; test/unit/kit.test.ts holds the stylesheet equal. The smallest role is 12
 * units because every layout is drawn to be shown at 1:1 or larger (see LAYOUTS), so figure
 * text is never below 12 CSS px.
 */

export type TextSize = 'xs' | 's' | 'm' | 'l' | 'xl';
export type TextWeight = 'regular' | 'bold';

export const TYPE = {
  size: { xs: 12, s: 13.5, m: 16, l: 22, xl: 30 },
  weight: { regular: 450, bold: 700 },
  /** Baseline to baseline, for stacked lines of one role. */
  leading: { xs: 15, s: 17, m: 20, l: 26, xl: 34 },
} as const satisfies {
  size: Record<TextSize, number>;
  weight: Record<TextWeight, number>;
  leading: Record<TextSize, number>;
};

/**
 * Inter's vertical metrics as shares of the em (unitsPerEm 2048: cap height 1490, ascender
 * 1984, descender −494), read from the font by a test. A label's ink box runs from the cap
 * height above its baseline to the descender below it.
 */
export const INTER_METRICS = { capHeight: 1490 / 2048, ascent: 1984 / 2048, descent: 494 / 2048 } as const;

/** Size in user units of a text role. */
export function sizeOf(size: TextSize = 's'): number {
  return TYPE.size[size];
}

/** Font weight of a text role. */
export function weightOf(weight: TextWeight = 'regular'): number {
  return TYPE.weight[weight];
}

/** Line step in user units of a text role. */
export function leadingOf(size: TextSize = 's'): number {
  return TYPE.leading[size];
}
