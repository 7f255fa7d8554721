/**
 * Which step is active, from geometry alone: pure functions, so the rule the page
 * follows after a jump, a resize or a rotation can be tested without a browser.
 */

/** Reads a step id from a URL fragment; malformed escapes and unknown ids give null. */
export function stepFromHash(hash: string, known: readonly string[]): string | null {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return null;
  }
  return known.includes(id) ? id : null;
}

/**
 * The index of the active step: the last step whose top is at or above the trigger
 * line, or the first step when none has reached it yet. `tops` are the steps' top
 * edges in document order, in the same coordinates as `trigger` (viewport pixels).
 */
export function activeIndex(tops: readonly number[], trigger: number): number {
  let found = 0;
  tops.forEach((top, i) => {
    if (top <= trigger) found = i;
  });
  return found;
}

/** How the figure sits beside the text: pinned on top (phones), pinned beside (wide), or flowing with each step. */
export type ScrollyLayout = 'top' | 'side' | 'flow';

/** Reads the layout the stylesheet chose (`--scrolly-layout` on the scrolly root); anything unknown is 'flow'. */
export function parseLayout(value: string): ScrollyLayout {
  const v = value.trim();
  return v === 'top' || v === 'side' ? v : 'flow';
}

/**
 * Where the trigger line sits, in viewport pixels: half-way down beside a side figure;
 * below a pinned top figure, two fifths into the space the text has left.
 */
export function triggerLine(layout: ScrollyLayout, viewportHeight: number, pinnedHeight: number): number {
  if (layout === 'top') return pinnedHeight + (viewportHeight - pinnedHeight) * 0.4;
  return viewportHeight * 0.5;
}
