import { brotliDecompressSync } from 'node:zlib';
import { Reader, u16At, Writer } from './binary';
import { boxOf, COMPOSITE, parseGlyph, writeGlyphs, type Glyph } from './glyf';
import { writeSfnt, type Sfnt } from './sfnt';

/**
 * A WOFF2 → sfnt decoder (W3C WOFF 2.0), for one reason: the site ships Inter
 * only as WOFF2 and the PNG renderer (resvg) reads plain TrueType. Decoding the
 * site's own file keeps the PNGs in the site's type with no second copy of the
 * font in the repository. Handles the transforms encoders use (glyf/loca version 0,
 * hmtx version 1); single fonts only, no collections.
 */

/** Tags by their index in the WOFF2 "known tags" table (spec 5.1). */
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ',
  'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS',
  'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc',
  'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop',
  'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
] as const;

interface TableEntry {
  tag: string;
  /** Bytes this table takes in the decompressed stream. */
  streamLength: number;
  transformed: boolean;
}

/** UIntBase128 (spec 4.1): 1–5 bytes, 7 bits each, no leading zeros. */
function base128(r: Reader): number {
  let v = 0;
  for (let i = 0; i < 5; i++) {
    const b = r.u8();
    if (i === 0 && b === 0x80) throw new Error('woff2: UIntBase128 with a leading zero');
    if (v >= 2 ** 25) throw new Error('woff2: UIntBase128 overflow');
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) return v;
  }
  throw new Error('woff2: UIntBase128 longer than 5 bytes');
}

/** 255UInt16 (spec 4.2). */
function u255(r: Reader): number {
  const code = r.u8();
  if (code === 253) return r.u16();
  if (code === 255) return 253 + r.u8();
  if (code === 254) return 506 + r.u8();
  return code;
}

/** Decodes a WOFF2 file into an sfnt font file. Throws on anything else. */
export function woff2ToSfnt(woff2: Uint8Array): Uint8Array {
  const r = new Reader(woff2);
  if (r.u32() !== 0x774f4632) throw new Error('woff2: bad signature (not a WOFF2 file)');
  const flavor = r.u32();
  if (flavor === 0x74746366) throw new Error('woff2: font collections are not supported');
  r.u32(); // length
  const numTables = r.u16();
  r.u16(); // reserved
  r.u32(); // totalSfntSize
  const totalCompressedSize = r.u32();
  r.pos += 4 + 4 * 5; // version, metadata and private blocks: not needed to render

  const entries: TableEntry[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = r.u8();
    const index = flags & 0x3f;
    const tag = index === 63 ? r.tag() : KNOWN_TAGS[index];
    if (!tag) throw new Error(`woff2: unknown table index ${index}`);
    const version = flags >> 6;
    // glyf/loca are transformed at version 0 (3 is the null transform); other tables at any version but 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const origLength = base128(r);
    entries.push({ tag, streamLength: transformed ? base128(r) : origLength, transformed });
  }
  if (r.pos + totalCompressedSize > woff2.length) throw new Error('woff2: compressed data runs past the end');
  const stream = new Uint8Array(brotliDecompressSync(woff2.subarray(r.pos, r.pos + totalCompressedSize)));

  const raw = new Map<string, Uint8Array>();
  let offset = 0;
  for (const e of entries) {
    if (offset + e.streamLength > stream.length) throw new Error(`woff2: table "${e.tag}" runs past the data`);
    raw.set(e.tag, stream.subarray(offset, offset + e.streamLength));
    offset += e.streamLength;
  }

  const font: Sfnt = { flavor, tables: new Map() };
  for (const e of entries) {
    if (e.tag === 'glyf' || e.tag === 'loca' || e.tag === 'hmtx') {
      if (!e.transformed) font.tables.set(e.tag, raw.get(e.tag) as Uint8Array);
      continue;
    }
    if (e.transformed) throw new Error(`woff2: unsupported transform of table "${e.tag}"`);
    font.tables.set(e.tag, raw.get(e.tag) as Uint8Array);
  }
  const byTag = new Map(entries.map((e) => [e.tag, e]));
  let glyphs: Glyph[] | undefined;
  if (byTag.get('glyf')?.transformed) {
    glyphs = decodeGlyf(raw.get('glyf') as Uint8Array);
    writeGlyphs(font, glyphs);
  } else if (byTag.get('loca')?.transformed) {
    throw new Error('woff2: transformed loca needs a transformed glyf');
  }
  if (byTag.get('hmtx')?.transformed) {
    if (!glyphs) throw new Error('woff2: transformed hmtx needs a transformed glyf');
    font.tables.set('hmtx', decodeHmtx(raw.get('hmtx') as Uint8Array, font, glyphs));
  }
  return writeSfnt(font);
}

/**
 * Rebuilds the glyphs from the transformed glyf table (spec 5.1): seven streams
 * (contour counts, point counts, flags, coordinates, composites, boxes,
 * instructions) woven back into glyph records.
 */
