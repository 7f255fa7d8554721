/**
 * Marks are the plain, serialisable shapes a figure's geometry returns.
 * The same marks render the static SVG at build time (marksToSvg), travel to the
 * browser as JSON for the transitions (figure-stage.ts), and will feed downloads:
 * one drawing, many frames.
 */

/** Colour roles; CSS maps each to a token, so light and dark mode need no second drawing. */
export type Tone = 'ink' | 'muted' | 'accent' | 'accent-2' | 'grid' | 'paper' | 'soft';

interface MarkBase {
  /** Stable across states: a mark with the same key morphs from one state to the next. */
  key: string;
  tone: Tone;
  /** 0 hides the mark in this state (it fades out); defaults to 1. */
  opacity?: number;
}

export interface RectMark extends MarkBase {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  rx?: number;
}
export interface LineMark extends MarkBase {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  dashed?: boolean;
  width?: number;
}
export interface TextMark extends MarkBase {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  /** Type size role; CSS sets the pixel size per layout. */
  size?: 'xs' | 's' | 'm' | 'l' | 'xl';
  weight?: 'regular' | 'bold';
  /**
   * Key of the shape this label sits on (a value inside its bar, a tag's text in its box).
   * Build-time only: the layout tests let a label overlap its own shape and no other.
   */
  on?: string;
}
export interface CircleMark extends MarkBase {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
}
export interface PathMark extends MarkBase {
  kind: 'path';
  d: string;
  fill?: boolean;
  width?: number;
}

export type Mark = RectMark | LineMark | TextMark | CircleMark | PathMark;

/** Numeric attributes per mark kind: these are the ones that tween. */
export const NUMERIC_ATTRS = {
  rect: ['x', 'y', 'width', 'height', 'rx'],
  line: ['x1', 'y1', 'x2', 'y2'],
  text: ['x', 'y'],
  circle: ['cx', 'cy', 'r'],
  path: [],
} as const;

/** Rounds to 2 decimals: stable snapshots and small JSON. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Escapes text for use in SVG/HTML text and attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Merges the marks of all states of one layout into one paint order, so the static
 * SVG holds every element any state needs. Each state then only changes attributes:
 * no element is created or removed in the browser. A key first seen in a later state
 * is inserted right after the key that precedes it in that state, so every state keeps
 * its own stacking (grid lines stay behind bars).
 */
export function unionKeys(states: readonly (readonly Mark[])[]): string[] {
  const order: string[] = [];
  for (const marks of states) {
    let at = -1;
    for (const m of marks) {
      const found = order.indexOf(m.key);
      if (found >= 0) {
        at = found;
      } else {
        order.splice(at + 1, 0, m.key);
        at += 1;
      }
    }
  }
  return order;
}

/** The attributes of one mark as SVG attribute name → value (rounded, class included). */
export function markAttributes(m: Mark, hidden = false): Record<string, string | number> {
  const opacity = hidden ? 0 : (m.opacity ?? 1);
  const base: Record<string, string | number> = {
    'data-key': m.key,
    class: markClass(m),
  };
  if (opacity !== 1) base['opacity'] = round(opacity);
  switch (m.kind) {
    case 'rect':
      return { ...base, x: round(m.x), y: round(m.y), width: round(Math.max(0, m.width)), height: round(Math.max(0, m.height)), rx: round(m.rx ?? 0) };
    case 'line':
      return { ...base, x1: round(m.x1), y1: round(m.y1), x2: round(m.x2), y2: round(m.y2) };
    case 'text':
      return { ...base, x: round(m.x), y: round(m.y), 'text-anchor': m.anchor ?? 'start' };
    case 'circle':
      return { ...base, cx: round(m.cx), cy: round(m.cy), r: round(m.r) };
    case 'path':
      return { ...base, d: roundPath(m.d) };
  }
}

/** The CSS class list of a mark: its kind, tone and modifiers. */
export function markClass(m: Mark): string {
  const parts = [`mk mk-${m.kind}`, `tone-${m.tone}`];
  if (m.kind === 'text') parts.push(`ts-${m.size ?? 's'}`, m.weight === 'bold' ? 'tw-bold' : 'tw-regular');
  if (m.kind === 'line' && m.dashed) parts.push('dashed');
  if (m.kind === 'line' && m.width) parts.push(`sw-${m.width}`);
  if (m.kind === 'path') parts.push(m.fill ? 'filled' : 'stroked');
  if (m.kind === 'path' && m.width) parts.push(`sw-${m.width}`);
  return parts.join(' ');
}

/**
 * Many rectangles as the d of one path mark: a grid of a hundred squares becomes one
 * element instead of a hundred, so a state change restyles and repaints one node.
 * Corners are rounded with radius r (clamped to half the shorter side).
 */
export function rectsPath(rects: readonly { x: number; y: number; width: number; height: number }[], r = 0): string {
  return rects
    .map((rect) => {
      const [x, y, w, h] = [rect.x, rect.y, rect.width, rect.height].map(round) as [number, number, number, number];
      const k = round(Math.max(0, Math.min(r, w / 2, h / 2)));
      if (!k) return `M${x},${y}h${w}v${h}h${-w}Z`;
      const a = (dx: number, dy: number) => `a${k},${k} 0 0 1 ${dx},${dy}`;
      const [iw, ih] = [round(w - 2 * k), round(h - 2 * k)];
      return `M${round(x + k)},${y}h${iw}${a(k, k)}v${ih}${a(-k, k)}h${-iw}${a(-k, -k)}v${-ih}${a(k, -k)}Z`;
    })
    .join('');
}

/** Rounds every number inside a path string to 2 decimals. */
export function roundPath(d: string): string {
  return d.replace(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi, (n) => String(round(Number(n))));
}

export interface SvgOptions {
  width: number;
  height: number;
  /** Marks of the state to show, by key. */
  state: readonly Mark[];
  /** Every key of every state of this layout, in paint order (see unionKeys). */
  keys: readonly string[];
  /** Marks for keys the shown state lacks (taken from another state, drawn hidden). */
  fallback: ReadonlyMap<string, Mark>;
  /** Extra attributes for the root <svg> (already safe strings). */
  rootAttrs?: Record<string, string>;
  /** Optional <title> inside the SVG (for standalone use). */
  title?: string;
}

/** Renders marks to an SVG string; all text is escaped. Pure: same input, same output. */
export function marksToSvg(opts: SvgOptions): string {
  const byKey = new Map(opts.state.map((m) => [m.key, m]));
  const attrs = {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${opts.width} ${opts.height}`,
    ...opts.rootAttrs,
  };
  const out: string[] = [`<svg${attrString(attrs)}>`];
  if (opts.title) out.push(`<title>${escapeXml(opts.title)}</title>`);
  for (const key of opts.keys) {
    const shown = byKey.get(key);
    const m = shown ?? opts.fallback.get(key);
    if (!m) continue;
    const a = attrString(markAttributes(m, !shown));
    if (m.kind === 'text') out.push(`<text${a}>${escapeXml(m.text)}</text>`);
    else out.push(`<${m.kind}${a}/>`);
  }
  out.push('</svg>');
  return out.join('');
}

function attrString(attrs: Record<string, string | number>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}
