import { Reader, Writer } from './binary';

/** A TrueType/OpenType font as its tables, by tag. */
export interface Sfnt {
  /** 0x00010000 for TrueType outlines, 'OTTO' for CFF. */
  flavor: number;
  tables: Map<string, Uint8Array>;
}

/** Splits an sfnt font file into its tables. Throws on collections and truncated files. */
export function readSfnt(bytes: Uint8Array): Sfnt {
  const r = new Reader(bytes);
  const flavor = r.u32();
  if (flavor === 0x74746366) throw new Error('sfnt: font collections are not supported');
  const n = r.u16();
  r.pos += 6;
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < n; i++) {
    const tag = r.tag();
    r.u32(); // checksum
    const offset = r.u32();
    const length = r.u32();
    if (offset + length > bytes.length) throw new Error(`sfnt: table "${tag}" runs past the end of the file`);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return { flavor, tables };
}

/** Sums a table as big-endian uint32 words (the OpenType table checksum). */
export function checksum(b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) {
    sum = (sum + (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}

/** Writes an sfnt: offset table, records sorted by tag, 4-byte aligned data, head checksum adjustment. */
export function writeSfnt(font: Sfnt): Uint8Array {
  const tags = [...font.tables.keys()].sort();
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  const tables = new Map(font.tables);
  const head = tables.get('head');
  // checkSumAdjustment is computed over the file with the field zeroed.
  if (head) tables.set('head', zeroAdjustment(head));
  const w = new Writer();
  w.u32(font.flavor);
  w.u16(n);
  w.u16(searchRange);
  w.u16(entrySelector);
  w.u16(n * 16 - searchRange);
  let offset = 12 + 16 * n;
  let headOffset = -1;
  for (const tag of tags) {
    const data = tables.get(tag) as Uint8Array;
    if (tag === 'head') headOffset = offset;
    w.tag(tag);
    w.u32(checksum(data));
    w.u32(offset);
    w.u32(data.length);
    offset += (data.length + 3) & ~3;
  }
  for (const tag of tags) {
    w.bytes(tables.get(tag) as Uint8Array);
    w.pad4();
  }
  const out = w.result();
  if (headOffset >= 0) {
    const adj = (0xb1b0afba - checksum(out)) >>> 0;
    out[headOffset + 8] = adj >>> 24;
    out[headOffset + 9] = (adj >>> 16) & 0xff;
    out[headOffset + 10] = (adj >>> 8) & 0xff;
    out[headOffset + 11] = adj & 0xff;
  }
  return out;
}

function zeroAdjustment(head: Uint8Array): Uint8Array {
  const out = head.slice();
  out.fill(0, 8, 12);
  return out;
}

/** A table that must exist; throws with the tag when it does not. */
export function table(font: Sfnt, tag: string): Uint8Array {
  const t = font.tables.get(tag);
  if (!t) throw new Error(`sfnt: missing "${tag}" table`);
  return t;
}
