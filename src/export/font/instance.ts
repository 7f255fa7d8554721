import { Reader, u16At, withU16 } from './binary';
import { boxOf, COMPOSITE, readGlyphs, readHMetrics, writeGlyphs, writeHMetrics, type Box, type Glyph, type HMetric } from './glyf';
import { readSfnt, table, writeSfnt, type Sfnt } from './sfnt';

/**
 * Makes a static font from a TrueType variable font at given axis values (OpenType
 * font variations: fvar, avar, gvar). The PNG renderer draws variable fonts only at
 * their default instance, so bold (700) and the site's regular (450) are instanced
 * here: outlines and advance widths move by the gvar deltas, everything else stays.
 */

interface Axis {
  tag: string;
  min: number;
  def: number;
  max: number;
}

/** Reads the axes of fvar. */
export function readAxes(font: Sfnt): Axis[] {
  const fvar = table(font, 'fvar');
  const r = new Reader(fvar, 4);
  const axesOffset = r.u16();
  r.u16();
  const count = r.u16();
  const size = r.u16();
  return Array.from({ length: count }, (_, i) => {
    const a = new Reader(fvar, axesOffset + i * size);
    return { tag: a.tag(), min: a.i32() / 65536, def: a.i32() / 65536, max: a.i32() / 65536 };
  });
}

/** Normalises user axis values to −1…1 through fvar and the avar segment maps, rounded to 2.14. */
export function normalise(font: Sfnt, user: Readonly<Record<string, number>>): number[] {
  const axes = readAxes(font);
  const coords = axes.map((a) => {
    const v = Math.min(a.max, Math.max(a.min, user[a.tag] ?? a.def));
    if (v < a.def) return a.def === a.min ? 0 : (v - a.def) / (a.def - a.min);
    if (v > a.def) return a.max === a.def ? 0 : (v - a.def) / (a.max - a.def);
    return 0;
  });
  const avar = font.tables.get('avar');
  if (avar) {
    const r = new Reader(avar, 6);
    const count = r.u16();
    for (let i = 0; i < count; i++) {
      const pairs = Array.from({ length: r.u16() }, () => [r.f2dot14(), r.f2dot14()] as const);
      coords[i] = piecewise(coords[i] ?? 0, pairs);
    }
  }
  return coords.map((c) => Math.round(c * 16384) / 16384);
}

function piecewise(v: number, pairs: readonly (readonly [number, number])[]): number {
  for (let k = 1; k < pairs.length; k++) {
    const [x0, y0] = pairs[k - 1] as readonly [number, number];
    const [x1, y1] = pairs[k] as readonly [number, number];
    if (v <= x1) return x1 === x0 ? y1 : y0 + ((v - x0) * (y1 - y0)) / (x1 - x0);
  }
  return v;
}

/** How much one tuple variation applies at the given coordinates (OpenType "Algorithm for interpolation"). */
export function tupleScalar(coords: readonly number[], peak: readonly number[], start?: readonly number[], end?: readonly number[]): number {
  let scalar = 1;
  for (let i = 0; i < peak.length; i++) {
    const p = peak[i] as number;
    const v = coords[i] ?? 0;
    if (p === 0) continue;
    if (v === 0) return 0;
    const s = start ? (start[i] as number) : Math.min(0, p);
    const e = end ? (end[i] as number) : Math.max(0, p);
    if (s > p || p > e || (s < 0 && e > 0)) continue;
    if (v < s || v > e) return 0;
    if (v === p) continue;
    scalar *= v < p ? (v - s) / (p - s) : (e - v) / (e - p);
  }
  return scalar;
}

/** Packed point numbers (gvar): null means "all points". */
function readPoints(r: Reader): number[] | null {
  let count = r.u8();
  if (count & 0x80) count = ((count & 0x7f) << 8) | r.u8();
  if (count === 0) return null;
  const points: number[] = [];
  let last = 0;
  while (points.length < count) {
    const control = r.u8();
    const run = (control & 0x7f) + 1;
    for (let k = 0; k < run && points.length < count; k++) {
      last += control & 0x80 ? r.u16() : r.u8();
      points.push(last);
    }
  }
  return points;
}

/** Packed deltas (gvar). */
function readDeltas(r: Reader, count: number): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const control = r.u8();
    const run = (control & 0x3f) + 1;
    for (let k = 0; k < run && out.length < count; k++) {
      out.push(control & 0x80 ? 0 : control & 0x40 ? r.i16() : r.i8());
    }
  }
  return out;
}

/**
 * The summed x/y deltas of one glyph at `coords`, one per point (phantom points last).
 * Untouched points of simple glyphs are interpolated (IUP); others stay at zero.
 */
