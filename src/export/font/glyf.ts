import { Reader, u16At, withU16, Writer } from './binary';
import { table, type Sfnt } from './sfnt';

/** Bounding box in font units. */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A glyph drawn from its own contours. */
export interface SimpleGlyph {
  kind: 'simple';
  /** Index of the last point of each contour. */
  endPts: number[];
  xs: number[];
  ys: number[];
  onCurve: boolean[];
  instructions: Uint8Array;
  /** OVERLAP_SIMPLE on the first point (variable fonts: contours may overlap). */
  overlap: boolean;
  box: Box;
}

/** One glyph placed inside a composite glyph. */
export interface Component {
  /** Flags other than the ones the encoder derives (words, scale kind, more, instructions). */
  flags: number;
  glyph: number;
  /** Offsets when ARGS_ARE_XY_VALUES is set, else point numbers. */
  arg1: number;
  arg2: number;
  /** [xx] / [xx, yy] / [xx, yx, xy, yy] in file order, or empty for none. */
  transform: number[];
}

/** A glyph assembled from other glyphs (accented letters, and our ≈ and →). */
export interface CompositeGlyph {
  kind: 'composite';
  components: Component[];
  instructions: Uint8Array | null;
  box: Box;
}

/** One record of the glyf table. */
export type Glyph = { kind: 'empty' } | SimpleGlyph | CompositeGlyph;

/** Composite flag bits (OpenType glyf table). */
export const COMPOSITE = {
  ARG_WORDS: 0x0001,
  ARGS_ARE_XY: 0x0002,
  SCALE: 0x0008,
  MORE: 0x0020,
  XY_SCALE: 0x0040,
  TWO_BY_TWO: 0x0080,
  INSTRUCTIONS: 0x0100,
} as const;
const DERIVED_FLAGS = COMPOSITE.ARG_WORDS | COMPOSITE.SCALE | COMPOSITE.MORE | COMPOSITE.XY_SCALE | COMPOSITE.TWO_BY_TWO | COMPOSITE.INSTRUCTIONS;

/** The box of a list of points; all zero for none. */
export function boxOf(xs: readonly number[], ys: readonly number[]): Box {
  if (!xs.length) return { xMin: 0, yMin: 0, xMax: 0, yMax: 0 };
  return { xMin: Math.min(...xs), yMin: Math.min(...ys), xMax: Math.max(...xs), yMax: Math.max(...ys) };
}

/** Number of glyphs, from maxp. */
export function numGlyphs(font: Sfnt): number {
  return u16At(table(font, 'maxp'), 4);
}

/** Reads every glyph of a TrueType font through loca. */
export function readGlyphs(font: Sfnt): Glyph[] {
  const glyf = table(font, 'glyf');
  const loca = table(font, 'loca');
  const long = u16At(table(font, 'head'), 50) === 1;
  const n = numGlyphs(font);
  const at = (i: number) => (long ? new Reader(loca, i * 4).u32() : u16At(loca, i * 2) * 2);
  const glyphs: Glyph[] = [];
  for (let g = 0; g < n; g++) {
    const start = at(g);
    const end = at(g + 1);
    glyphs.push(end > start ? parseGlyph(glyf.subarray(start, end)) : { kind: 'empty' });
  }
  return glyphs;
}

