import { path } from 'd3-path';

/** A point as [x, y] in user units. */
export type Point = readonly [number, number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ArrowOptions {
  /** Length of the head's sides in user units; 0 draws no head. Defaults to 7. */
  head?: number;
  /** Half the angle of the head, in degrees. Defaults to 28. */
  spread?: number;
  /** Round the corners of a polyline with this radius (0: sharp). */
  corner?: number;
}

/**
 * arrow(points, { head }): the d of a stroked arrow along a polyline, its head an open
 * chevron at the last point, pointing along the last segment. One look for every arrow.
 */
export function arrow(points: readonly Point[], options: ArrowOptions = {}): string {
  if (points.length < 2) throw new Error('arrow: needs at least two points');
  const head = options.head ?? 7;
  const spread = ((options.spread ?? 28) * Math.PI) / 180;
  const corner = options.corner ?? 0;
  const p = path();
  const [first, ...rest] = points as [Point, ...Point[]];
  p.moveTo(first[0], first[1]);
  rest.forEach((pt, i) => {
    const next = rest[i + 1];
    if (corner > 0 && next) p.arcTo(pt[0], pt[1], next[0], next[1], corner);
    else p.lineTo(pt[0], pt[1]);
  });
  if (head > 0) {
    const tip = points[points.length - 1] as Point;
    const from = points[points.length - 2] as Point;
    const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
    for (const side of [-1, 1]) {
      p.moveTo(tip[0] - head * Math.cos(angle + side * spread), tip[1] - head * Math.sin(angle + side * spread));
      p.lineTo(tip[0], tip[1]);
    }
  }
  return p.toString();
}

/** roundedRect(box, r): the d of a rectangle with corners of radius r (clamped to half the shorter side). */
export function roundedRect(box: Box, r = 0): string {
  const k = Math.max(0, Math.min(r, box.width / 2, box.height / 2));
  const { x, y, width: w, height: h } = box;
  const p = path();
  p.moveTo(x + k, y);
  p.arcTo(x + w, y, x + w, y + h, k);
  p.arcTo(x + w, y + h, x, y + h, k);
  p.arcTo(x, y + h, x, y, k);
  p.arcTo(x, y, x + w, y, k);
  p.closePath();
  return p.toString();
}

/**
 * hatch(box, gap): the d of diagonal hatching clipped to a box (45°, lines gap apart), for
 * areas whose size is known but whose value is not ("not disclosed").
 */
export function hatch(box: Box, gap = 6): string {
  const p = path();
  const { x, y, width: w, height: h } = box;
  for (let c = gap; c < w + h; c += gap) {
    // The line x + y' = c (in box coordinates), clipped to the box.
    const x0 = Math.max(0, c - h);
    const x1 = Math.min(w, c);
    p.moveTo(x + x0, y + (c - x0));
    p.lineTo(x + x1, y + (c - x1));
  }
  return p.toString();
}