function glyphDeltas(font: Sfnt, gid: number, coords: readonly number[], points: { xs: number[]; ys: number[]; endPts: number[] | null }): { dx: number[]; dy: number[] } {
  const n = points.xs.length;
  const dx = new Array<number>(n).fill(0);
  const dy = new Array<number>(n).fill(0);
  const gvar = table(font, 'gvar');
  const h = new Reader(gvar, 4);
  const axisCount = h.u16();
  const sharedCount = h.u16();
  const sharedOffset = h.u32();
  const glyphCount = h.u16();
  const longOffsets = (h.u16() & 1) === 1;
  const dataOffset = h.u32();
  if (gid >= glyphCount) return { dx, dy };
  const offsetAt = (i: number) => (longOffsets ? new Reader(gvar, 20 + i * 4).u32() : u16At(gvar, 20 + i * 2) * 2);
  const start = dataOffset + offsetAt(gid);
  if (offsetAt(gid + 1) === offsetAt(gid)) return { dx, dy };
  const shared = (i: number) => {
    if (i >= sharedCount) throw new Error('gvar: shared tuple index out of range');
    const r = new Reader(gvar, sharedOffset + i * axisCount * 2);
    return Array.from({ length: axisCount }, () => r.f2dot14());
  };

  const r = new Reader(gvar, start);
  const countWord = r.u16();
  const serialized = new Reader(gvar, start + r.u16());
  const sharedPoints = countWord & 0x8000 ? readPoints(serialized) : null;
  for (let t = 0; t < (countWord & 0x0fff); t++) {
    const size = r.u16();
    const index = r.u16();
    const peak = index & 0x8000 ? Array.from({ length: axisCount }, () => r.f2dot14()) : shared(index & 0x0fff);
    const [lo, hi] = index & 0x4000
      ? [Array.from({ length: axisCount }, () => r.f2dot14()), Array.from({ length: axisCount }, () => r.f2dot14())]
      : [undefined, undefined];
    const next = serialized.pos + size;
    const scalar = tupleScalar(coords, peak, lo, hi);
    if (scalar !== 0) {
      const pts = index & 0x2000 ? readPoints(serialized) : sharedPoints;
      const count = pts ? pts.length : n;
      const xd = readDeltas(serialized, count);
      const yd = readDeltas(serialized, count);
      const tx = new Array<number>(n).fill(0);
      const ty = new Array<number>(n).fill(0);
      const touched = new Array<boolean>(n).fill(!pts);
      for (let k = 0; k < count; k++) {
        const p = pts ? (pts[k] as number) : k;
        if (p >= n) continue;
        tx[p] = xd[k] as number;
        ty[p] = yd[k] as number;
        touched[p] = true;
      }
      if (pts && points.endPts) {
        interpolateUntouched(points.xs, tx, touched, points.endPts);
        interpolateUntouched(points.ys, ty, touched, points.endPts);
      }
      for (let p = 0; p < n; p++) {
        dx[p] = (dx[p] as number) + (tx[p] as number) * scalar;
        dy[p] = (dy[p] as number) + (ty[p] as number) * scalar;
      }
    }
    serialized.pos = next;
  }
  return { dx, dy };
}

/** IUP: gives each untouched point of a contour a delta interpolated between its touched neighbours. */
function interpolateUntouched(orig: readonly number[], delta: number[], touched: readonly boolean[], endPts: readonly number[]): void {
  let first = 0;
  for (const end of endPts) {
    const idx: number[] = [];
    for (let p = first; p <= end; p++) if (touched[p]) idx.push(p);
    if (idx.length && idx.length < end - first + 1) {
      for (let k = 0; k < idx.length; k++) {
        const a = idx[k] as number;
        const b = idx[(k + 1) % idx.length] as number;
        // Walk the untouched points after a (wrapping round the contour) up to b.
        for (let p = a === end ? first : a + 1; p !== b; p = p === end ? first : p + 1) {
          delta[p] = iup(orig[p] as number, orig[a] as number, orig[b] as number, delta[a] as number, delta[b] as number);
        }
      }
    }
    first = end + 1;
  }
}

function iup(v: number, x1: number, x2: number, d1: number, d2: number): number {
  if (x1 === x2) return d1 === d2 ? d1 : 0;
  if (x1 > x2) [x1, x2, d1, d2] = [x2, x1, d2, d1];
  if (v <= x1) return d1;
  if (v >= x2) return d2;
  return d1 + ((v - x1) * (d2 - d1)) / (x2 - x1);
}

/** Tables that only describe variation; a static instance drops them. */
const VARIATION_TABLES = ['fvar', 'gvar', 'avar', 'HVAR', 'VVAR', 'MVAR', 'STAT', 'cvar'];

/**
 * Instances a variable TrueType font at user axis values, e.g. `{ wght: 700 }`.
 * Returns a static font whose OS/2 weight class is the requested weight.
 */
export function instanceFont(bytes: Uint8Array, user: Readonly<Record<string, number>>): Uint8Array {
  const font = readSfnt(bytes);
  if (!font.tables.has('fvar') || !font.tables.has('gvar')) throw new Error('instance: not a TrueType variable font');
  const coords = normalise(font, user);
  const glyphs = readGlyphs(font);
  const metrics = readHMetrics(font);
  const out: Glyph[] = [];
  const outMetrics: HMetric[] = [];
  glyphs.forEach((g, gid) => {
    const m = metrics[gid] as HMetric;
    const [moved, metric] = moveGlyph(font, gid, g, m, coords);
    out.push(moved);
    outMetrics.push(metric);
  });
  // Composite boxes depend on their (already moved) components.
  for (let gid = 0; gid < out.length; gid++) {
    const g = out[gid] as Glyph;
    if (g.kind === 'composite') {
      const box = compositeBox(out, gid, 0);
      out[gid] = { ...g, box };
      const m = outMetrics[gid] as HMetric;
      outMetrics[gid] = { ...m, lsb: box.xMin };
    }
  }
  for (const tag of VARIATION_TABLES) font.tables.delete(tag);
  writeGlyphs(font, out);
  writeHMetrics(font, outMetrics, out);
  if (user['wght'] !== undefined) font.tables.set('OS/2', withU16(table(font, 'OS/2'), 4, Math.round(user['wght'])));
  return writeSfnt(font);
}