/** Parses one glyph record of the glyf table. */
export function parseGlyph(b: Uint8Array): Glyph {
  const r = new Reader(b);
  const nContours = r.i16();
  const box = { xMin: r.i16(), yMin: r.i16(), xMax: r.i16(), yMax: r.i16() };
  if (nContours < 0) {
    const components: Component[] = [];
    let haveInstructions = false;
    for (let more = true; more; ) {
      const flags = r.u16();
      const glyph = r.u16();
      const words = flags & COMPOSITE.ARG_WORDS;
      const xy = flags & COMPOSITE.ARGS_ARE_XY;
      const arg1 = words ? (xy ? r.i16() : r.u16()) : xy ? r.i8() : r.u8();
      const arg2 = words ? (xy ? r.i16() : r.u16()) : xy ? r.i8() : r.u8();
      const count = flags & COMPOSITE.SCALE ? 1 : flags & COMPOSITE.XY_SCALE ? 2 : flags & COMPOSITE.TWO_BY_TWO ? 4 : 0;
      const transform = Array.from({ length: count }, () => r.f2dot14());
      if (flags & COMPOSITE.INSTRUCTIONS) haveInstructions = true;
      more = (flags & COMPOSITE.MORE) !== 0;
      components.push({ flags: flags & ~DERIVED_FLAGS, glyph, arg1, arg2, transform });
    }
    const instructions = haveInstructions ? r.bytes(r.u16()) : null;
    return { kind: 'composite', components, instructions, box };
  }
  const endPts = Array.from({ length: nContours }, () => r.u16());
  const total = nContours ? (endPts[nContours - 1] as number) + 1 : 0;
  const instructions = r.bytes(r.u16());
  const flags: number[] = [];
  while (flags.length < total) {
    const f = r.u8();
    flags.push(f);
    if (f & 0x08) for (let k = r.u8(); k > 0; k--) flags.push(f);
  }
  const coords = (short: number, same: number) => {
    const out: number[] = [];
    let v = 0;
    for (const f of flags) {
      if (f & short) v += f & same ? r.u8() : -r.u8();
      else if (!(f & same)) v += r.i16();
      out.push(v);
    }
    return out;
  };
  const xs = coords(0x02, 0x10);
  const ys = coords(0x04, 0x20);
  return {
    kind: 'simple',
    endPts,
    xs,
    ys,
    onCurve: flags.map((f) => (f & 0x01) !== 0),
    instructions,
    overlap: ((flags[0] ?? 0) & 0x40) !== 0,
    box,
  };
}

/** Encodes one glyph record (empty glyphs encode to no bytes). */
export function encodeGlyph(g: Glyph): Uint8Array {
  if (g.kind === 'empty') return new Uint8Array(0);
  const w = new Writer();
  w.i16(g.kind === 'simple' ? g.endPts.length : -1);
  w.i16(g.box.xMin);
  w.i16(g.box.yMin);
  w.i16(g.box.xMax);
  w.i16(g.box.yMax);
  if (g.kind === 'composite') {
    g.components.forEach((c, i) => {
      const xy = (c.flags & COMPOSITE.ARGS_ARE_XY) !== 0;
      const fitsByte = xy ? inRange(c.arg1, -128, 127) && inRange(c.arg2, -128, 127) : c.arg1 < 256 && c.arg2 < 256;
      let flags = c.flags;
      if (!fitsByte) flags |= COMPOSITE.ARG_WORDS;
      if (c.transform.length === 1) flags |= COMPOSITE.SCALE;
      if (c.transform.length === 2) flags |= COMPOSITE.XY_SCALE;
      if (c.transform.length === 4) flags |= COMPOSITE.TWO_BY_TWO;
      if (i < g.components.length - 1) flags |= COMPOSITE.MORE;
      if (g.instructions) flags |= COMPOSITE.INSTRUCTIONS;
      w.u16(flags);
      w.u16(c.glyph);
      for (const a of [c.arg1, c.arg2]) {
        if (!fitsByte) {
          if (xy) w.i16(a);
          else w.u16(a);
        } else w.u8(a);
      }
      for (const v of c.transform) w.f2dot14(v);
    });
    if (g.instructions) {
      w.u16(g.instructions.length);
      w.bytes(g.instructions);
    }
    return w.result();
  }
  for (const e of g.endPts) w.u16(e);
  w.u16(g.instructions.length);
  w.bytes(g.instructions);
  const flags: number[] = [];
  const xb = new Writer();
  const yb = new Writer();
  let px = 0;
  let py = 0;
  for (let p = 0; p < g.xs.length; p++) {
    const dx = (g.xs[p] as number) - px;
    const dy = (g.ys[p] as number) - py;
    px = g.xs[p] as number;
    py = g.ys[p] as number;
    let f = g.onCurve[p] ? 0x01 : 0;
    if (p === 0 && g.overlap) f |= 0x40;
    if (dx === 0) f |= 0x10;
    else if (Math.abs(dx) < 256) {
      f |= 0x02 | (dx > 0 ? 0x10 : 0);
      xb.u8(Math.abs(dx));
    } else xb.i16(dx);
    if (dy === 0) f |= 0x20;
    else if (Math.abs(dy) < 256) {
      f |= 0x04 | (dy > 0 ? 0x20 : 0);
      yb.u8(Math.abs(dy));
    } else yb.i16(dy);
    flags.push(f);
  }
  for (const f of flags) w.u8(f);
  w.bytes(xb.result());
  w.bytes(yb.result());
  return w.result();
}

