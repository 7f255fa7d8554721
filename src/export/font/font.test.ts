import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { u16At } from './binary';
import { readCmap, writeCmap } from './cmap';
import { encodeGlyph, parseGlyph, readGlyphs, readHMetrics, type Glyph } from './glyf';
import { instanceFont, normalise, tupleScalar } from './instance';
import { interWoff2, renderFontFiles } from './inter';
import { readSfnt, table } from './sfnt';
import { addSymbols } from './symbols';
import { woff2ToSfnt } from './woff2';

const sfnt = woff2ToSfnt(interWoff2());
const font = readSfnt(sfnt);
const cmap = readCmap(font);
const gid = (ch: string) => {
  const g = cmap.get(ch.codePointAt(0) as number);
  if (g === undefined) throw new Error(`no glyph for ${ch}`);
  return g;
};

describe('woff2ToSfnt()', () => {
  it('decodes the site Inter into a TrueType font whose tables agree with each other', () => {
    expect(new DataView(sfnt.buffer, sfnt.byteOffset).getUint32(0)).toBe(0x00010000);
    for (const tag of ['cmap', 'glyf', 'loca', 'head', 'hhea', 'hmtx', 'maxp', 'fvar', 'gvar']) expect(font.tables.has(tag), tag).toBe(true);
    const glyphs = readGlyphs(font);
    expect(glyphs.length).toBe(u16At(table(font, 'maxp'), 4));
    // loca (long) has one offset per glyph plus the end.
    expect(table(font, 'loca').length).toBe((glyphs.length + 1) * 4);
    // Every simple glyph's stored box is the box of its points.
    for (const g of glyphs) {
      if (g.kind !== 'simple' || !g.xs.length) continue;
      expect(g.box.xMin).toBe(Math.min(...g.xs));
      expect(g.box.yMax).toBe(Math.max(...g.ys));
    }
    // Letters a reader sees are there and drawn.
    for (const ch of 'AaÄäß€0123456789„“–−·') expect(readGlyphs(font)[gid(ch)]?.kind).not.toBe('empty');
  });

  it('refuses what is not WOFF2', () => {
    expect(() => woff2ToSfnt(sfnt)).toThrow(/signature/);
    expect(() => woff2ToSfnt(interWoff2().subarray(0, 200))).toThrow();
  });

  it('glyphs survive encodeGlyph(parseGlyph()) unchanged', () => {
    for (const g of readGlyphs(font)) {
      if (g.kind === 'empty') continue;
      expect(parseGlyph(encodeGlyph(g))).toEqual(g);
    }
  });
});

describe('instanceFont()', () => {
  const regular = readSfnt(instanceFont(sfnt, { wght: 400 }));
  const bold = readSfnt(instanceFont(sfnt, { wght: 700 }));
  const thin = readSfnt(instanceFont(sfnt, { wght: 100 }));
  const adv = (f: typeof font, ch: string) => readHMetrics(f)[gid(ch)]?.advance ?? 0;
  const stem = (f: typeof font, ch: string) => {
    const g = readGlyphs(f)[gid(ch)] as Glyph;
    return g.kind === 'simple' ? g.box.xMax - g.box.xMin : 0;
  };

  it('at the default weight (400) returns the default outlines and advances unchanged', () => {
    expect(readGlyphs(regular)).toEqual(readGlyphs(font));
    expect(readHMetrics(regular).map((m) => m.advance)).toEqual(readHMetrics(font).map((m) => m.advance));
  });

  it('draws bold heavier and wider than regular, thin lighter and narrower', () => {
    expect(stem(bold, 'l')).toBeGreaterThan(stem(regular, 'l'));
    expect(stem(thin, 'l')).toBeLessThan(stem(regular, 'l'));
    expect(adv(bold, 'n')).toBeGreaterThan(adv(regular, 'n'));
    expect(adv(thin, 'n')).toBeLessThan(adv(regular, 'n'));
  });

  it('drops the variation tables and records the weight in OS/2', () => {
    for (const tag of ['fvar', 'gvar', 'HVAR', 'avar', 'STAT']) expect(bold.tables.has(tag), tag).toBe(false);
    expect(u16At(table(bold, 'OS/2'), 4)).toBe(700);
  });

  it('normalise() maps the weight axis to −1…1 with the default at 0', () => {
    expect(normalise(font, { wght: 400 })).toEqual([0]);
    expect(normalise(font, { wght: 900 })).toEqual([1]);
    expect(normalise(font, { wght: 100 })).toEqual([-1]);
    const [mid] = normalise(font, { wght: 700 });
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
  });

  it('tupleScalar() follows the OpenType interpolation rules', () => {
    expect(tupleScalar([0.5], [1])).toBe(0.5);
    expect(tupleScalar([-0.5], [1])).toBe(0);
    expect(tupleScalar([1], [1])).toBe(1);
    expect(tupleScalar([0.5], [0])).toBe(1);
    expect(tupleScalar([0.75], [0.5], [0], [1])).toBe(0.5);
    expect(tupleScalar([0.2], [0.5], [0.4], [1])).toBe(0);
  });
});