/** Applies the deltas to one glyph and its phantom points; returns the moved glyph and its metrics. */
function moveGlyph(font: Sfnt, gid: number, g: Glyph, m: HMetric, coords: readonly number[]): [Glyph, HMetric] {
  const xMin = g.kind === 'empty' ? 0 : g.box.xMin;
  const phantomX = [xMin - m.lsb, xMin - m.lsb + m.advance, 0, 0];
  const phantomY = [0, 0, 0, 0];
  if (g.kind === 'empty') {
    const { dx } = glyphDeltas(font, gid, coords, { xs: phantomX, ys: phantomY, endPts: null });
    return [g, { advance: Math.max(0, Math.round(m.advance + (dx[1] ?? 0) - (dx[0] ?? 0))), lsb: 0 }];
  }
  if (g.kind === 'simple') {
    const xs = [...g.xs, ...phantomX];
    const ys = [...g.ys, ...phantomY];
    const { dx, dy } = glyphDeltas(font, gid, coords, { xs, ys, endPts: g.endPts });
    const n = g.xs.length;
    const origin = Math.round((phantomX[0] as number) + (dx[n] ?? 0));
    const nx = g.xs.map((x, p) => Math.round(x + (dx[p] ?? 0)) - origin);
    const ny = g.ys.map((y, p) => Math.round(y + (dy[p] ?? 0)));
    const advance = Math.round((phantomX[1] as number) + (dx[n + 1] ?? 0)) - origin;
    const box = boxOf(nx, ny);
    return [{ ...g, xs: nx, ys: ny, box }, { advance: Math.max(0, advance), lsb: box.xMin }];
  }
  // Composite: one "point" per component (its offset), then the phantom points.
  const cx = g.components.map((c) => (c.flags & COMPOSITE.ARGS_ARE_XY ? c.arg1 : 0));
  const cy = g.components.map((c) => (c.flags & COMPOSITE.ARGS_ARE_XY ? c.arg2 : 0));
  const { dx, dy } = glyphDeltas(font, gid, coords, { xs: [...cx, ...phantomX], ys: [...cy, ...phantomY], endPts: null });
  const n = g.components.length;
  const origin = Math.round((phantomX[0] as number) + (dx[n] ?? 0));
  const components = g.components.map((c, k) =>
    c.flags & COMPOSITE.ARGS_ARE_XY
      ? { ...c, arg1: Math.round(c.arg1 + (dx[k] ?? 0)) - origin, arg2: Math.round(c.arg2 + (dy[k] ?? 0)) }
      : c,
  );
  const advance = Math.round((phantomX[1] as number) + (dx[n + 1] ?? 0)) - origin;
  return [{ ...g, components }, { advance: Math.max(0, advance), lsb: 0 }];
}

/** The box of a composite glyph from its components' boxes, offsets and transforms. */
export function compositeBox(glyphs: readonly Glyph[], gid: number, depth: number): Box {
  const g = glyphs[gid];
  if (!g || g.kind === 'empty' || depth > 8) return { xMin: 0, yMin: 0, xMax: 0, yMax: 0 };
  if (g.kind === 'simple') return g.box;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const c of g.components) {
    const inner = glyphs[c.glyph];
    if (!inner || inner.kind === 'empty') continue;
    const b = compositeBox(glyphs, c.glyph, depth + 1);
    const [a, bb, cc, d] = matrix(c.transform);
    const ox = c.flags & COMPOSITE.ARGS_ARE_XY ? c.arg1 : 0;
    const oy = c.flags & COMPOSITE.ARGS_ARE_XY ? c.arg2 : 0;
    for (const [x, y] of [[b.xMin, b.yMin], [b.xMin, b.yMax], [b.xMax, b.yMin], [b.xMax, b.yMax]] as const) {
      xs.push(Math.round(a * x + cc * y + ox));
      ys.push(Math.round(bb * x + d * y + oy));
    }
  }
  return boxOf(xs, ys);
}

/** A component transform as [xx, yx, xy, yy]: x' = xx·x + xy·y, y' = yx·x + yy·y. */
export function matrix(t: readonly number[]): [number, number, number, number] {
  if (t.length === 1) return [t[0] as number, 0, 0, t[0] as number];
  if (t.length === 2) return [t[0] as number, 0, 0, t[1] as number];
  if (t.length === 4) return [t[0] as number, t[1] as number, t[2] as number, t[3] as number];
  return [1, 0, 0, 1];
}