function inRange(v: number, lo: number, hi: number): boolean {
  return v >= lo && v <= hi;
}

/**
 * Writes glyphs back as glyf + loca (long offsets, 4-byte aligned glyphs) and
 * updates head (loca format) and maxp (glyph count).
 */
export function writeGlyphs(font: Sfnt, glyphs: readonly Glyph[]): void {
  const glyf = new Writer();
  const loca = new Writer();
  for (const g of glyphs) {
    loca.u32(glyf.length);
    glyf.bytes(encodeGlyph(g));
    glyf.pad4();
  }
  loca.u32(glyf.length);
  font.tables.set('glyf', glyf.result());
  font.tables.set('loca', loca.result());
  font.tables.set('head', withU16(table(font, 'head'), 50, 1));
  font.tables.set('maxp', withU16(table(font, 'maxp'), 4, glyphs.length));
}

/** Horizontal metrics of one glyph. */
export interface HMetric {
  advance: number;
  lsb: number;
}

/** Reads hmtx (with hhea's numberOfHMetrics) into one metric per glyph. */
export function readHMetrics(font: Sfnt): HMetric[] {
  const hmtx = table(font, 'hmtx');
  const numH = u16At(table(font, 'hhea'), 34);
  const n = numGlyphs(font);
  const r = new Reader(hmtx);
  const out: HMetric[] = [];
  for (let i = 0; i < numH; i++) out.push({ advance: r.u16(), lsb: r.i16() });
  const last = out[numH - 1]?.advance ?? 0;
  for (let i = numH; i < n; i++) out.push({ advance: last, lsb: r.i16() });
  return out;
}

/** Writes one full metric per glyph to hmtx and updates hhea (count, max advance, min bearings, max extent). */
export function writeHMetrics(font: Sfnt, metrics: readonly HMetric[], glyphs: readonly Glyph[]): void {
  const w = new Writer();
  for (const m of metrics) {
    w.u16(m.advance);
    w.i16(m.lsb);
  }
  font.tables.set('hmtx', w.result());
  let hhea = withU16(table(font, 'hhea'), 34, metrics.length);
  const inked = metrics.map((m, i) => ({ m, g: glyphs[i] })).filter((x) => x.g && x.g.kind !== 'empty');
  const boxOfGlyph = (g: Glyph | undefined) => (g && g.kind !== 'empty' ? g.box : { xMin: 0, yMin: 0, xMax: 0, yMax: 0 });
  hhea = withU16(hhea, 10, Math.max(0, ...metrics.map((m) => m.advance)));
  if (inked.length) {
    const s16 = (v: number) => v & 0xffff;
    hhea = withU16(hhea, 12, s16(Math.min(...inked.map((x) => x.m.lsb))));
    hhea = withU16(hhea, 14, s16(Math.min(...inked.map((x) => x.m.advance - x.m.lsb - (boxOfGlyph(x.g).xMax - boxOfGlyph(x.g).xMin)))));
    hhea = withU16(hhea, 16, s16(Math.max(...inked.map((x) => x.m.lsb + (boxOfGlyph(x.g).xMax - boxOfGlyph(x.g).xMin)))));
  }
  font.tables.set('hhea', hhea);
}
