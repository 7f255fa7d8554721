import { Reader, Writer } from './binary';
import { table, type Sfnt } from './sfnt';

/**
 * Reads the Unicode character map (formats 4 and 12 of the Windows/Unicode
 * subtables) into code point → glyph id.
 */
export function readCmap(font: Sfnt): Map<number, number> {
  const cmap = table(font, 'cmap');
  const r = new Reader(cmap, 2);
  const count = r.u16();
  const map = new Map<number, number>();
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const platform = r.u16();
    const encoding = r.u16();
    const offset = r.u32();
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || seen.has(offset)) continue;
    seen.add(offset);
    const s = new Reader(cmap, offset);
    const format = s.u16();
    if (format === 4) readFormat4(cmap, offset, map);
    else if (format === 12) readFormat12(cmap, offset, map);
  }
  return map;
}

function readFormat4(cmap: Uint8Array, offset: number, map: Map<number, number>): void {
  const r = new Reader(cmap, offset + 6);
  const segX2 = r.u16();
  const seg = segX2 / 2;
  const endsAt = offset + 14;
  const startsAt = endsAt + segX2 + 2;
  const deltasAt = startsAt + segX2;
  const rangesAt = deltasAt + segX2;
  const u = (at: number) => new Reader(cmap, at).u16();
  for (let i = 0; i < seg; i++) {
    const end = u(endsAt + i * 2);
    const start = u(startsAt + i * 2);
    const delta = u(deltasAt + i * 2);
    const rangeOffset = u(rangesAt + i * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let gid: number;
      if (rangeOffset === 0) gid = (c + delta) & 0xffff;
      else {
        const g = u(rangesAt + i * 2 + rangeOffset + (c - start) * 2);
        gid = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (gid !== 0) map.set(c, gid);
    }
  }
}

function readFormat12(cmap: Uint8Array, offset: number, map: Map<number, number>): void {
  const r = new Reader(cmap, offset + 12);
  const groups = r.u32();
  for (let i = 0; i < groups; i++) {
    const start = r.u32();
    const end = r.u32();
    const gid = r.u32();
    for (let c = start; c <= end; c++) map.set(c, gid + (c - start));
  }
}

/**
 * Writes a cmap with one format 4 subtable (BMP), referenced from the Unicode and
 * Windows platforms, plus a format 12 subtable when a code point lies beyond the BMP.
 */
export function writeCmap(font: Sfnt, map: ReadonlyMap<number, number>): void {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const bmp = entries.filter(([c]) => c < 0xffff);
  const f4 = format4(bmp);
  const f12 = entries.length > bmp.length ? format12(entries) : null;
  const records: [number, number, Uint8Array][] = [[0, 3, f4], [3, 1, f4]];
  if (f12) records.push([0, 4, f12], [3, 10, f12]);
  const w = new Writer();
  w.u16(0);
  w.u16(records.length);
  let offset = 4 + records.length * 8;
  const offsets = new Map<Uint8Array, number>();
  for (const sub of [f4, f12]) {
    if (!sub) continue;
    offsets.set(sub, offset);
    offset += sub.length;
  }
  for (const [platform, encoding, sub] of records) {
    w.u16(platform);
    w.u16(encoding);
    w.u32(offsets.get(sub) as number);
  }
  w.bytes(f4);
  if (f12) w.bytes(f12);
  font.tables.set('cmap', w.result());
}

/** Format 4: one segment per run of consecutive code points with consecutive glyph ids (idDelta only). */
function format4(entries: readonly (readonly [number, number])[]): Uint8Array {
  const segs: [number, number, number][] = [];
  for (const [c, g] of entries) {
    const last = segs[segs.length - 1];
    if (last && c === last[1] + 1 && g - c === last[2]) last[1] = c;
    else segs.push([c, c, g - c]);
  }
  segs.push([0xffff, 0xffff, 1]);
  const n = segs.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 * 2 ** entrySelector;
  const w = new Writer();
  w.u16(4);
  w.u16(16 + n * 8);
  w.u16(0);
  w.u16(n * 2);
  w.u16(searchRange);
  w.u16(entrySelector);
  w.u16(n * 2 - searchRange);
  for (const s of segs) w.u16(s[1]);
  w.u16(0);
  for (const s of segs) w.u16(s[0]);
  for (const s of segs) w.u16(s[2] & 0xffff);
  for (let i = 0; i < n; i++) w.u16(0);
  return w.result();
}

function format12(entries: readonly (readonly [number, number])[]): Uint8Array {
  const groups: [number, number, number][] = [];
  for (const [c, g] of entries) {
    const last = groups[groups.length - 1];
    if (last && c === last[1] + 1 && g === last[2] + (c - last[0])) last[1] = c;
    else groups.push([c, c, g]);
  }
  const w = new Writer();
  w.u16(12);
  w.u16(0);
  w.u32(16 + groups.length * 12);
  w.u32(0);
  w.u32(groups.length);
  for (const [s, e, g] of groups) {
    w.u32(s);
    w.u32(e);
    w.u32(g);
  }
  return w.result();
}
