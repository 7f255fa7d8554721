/**
 * The dot fields of "per-second": one square dot per new user, filled row by row from the
 * top left. Pure and free of dependencies, because both sides use it: the build draws the
 * still (the fields after the whole window) and the browser grows the same path from empty.
 */

/** How long the fields fill, in seconds: long enough to see the gap open, short enough to watch. */
export const WINDOW_SECONDS = 10;

/** Where a field's dots go: its top-left corner, dots per row, centre-to-centre distance and dot size. */
export interface DotGrid {
  x: number;
  y: number;
  cols: number;
  pitch: number;
  size: number;
}

/**
 * countAt(perSecond, seconds): new users after `seconds` at an average rate, rounded to whole
 * people and held at the end of the window. countAt(1e6 / 3600, 10) is 2,778, the still's count.
 */
export function countAt(perSecond: number, seconds: number, window = WINDOW_SECONDS): number {
  return Math.round(perSecond * Math.min(Math.max(seconds, 0), window));
}

/**
 * dotPath(grid, n): the d of one path holding n dots. Each dot is its own closed square
 * ("h v h v", back to its corner), and the next starts a relative move away, so the text is
 * the same few characters per dot (it compresses to almost nothing) and a prefix of the dots
 * is a prefix of the string. Dots are separated by "m": the browser grows the field by
 * cutting the still's d after the n-th dot (see prefixEnds).
 */
export function dotPath(grid: DotGrid, n: number): string {
  const { cols, pitch, size } = grid;
  const dot = `h${size}v${size}h${-size}v${-size}`;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) parts.push(`M${grid.x},${grid.y}${dot}`);
    else parts.push(i % cols === 0 ? `m${-(cols - 1) * pitch},${pitch}${dot}` : `m${pitch},0${dot}`);
  }
  return parts.join('');
}

/**
 * prefixEnds(d): where each dot of a dotPath ends in its string; d.slice(0, ends[n - 1]) draws
 * the first n dots. Read once from the still in the browser, so no geometry is recomputed there.
 */
export function prefixEnds(d: string): number[] {
  const ends: number[] = [];
  for (let at = d.indexOf('m'); at >= 0; at = d.indexOf('m', at + 1)) ends.push(at);
  if (d) ends.push(d.length);
  return ends;
}

/** The smallest grid of `cols` columns that holds n dots has this many rows. */
export function rowsFor(n: number, cols: number): number {
  return Math.max(1, Math.ceil(n / cols));
}
