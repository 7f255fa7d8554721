/** Where a popover goes next to its term: pure, so the rule is tested without a browser. */

const GAP = 6;
const EDGE = 8;

/** Top-left corner for a box of `size` next to `anchor`, kept inside a viewport of `view`. */
export function placeNear(
  anchor: { left: number; top: number; bottom: number },
  size: { width: number; height: number },
  view: { width: number; height: number },
): { left: number; top: number } {
  const left = Math.max(EDGE, Math.min(anchor.left, view.width - size.width - EDGE));
  const below = anchor.bottom + GAP;
  const top = below + size.height <= view.height - EDGE ? below : Math.max(EDGE, anchor.top - GAP - size.height);
  return { left, top };
}