function decodeGlyf(data: Uint8Array): Glyph[] {
  const h = new Reader(data);
  h.u16(); // reserved
  const optionFlags = h.u16();
  const count = h.u16();
  h.u16(); // index format: loca is rewritten in long format anyway
  const sizes = Array.from({ length: 7 }, () => h.u32());
  const streams: Reader[] = [];
  let at = h.pos;
  for (const size of sizes) {
    if (at + size > data.length) throw new Error('woff2: glyf stream runs past the table');
    streams.push(new Reader(data.subarray(at, at + size)));
    at += size;
  }
  const [nContourS, nPointsS, flagS, glyphS, compositeS, bboxS, instrS] = streams as [Reader, Reader, Reader, Reader, Reader, Reader, Reader];
  const bboxBitmap = bboxS.bytes(((count + 31) >> 5) << 2);
  const overlap = optionFlags & 1 ? data.subarray(at, at + ((count + 7) >> 3)) : undefined;
  const bit = (bits: Uint8Array | undefined, g: number) => (bits ? ((bits[g >> 3] ?? 0) & (0x80 >> (g & 7))) !== 0 : false);
  const readBox = () => ({ xMin: bboxS.i16(), yMin: bboxS.i16(), xMax: bboxS.i16(), yMax: bboxS.i16() });

  const glyphs: Glyph[] = [];
  for (let g = 0; g < count; g++) {
    const nContours = nContourS.i16();
    const hasBox = bit(bboxBitmap, g);
    if (nContours === 0) {
      if (hasBox) throw new Error(`woff2: empty glyph ${g} has a bounding box`);
      glyphs.push({ kind: 'empty' });
      continue;
    }
    if (nContours === -1) {
      if (!hasBox) throw new Error(`woff2: composite glyph ${g} lacks a bounding box`);
      const box = readBox();
      // The composite stream holds the component records verbatim; reuse the glyf parser on them.
      const start = compositeS.pos;
      let haveInstructions = false;
      for (let more = true; more; ) {
        const flags = compositeS.u16();
        compositeS.u16();
        let n = flags & COMPOSITE.ARG_WORDS ? 4 : 2;
        if (flags & COMPOSITE.SCALE) n += 2;
        else if (flags & COMPOSITE.XY_SCALE) n += 4;
        else if (flags & COMPOSITE.TWO_BY_TWO) n += 8;
        compositeS.bytes(n);
        if (flags & COMPOSITE.INSTRUCTIONS) haveInstructions = true;
        more = (flags & COMPOSITE.MORE) !== 0;
      }
      const w = new Writer();
      for (const v of [-1, box.xMin, box.yMin, box.xMax, box.yMax]) w.i16(v);
      w.bytes(compositeS.since(start));
      if (haveInstructions) {
        const len = u255(glyphS);
        w.u16(len);
        w.bytes(instrS.bytes(len));
      }
      glyphs.push(parseGlyph(w.result()));
      continue;
    }
    const endPts: number[] = [];
    let total = 0;
    for (let c = 0; c < nContours; c++) {
      total += u255(nPointsS);
      endPts.push(total - 1);
    }
    const xs: number[] = [];
    const ys: number[] = [];
    const onCurve: boolean[] = [];
    let x = 0;
    let y = 0;
    for (let p = 0; p < total; p++) {
      const flag = flagS.u8();
      onCurve.push((flag & 0x80) === 0);
      const [dx, dy] = tripletDelta(flag & 0x7f, glyphS);
      x += dx;
      y += dy;
      xs.push(x);
      ys.push(y);
    }
    const instructions = instrS.bytes(u255(glyphS));
    const box = hasBox ? readBox() : boxOf(xs, ys);
    glyphs.push({ kind: 'simple', endPts, xs, ys, onCurve, instructions, overlap: bit(overlap, g), box });
  }
  return glyphs;
}

/** One point's coordinate delta from the triplet encoding (spec 5.2). */
function tripletDelta(flag: number, s: Reader): [number, number] {
  const sign = (f: number, v: number) => (f & 1 ? v : -v);
  if (flag < 10) return [0, sign(flag, ((flag & 14) << 7) + s.u8())];
  if (flag < 20) return [sign(flag, (((flag - 10) & 14) << 7) + s.u8()), 0];
  if (flag < 84) {
    const b0 = flag - 20;
    const b1 = s.u8();
    return [sign(flag, 1 + (b0 & 0x30) + (b1 >> 4)), sign(flag >> 1, 1 + ((b0 & 0x0c) << 2) + (b1 & 0x0f))];
  }
  if (flag < 120) {
    const b0 = flag - 84;
    const b1 = s.u8();
    const b2 = s.u8();
    return [sign(flag, 1 + (Math.floor(b0 / 12) << 8) + b1), sign(flag >> 1, 1 + (((b0 % 12) >> 2) << 8) + b2)];
  }
  if (flag < 124) {
    const b1 = s.u8();
    const b2 = s.u8();
    const b3 = s.u8();
    return [sign(flag, (b1 << 4) + (b2 >> 4)), sign(flag >> 1, ((b2 & 0x0f) << 8) + b3)];
  }
  const b1 = s.u8();
  const b2 = s.u8();
  const b3 = s.u8();
  const b4 = s.u8();
  return [sign(flag, (b1 << 8) + b2), sign(flag >> 1, (b3 << 8) + b4)];
}

/** Rebuilds hmtx from its transformed form (spec 5.4): dropped left side bearings equal the glyph's xMin. */
function decodeHmtx(data: Uint8Array, font: Sfnt, glyphs: readonly Glyph[]): Uint8Array {
  const hhea = font.tables.get('hhea');
  if (!hhea) throw new Error('woff2: transformed hmtx needs hhea');
  const numH = u16At(hhea, 34);
  const xMin = (g: number) => {
    const glyph = glyphs[g];
    return glyph && glyph.kind !== 'empty' ? glyph.box.xMin : 0;
  };
  const r = new Reader(data);
  const flags = r.u8();
  const advances = Array.from({ length: numH }, () => r.u16());
  const lsbs = Array.from({ length: numH }, (_, i) => (flags & 1 ? xMin(i) : r.i16()));
  const extra = Array.from({ length: glyphs.length - numH }, (_, i) => (flags & 2 ? xMin(numH + i) : r.i16()));
  const w = new Writer();
  advances.forEach((a, i) => {
    w.u16(a);
    w.i16(lsbs[i] as number);
  });
  for (const v of extra) w.i16(v);
  return w.result();
}
