import measured from './heights.json';

/**
 * The fixed height of the embed code per figure, for hosts where no script resizes
 * the iframe (plain iframes, stripped or blocked scripts). Measured in Chromium by
 * test/browser/embed-heights.test.ts: the tallest embed page of the figure (every
 * state, both languages) in frames 280–700 px wide, the content column's range
 * (it stops at 700 px, see src/layouts/Embed.astro). That test fails when a change
 * makes a figure taller and rewrites the file with UPDATE_EMBED_HEIGHTS=1.
 */
const HEIGHTS: Readonly<Record<string, number>> = measured;

/** A figure nobody has measured yet gets this much room; the height test then asks for a measurement. */
const UNMEASURED = 900;

/** The embed code's fixed height for a figure, in CSS px. */
export function embedHeight(figure: string): number {
  return HEIGHTS[figure] ?? UNMEASURED;
}
