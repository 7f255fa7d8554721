import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../export/png';
import { standaloneSvg } from '../export/svg';
import { figures } from '../figures';
import { LANGS } from '../i18n/lang';
import { ALWAYS, FACES } from './faces';
import { downloadFont, DOWNLOAD_TEXT, instanceFile, renderFamily, renderFontFiles, subsetText, webFont } from './fonts';

/** Dark pixels of an SVG text rendered by resvg with the site's fonts only (as svgToPng does). */
function ink(text: string, weight: number, family = 'Inter'): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="240" height="60" fill="#fff"/><text x="10" y="42" font-family="${family}" font-size="36" font-weight="${weight}">${text}</text></svg>`;
  const img = new Resvg(svg, { font: { fontFiles: renderFontFiles(), loadSystemFonts: false, defaultFontFamily: renderFamily(), sansSerifFamily: renderFamily() }, logLevel: 'off' }).render();
  const px = img.pixels; // a getter that copies: read it once
  let dark = 0;
  for (let i = 0; i < px.length; i += 4) if ((px[i] as number) < 128) dark++;
  return dark;
}

describe('renderFontFiles() and renderFamily()', () => {
  it('give resvg Inter instances that draw ≈, → and U+2011, and a heavier bold than regular', () => {
    for (const ch of ['≈', '→', 'GPT\u20114o']) expect(ink(ch, 450), ch).toBeGreaterThan(50);
    expect(ink('Hamburg', 700)).toBeGreaterThan(ink('Hamburg', 450) * 1.2);
  });

  it('name the family inside the instances, so "Inter, sans-serif" in an SVG reaches them', () => {
    expect(renderFamily()).toMatch(/^Inter/);
    expect(ink('Hamburg', 450, 'Inter, sans-serif')).toBe(ink('Hamburg', 450, renderFamily()));
  });

  it('hand out existing files, the same ones on every call, one per sans instance weight', () => {
    const files = renderFontFiles();
    expect(files).toHaveLength(FACES.sans.instanceWeights.length);
    for (const f of files) expect(existsSync(f)).toBe(true);
    expect(renderFontFiles()).toEqual(files);
  });
});

describe('svgToPng()', () => {
  it('draws text in the site’s Inter: the PNG of "≈ →" differs from a blank one and from "= -"', () => {
    const png = (text: string) => Buffer.from(svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/><text x="8" y="28" font-family="Inter, sans-serif" font-size="24">${text}</text></svg>`, 1));
    expect(png('≈ →').equals(png(''))).toBe(false);
    expect(png('≈ →').equals(png('= -'))).toBe(false);
  });
});

describe('instanceFile()', () => {
  it('pins the weight: the 700 instance has no variation axes left and a bolder OS/2 weight class', () => {
    const regular = fontkit.openSync(instanceFile('sans', 450)) as fontkit.Font;
    const bold = fontkit.openSync(instanceFile('sans', 700)) as fontkit.Font;
    expect(Object.keys(bold.variationAxes)).toEqual([]);
    expect(bold['OS/2'].usWeightClass).toBe(700);
    expect(regular['OS/2'].usWeightClass).toBe(450);
  });
});

describe('subsetText()', () => {
  it('keeps each character once, adds ALWAYS and drops control characters', () => {
    const s = subsetText('aab\u0007\n„“');
    expect([...s].filter((c) => c === 'a')).toHaveLength(1);
    for (const c of ['„', '“', '€', '≈', '→', '\u00a0', '\u2011']) expect(s).toContain(c);
    expect(s).not.toMatch(/[\u0000-\u001f]/);
    expect(ALWAYS).toContain('0123456789');
  });
});

describe('webFont()', () => {
  it('cuts a family to the text: what is asked for is in the WOFF2, other letters are not, and the axes are those of FACES', async () => {
    const font = fontkit.create(await webFont('sans', 'Ghibli ÅÇ')) as fontkit.Font;
    for (const c of 'GhibliÅÇ≈→') expect(font.hasGlyphForCodePoint(c.codePointAt(0) as number), c).toBe(true);
    for (const c of 'ẞŁ') expect(font.hasGlyphForCodePoint(c.codePointAt(0) as number), c).toBe(false);
    const wght = FACES.sans.webAxes.wght as { min: number; max: number };
    expect(font.variationAxes.wght).toMatchObject({ min: wght.min, max: wght.max });
    expect(font.variationAxes.opsz).toBeUndefined();
    const serif = fontkit.create(await webFont('serif', 'Ghibli')) as fontkit.Font;
    expect(Object.keys(serif.variationAxes)).toEqual([]);
  }, 30_000);
});

describe('downloadFont()', () => {
  it('carries every character of DOWNLOAD_TEXT the source font has, ≈ and → among them', () => {
    const font = fontkit.create(downloadFont()) as fontkit.Font;
    const source = fontkit.openSync(instanceFile('sans', 450)) as fontkit.Font;
    for (const c of DOWNLOAD_TEXT) {
      const cp = c.codePointAt(0) as number;
      if (source.hasGlyphForCodePoint(cp)) expect(font.hasGlyphForCodePoint(cp), `U+${cp.toString(16)}`).toBe(true);
    }
    for (const c of '≈→\u2011„“\u00a0') expect(font.hasGlyphForCodePoint(c.codePointAt(0) as number), c).toBe(true);
  });

  it('has every character a standalone SVG download writes, for every figure, state, layout and language', () => {
    const font = fontkit.create(downloadFont()) as fontkit.Font;
    const missing = new Set<string>();
    for (const figure of Object.values(figures))
      for (const lang of LANGS)
        for (const state of figure.states)
          for (const layout of ['wide', 'narrow'] as const) {
            const svg = standaloneSvg({ figure, lang, state, layout, embedFont: false });
            const text = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
            for (const c of text.replace(/&(amp|lt|gt|quot|#39);/g, '')) if (!/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0) as number)) missing.add(`${c} (${figure.id})`);
          }
    expect([...missing]).toEqual([]);
  }, 60_000);
});
