import { readCmap, writeCmap } from './cmap';
import { COMPOSITE, readGlyphs, readHMetrics, writeGlyphs, writeHMetrics, type Box, type Glyph, type HMetric } from './glyf';
import { compositeBox } from './instance';
import { readSfnt, table, writeSfnt } from './sfnt';

/**
 * Adds the signs the figures use but Inter's Latin subset lacks (≈ U+2248,
 * → U+2192), built as composites of Inter's own glyphs: ≈ is two tildes spaced
 * like the bars of "=", → is the up arrow (U+2191) turned a quarter clockwise and
 * centred on the minus sign's height. Browsers fill such gaps from a system font;
 * the PNG renderer has none, so the font carries them itself.
 * Code points the font already maps are left alone.
 */
export function addSymbols(bytes: Uint8Array): Uint8Array {
  const font = readSfnt(bytes);
  const cmap = readCmap(font);
  const glyphs = readGlyphs(font);
  const metrics = readHMetrics(font);
  const gidOf = (cp: number) => {
    const g = cmap.get(cp);
    if (g === undefined) throw new Error(`symbols: the font lacks U+${cp.toString(16).toUpperCase()}`);
    return g;
  };
  const boxOfGid = (gid: number): Box => compositeBox(glyphs, gid, 0);
  const added: number[] = [];
  const add = (cp: number, glyph: Glyph, metric: HMetric) => {
    if (cmap.has(cp)) return;
    added.push(glyphs.length);
    cmap.set(cp, glyphs.length);
    glyphs.push(glyph);
    metrics.push(metric);
  };

  // ≈: two tildes, half the distance between the bars of "=" above and below.
  const tilde = gidOf(0x7e);
  const equal = glyphs[gidOf(0x3d)];
  const gap = equal?.kind === 'simple' && equal.endPts.length === 2 ? barDistance(equal) : (boxOfGid(gidOf(0x3d)).yMax - boxOfGid(gidOf(0x3d)).yMin) * 0.7;
  const half = Math.round(gap / 2);
  const approx: Glyph = {
    kind: 'composite',
    components: [
      { flags: COMPOSITE.ARGS_ARE_XY, glyph: tilde, arg1: 0, arg2: half },
      { flags: COMPOSITE.ARGS_ARE_XY, glyph: tilde, arg1: 0, arg2: -half },
    ].map((c) => ({ ...c, transform: [] })),
    instructions: null,
    box: { xMin: 0, yMin: 0, xMax: 0, yMax: 0 },
  };
  add(0x2248, approx, { advance: (metrics[tilde] as HMetric).advance, lsb: 0 });

  // →: ↑ turned clockwise, x' = y, y' = −x, then moved so its side bearing and
  // height match: ink from the old left side bearing, centred on the minus sign.
  const up = gidOf(0x2191);
  const upBox = boxOfGid(up);
  const minus = boxOfGid(gidOf(0x2212));
  const side = Math.max(0, (metrics[up] as HMetric).lsb);
  const axis = (minus.yMin + minus.yMax) / 2;
  const arrow: Glyph = {
    kind: 'composite',
    components: [
      {
        flags: COMPOSITE.ARGS_ARE_XY,
        glyph: up,
        arg1: Math.round(side - upBox.yMin),
        arg2: Math.round(axis + (upBox.xMin + upBox.xMax) / 2),
        // File order xx, yx, xy, yy (see matrix() in instance.ts).
        transform: [0, -1, 1, 0],
      },
    ],
    instructions: null,
    box: { xMin: 0, yMin: 0, xMax: 0, yMax: 0 },
  };
  add(0x2192, arrow, { advance: Math.round(upBox.yMax - upBox.yMin + 2 * side), lsb: 0 });

  // Boxes and side bearings of the new composites, from their components.
  for (const gid of added) {
    const g = glyphs[gid] as Glyph;
    if (g.kind === 'composite') {
      const box = compositeBox(glyphs, gid, 0);
      glyphs[gid] = { ...g, box };
      metrics[gid] = { ...(metrics[gid] as HMetric), lsb: box.xMin };
    }
  }
  writeGlyphs(font, glyphs);
  writeHMetrics(font, metrics, glyphs);
  writeCmap(font, cmap);
  // Glyph names (post format 2) would no longer match the glyph count: keep only the header (format 3).
  const post = table(font, 'post').slice(0, 32);
  post.set([0, 3, 0, 0], 0);
  font.tables.set('post', post);
  return writeSfnt(font);
}

/** Vertical distance between the centres of the two contours of "=". */
function barDistance(g: Extract<Glyph, { kind: 'simple' }>): number {
  const centre = (from: number, to: number) => {
    const ys = g.ys.slice(from, to + 1);
    return (Math.min(...ys) + Math.max(...ys)) / 2;
  };
  const first = g.endPts[0] as number;
  return Math.abs(centre(0, first) - centre(first + 1, g.endPts[1] as number));
}
