import type { Mark, TextMark } from '../marks';
import { textWidth } from './measure';
import type { Box } from './shapes';
import { INTER_METRICS, sizeOf } from './type';

/**
 * Where marks really are, measured: the boxes the layout tests compare. A label's box is its
 * measured advance width by its cap height and descender; a shape's box is its geometry.
 * Build-time only (measure() reads the fonts).
 */

/** The ink box of a text mark, from its measured width, anchor and baseline. */
export function textBox(m: TextMark): Box {
  const size = sizeOf(m.size ?? 's');
  const width = textWidth(m.text, { size: m.size ?? 's', weight: m.weight ?? 'regular' });
  const x = m.anchor === 'middle' ? m.x - width / 2 : m.anchor === 'end' ? m.x - width : m.x;
  const top = m.y - size * INTER_METRICS.capHeight;
  return { x, y: top, width, height: size * (INTER_METRICS.capHeight + INTER_METRICS.descent) };
}

/** The numbers of a path's d, as x/y pairs: enough for the bounding box of lines and arcs' end points. */
function pathBox(d: string): Box | null {
  const xs: number[] = [];
  const ys: number[] = [];
  // Absolute commands only are exact; the kit writes absolute paths (d3-path). Relative
  // segments are followed from the current point.
  let cx = 0;
  let cy = 0;
  // Where the current subpath began: Z returns there, and a relative move after it starts there.
  let sx = 0;
  let sy = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVCSQTAZmlhvcsqtaz])([^MLHVCSQTAZmlhvcsqtaz]*)/g)) {
    const n = (args ?? '').trim().split(/[\s,]+|(?=-)/).filter(Boolean).map(Number);
    const rel = cmd === (cmd ?? '').toLowerCase();
    const push = (x: number, y: number) => {
      cx = rel ? cx + x : x;
      cy = rel ? cy + y : y;
      xs.push(cx);
      ys.push(cy);
    };
    switch ((cmd ?? '').toUpperCase()) {
      case 'Z':
        cx = sx;
        cy = sy;
        break;
      case 'M':
        for (let i = 0; i + 1 < n.length; i += 2) {
          push(n[i]!, n[i + 1]!);
          if (i === 0) [sx, sy] = [cx, cy];
        }
        break;
      case 'L':
      case 'T':
        for (let i = 0; i + 1 < n.length; i += 2) push(n[i]!, n[i + 1]!);
        break;
      case 'H':
        for (const v of n) push(v, rel ? 0 : cy);
        break;
      case 'V':
        for (const v of n) push(rel ? 0 : cx, v);
        break;
      case 'C':
        for (let i = 0; i + 5 < n.length; i += 6) push(n[i + 4]!, n[i + 5]!);
        break;
      case 'S':
      case 'Q':
        for (let i = 0; i + 3 < n.length; i += 4) push(n[i + 2]!, n[i + 3]!);
        break;
      case 'A':
        for (let i = 0; i + 6 < n.length; i += 7) push(n[i + 5]!, n[i + 6]!);
        break;
    }
  }
  if (!xs.length) return null;
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The box a mark covers, or null for a mark with no area (opacity 0 is the caller's business). */
export function markBox(m: Mark): Box | null {
  switch (m.kind) {
    case 'text':
      return textBox(m);
    case 'rect':
      return { x: m.x, y: m.y, width: Math.max(0, m.width), height: Math.max(0, m.height) };
    case 'circle':
      return { x: m.cx - m.r, y: m.cy - m.r, width: 2 * m.r, height: 2 * m.r };
    case 'line': {
      const half = (m.width ?? 1) / 2;
      return { x: Math.min(m.x1, m.x2) - half, y: Math.min(m.y1, m.y2) - half, width: Math.abs(m.x2 - m.x1) + 2 * half, height: Math.abs(m.y2 - m.y1) + 2 * half };
    }
    case 'path':
      return pathBox(m.d);
  }
}

/** How far two boxes overlap (the smaller of the two overlaps, 0 when apart or touching). */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? Math.min(w, h) : 0;
}

export interface LayoutProblem {
  kind: 'labels overlap' | 'label on a shape' | 'outside the figure';
  keys: string[];
  detail: string;
}

export interface CheckOptions {
  width: number;
  height: number;
  /** Overlaps up to this many units are tolerated (antialiasing, rounding). Defaults to 0.5. */
  tolerance?: number;
}

const seen = (m: Mark) => (m.opacity ?? 1) > 0;
/** Shapes a label must not sit on unless it belongs to them: areas, not strokes or hairlines. */
const isArea = (m: Mark) => m.kind === 'rect' || m.kind === 'circle' || (m.kind === 'path' && m.fill === true);

/**
 * checkLayout(marks, { width, height }): every problem a reader would see in one frame: two
 * labels on top of each other, a label on a filled shape it does not belong to (TextMark.on),
 * and any mark outside the viewBox. Empty when the frame is clean.
 */
export function checkLayout(marks: readonly Mark[], o: CheckOptions): LayoutProblem[] {
  const tol = o.tolerance ?? 0.5;
  const shown = marks.filter(seen);
  const labels = shown.filter((m): m is TextMark => m.kind === 'text' && m.text.trim() !== '');
  const problems: LayoutProblem[] = [];
  const boxes = new Map(shown.map((m) => [m, markBox(m)] as const));
  for (const m of shown) {
    const b = boxes.get(m);
    if (!b) continue;
    if (b.x < -tol || b.y < -tol || b.x + b.width > o.width + tol || b.y + b.height > o.height + tol) {
      problems.push({ kind: 'outside the figure', keys: [m.key], detail: `${describe(m)} spans x ${r(b.x)}–${r(b.x + b.width)}, y ${r(b.y)}–${r(b.y + b.height)} in ${o.width}×${o.height}` });
    }
  }
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i]!;
    const ba = boxes.get(a)!;
    for (let j = i + 1; j < labels.length; j++) {
      const b = labels[j]!;
      const d = overlap(ba, boxes.get(b)!);
      if (d > tol) problems.push({ kind: 'labels overlap', keys: [a.key, b.key], detail: `${describe(a)} and ${describe(b)} overlap by ${r(d)}` });
    }
    for (const s of shown) {
      if (!isArea(s) || belongs(a, s)) continue;
      const bs = boxes.get(s);
      if (!bs) continue;
      const d = overlap(ba, bs);
      if (d > tol) problems.push({ kind: 'label on a shape', keys: [a.key, s.key], detail: `${describe(a)} sits on ${s.kind} ${s.key} by ${r(d)}` });
    }
  }
  return problems;
}

/** A label belongs to the shape named by its `on`, or to any shape keyed under that name (`on: 'card'` covers `card-box`). */
function belongs(label: TextMark, shape: Mark): boolean {
  return label.on !== undefined && (shape.key === label.on || shape.key.startsWith(`${label.on}-`));
}

function describe(m: Mark): string {
  return m.kind === 'text' ? `"${m.text}" (${m.key})` : `${m.kind} ${m.key}`;
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}