describe('addSymbols()', () => {
  const withSymbols = readSfnt(addSymbols(instanceFont(sfnt, { wght: 450 })));
  const map = readCmap(withSymbols);

  it('maps ≈ and → to new composite glyphs built from ~ and ↑, keeping every existing mapping', () => {
    expect(cmap.has(0x2248)).toBe(false);
    expect(cmap.has(0x2192)).toBe(false);
    for (const [cp, g] of cmap) expect(map.get(cp)).toBe(g);
    const glyphs = readGlyphs(withSymbols);
    const approx = glyphs[map.get(0x2248) as number];
    const arrow = glyphs[map.get(0x2192) as number];
    if (approx?.kind !== 'composite' || arrow?.kind !== 'composite') throw new Error('expected composites');
    expect(approx.components.map((c) => c.glyph)).toEqual([gid('~'), gid('~')]);
    expect(approx.components[0]?.arg2).toBeGreaterThan(0);
    expect(approx.components[1]?.arg2).toBeLessThan(0);
    expect(arrow.components[0]?.glyph).toBe(gid('↑'));
    // Turned a quarter: the arrow is wider than tall, the up arrow taller than wide.
    expect(arrow.box.xMax - arrow.box.xMin).toBeGreaterThan(arrow.box.yMax - arrow.box.yMin);
    expect(readHMetrics(withSymbols)[map.get(0x2192) as number]?.advance).toBeGreaterThan(0);
  });

  it('writeCmap() round-trips the character map', () => {
    const copy = { ...withSymbols, tables: new Map(withSymbols.tables) };
    writeCmap(copy, map);
    expect(readCmap(copy)).toEqual(map);
  });
});

describe('renderFontFiles()', () => {
  it('gives resvg fonts that draw ≈ and → and a heavier bold than regular', () => {
    const files = renderFontFiles();
    expect(files).toHaveLength(2);
    const ink = (text: string, weight: number) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/><text x="10" y="42" font-family="Inter" font-size="36" font-weight="${weight}">${text}</text></svg>`;
      const img = new Resvg(svg, { font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: 'Inter' }, logLevel: 'off' }).render();
      const px = img.pixels; // a getter that copies: read it once
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) if ((px[i] as number) < 128) dark++;
      return dark;
    };
    expect(ink('≈', 450)).toBeGreaterThan(50);
    expect(ink('→', 450)).toBeGreaterThan(50);
    expect(ink('Hamburg', 700)).toBeGreaterThan(ink('Hamburg', 450) * 1.2);
  });

  it('writes the fonts once and hands the same files to later calls', () => {
    const first = renderFontFiles();
    for (const f of first) expect(existsSync(f)).toBe(true);
    expect(renderFontFiles()).toEqual(first);
  });
});
