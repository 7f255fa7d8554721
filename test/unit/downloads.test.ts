import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fact } from '../../src/data/facts';
import {
  csvCell,
  figureCsv,
  figureJson,
  figurePng,
  figureSources,
  markStyle,
  ogImage,
  standaloneSvg,
  tonePalette,
  toCsv,
  TYPE_SIZES,
  TYPE_WEIGHTS,
} from '../../src/export';
import { figures } from '../../src/figures';
import { layoutFrames } from '../../src/figures/frames';
import { wrapText } from '../../src/export/text';
import { measure } from '../../src/type/measure';
import { escapeXml } from '../../src/figures/marks';
import { SUMMARY, type LayoutName } from '../../src/figures/types';
import { LANGS } from '../../src/i18n/lang';
import { t } from '../../src/i18n/t';
import { figureXlsx } from '../../src/export/xlsx';
import { picture } from '../../src/export/picture';
import { elementsOf, pngText, readCsv, readPng, readXml, type Png, type XmlElement } from '../support/parsers';

/**
 * Downloads and previews for every registered figure in every language, checked
 * through the src/export functions directly (no build): CSV parses to the data
 * table, SVGs are well-formed and carry title, description, sources and credit,
 * PNGs have the promised size and show the credit, JSON has its fields.
 */

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

// ---- reading the files (test/support/parsers.ts: csv-parse, saxes, pngjs) ----

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

const near = (p: readonly number[], c: readonly number[], tol = 3) => c.every((v, k) => Math.abs((p[k] as number) - v) <= tol);

/** Share of pixels in a band of rows that differ from the background colour. */
function inkShare(png: Png, y0: number, y1: number, bg: readonly number[]): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++) {
    for (let x = 0; x < png.width; x += 2) {
      all++;
      if (!near(png.pixel(x, y), bg, 12)) ink++;
    }
  }
  return all ? ink / all : 0;
}

/** An attribute of the document's root element. */
function rootAttr(svg: string, name: string): string | undefined {
  return readXml(svg).attrs[name];
}

/** All text of the document's <text> elements, joined by spaces. */
function allText(svg: string): string {
  return elementsOf(readXml(svg))
    .filter((el) => el.name === 'text')
    .map((el) => el.text)
    .join(' ');
}

const MARKS = new Set(['rect', 'line', 'text', 'circle', 'path']);

/** The keys of the marks drawn in a document, with their opacity attribute if any. */
function drawnKeys(svg: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const el of elementsOf(readXml(svg))) {
    const key = el.attrs['data-key'];
    if (MARKS.has(el.name) && key !== undefined) out.set(key, el.attrs['opacity']);
  }
  return out;
}

/** The frame's <text> elements: those outside the nested figure <svg> (the one without a role). */
function frameTexts(root: XmlElement): XmlElement[] {
  return elementsOf(root, (el) => el !== root && el.name === 'svg' && !('role' in el.attrs)).filter((el) => el.name === 'text');
}

describe('the readers used below reject broken input', () => {
  it('readXml() rejects unbalanced tags, bare ampersands, duplicate attributes and two roots', () => {
    expect(elementsOf(readXml('<svg a="1"><g><text>a &amp; b</text></g><rect/></svg>')).map((el) => el.name)).toEqual(['svg', 'g', 'text', 'rect']);
    expect(readXml('<svg><text>a &amp; b</text></svg>').children[0]?.text).toBe('a & b');
    expect(() => readXml('<svg><g></svg>')).toThrow();
    expect(() => readXml('<svg><text>a & b</text></svg>')).toThrow();
    expect(() => readXml('<svg a="1" a="2"/>')).toThrow();
    expect(() => readXml('<svg/><svg/>')).toThrow();
    expect(() => readXml('<svg title="a<b"/>')).toThrow();
    expect(() => readXml('<svg><text>x</svg>')).toThrow();
  });

  it('readCsv() rejects bare LF, stray quotes and a missing final CRLF', () => {
    expect(readCsv('a,"b,c"\r\n')).toEqual([['a', 'b,c']]);
    expect(() => readCsv('a,b\n')).toThrow();
    expect(() => readCsv('a,b\nc,d\r\n')).toThrow();
    expect(() => readCsv('a,b"c\r\n')).toThrow();
    expect(() => readCsv('a,"b"c\r\n')).toThrow();
    expect(() => readCsv('a,b')).toThrow();
  });

  it('readPng() refuses what is not a PNG', () => {
    expect(() => readPng(new Uint8Array(64))).toThrow();
  });
});

// ---- the shared pieces ----

describe('palette (tokens.css, light theme)', () => {
  const css = read('src/styles/tokens.css');
  /** First declaration of a token in the file: the light :root block comes first. */
  const token = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css)?.[1];

  it('tonePalette() maps every tone to the light token, accent to the figure accent and accent-2 to slate', () => {
    for (const accent of ['teal', 'vermilion', 'indigo', 'ochre', 'plum'] as const) {
      const p = tonePalette(accent);
      expect(p.accent).toBe(token(accent));
      expect(p['accent-2']).toBe(token('slate'));
      for (const tone of ['ink', 'muted', 'grid', 'paper', 'soft'] as const) expect(p[tone]).toBe(token(tone));
    }
    expect(tonePalette('teal').accent).not.toBe(tonePalette('plum').accent);
  });

  it('TYPE_SIZES and TYPE_WEIGHTS match the ts-* and tw-* rules of figure.css', () => {
    const fig = read('src/styles/figure.css');
    for (const [size, px] of Object.entries(TYPE_SIZES)) {
      expect(new RegExp(`\\.ts-${size}\\s*\\{\\s*font-size:\\s*${px}px`).test(fig), `ts-${size}`).toBe(true);
    }
    expect(fig).toMatch(new RegExp(`\\.tw-bold\\s*\\{\\s*font-weight:\\s*${TYPE_WEIGHTS.bold}`));
    expect(fig).toMatch(new RegExp(`\\.tw-regular\\s*\\{\\s*font-weight:\\s*${TYPE_WEIGHTS.regular}`));
  });

  it('markStyle() carries every mark rule of figure.css with concrete colours and nothing else', () => {
    const style = markStyle('teal');
    expect(style).not.toContain('var(');
    expect(style).toContain(`.mk-text.tone-ink{fill: ${token('ink')};}`);
    expect(style).toContain(`fill: ${token('teal')}`);
    expect(style).toContain(`stroke: ${token('slate')}`);
    expect(style).toContain('.dashed{stroke-dasharray: 4 3;}');
    expect(style).toContain('.ts-xl{font-size: 30px;}');
    // Layout rules of the page (figure-stage, the data table, @container) stay out.
    expect(style).not.toMatch(/data-table|figure-stage|@container|\.fig\b/);
    // Every selector figure.css gives a mark class appears.
    const markSelectors = [...read('src/styles/figure.css').matchAll(/^(\.(?:mk|ts|tw|sw|dashed|filled|stroked)\b[^{]*)\{/gm)].map((m) =>
      (m[1] as string).split(',').map((x) => x.trim()),
    );
    expect(markSelectors.length).toBeGreaterThan(20);
    for (const sels of markSelectors) expect(style).toContain(`${sels.join(',')}{`);
  });
});

describe('csvCell() and toCsv()', () => {
  it('quotes commas, quotes and line breaks and doubles inner quotes (RFC 4180)', () => {
    expect(csvCell('"quotes, commas"')).toBe('"""quotes, commas"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas, but keeps numbers as numbers', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('+11 %')).toBe("'+11 %");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("http://x", "a,b")')).toBe(`"'=HYPERLINK(""http://x"", ""a,b"")"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(2.3)).toBe('2.3');
    expect(() => csvCell(Number.NaN)).toThrow();
  });

  it('round-trips a synthetic table through an RFC 4180 parser', () => {
    const rows = [
      ['label', 'raw'],
      ['=cmd|\' /C calc\'!A0', -42],
      ['"quotes, commas"', 1.5],
      ['line\r\nbreak', null],
    ];
    expect(readCsv(toCsv(rows))).toEqual([
      ['label', 'raw'],
      ["'=cmd|' /C calc'!A0", '-42'],
      ['"quotes, commas"', '1.5'],
      ['line\r\nbreak', ''],
    ]);
  });
});

describe('wrapText()', () => {
  const style = { size: 10, weight: 450 };
  const source = 'Quellen: Kontext: Presseberichte, Januar 2023 · Kontext: OpenAI, 2. Oktober 2024 · Quellartikel · Jefferies, zitiert im Quellartikel';

  it('keeps every line within the width, loses no word and starts no line with a separator', () => {
    for (const width of [120, 200, 333, 1000]) {
      const lines = wrapText(source, width, style);
      for (const line of lines) expect(measure(line, style), line).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(source);
      for (const line of lines) expect(line).not.toMatch(/^[·–—]/);
      // A context label stays with its source wherever the pair fits on a line.
      if (width >= 200) for (const line of lines) expect(line).not.toMatch(/Kontext:$/);
    }
    expect(wrapText(source, 1000, style)).toHaveLength(1);
    expect(wrapText(source, 400, style)).toHaveLength(2);
  });

  it('breaks a word longer than the line between characters', () => {
    const lines = wrapText('Donaudampfschifffahrtsgesellschaftskapitän', 60, style);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Donaudampfschifffahrtsgesellschaftskapitän');
    for (const line of lines) expect(measure(line, style)).toBeLessThanOrEqual(60);
  });
});

// ---- every figure × language ----

const SITE = 'https://news.example.com';
/** What a text cell should read after formula defusing (independent of the implementation). */
const defused = (s: string) => (['=', '+', '-', '@', '\t', '\r'].includes(s.charAt(0)) ? `'${s}` : s);
const HEADER = ['figure', 'fact_id', 'label', 'value', 'raw', 'unit', 'kind', 'source', 'source_url', 'credit', 'licence', 'url'];
const STORY = `${SITE}/story/`;

describe.each(Object.values(figures).flatMap((fig) => LANGS.map((lang) => ({ fig, lang, name: `${fig.id} (${lang})` }))))('downloads of $name', ({ fig, lang }) => {
  const tones = tonePalette(fig.accent);
  const credit = t(lang, 'credit.graphic', { site: t(lang, 'site.name') });

  it('CSV: UTF-8 with BOM, the language’s delimiter and decimal mark, one record per row with source, source URL, credit, licence and story URL (csv-parse)', () => {
    const table = fig.table(lang);
    const text = figureCsv(fig, lang, STORY);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // German Excel splits on ";" and reads "2,3" as a number; English Excel on "," and "2.3". Read with the
    // other delimiter, the header would be one field.
    const rows = readCsv(text.slice(1), { delimiter: lang === 'de' ? ';' : ',' });
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(table.length + 1);
    rows.slice(1).forEach((r, k) => {
      const row = table[k];
      if (!row) throw new Error('row missing');
      const f = fact(row.fact);
      expect(r).toHaveLength(HEADER.length);
      expect(r[0]).toBe(fig.id);
      expect(r[1]).toBe(row.fact);
      expect(r[2]).toBe(defused(row.label));
      expect(r[3]).toBe(defused(row.value));
      if (row.raw === null) expect(r[4]).toBe('');
      else expect(Number(lang === 'de' ? (r[4] ?? '').replace(',', '.') : r[4])).toBe(row.raw);
      if (lang === 'de') expect(r[4]).not.toContain('.');
      expect(r[5]).toBe(row.unit);
      expect(r[6]).toBe(row.derived ? 'derived' : f.kind);
      expect(r[7]).toBe(defused(f.source[lang]));
      expect(r[8]).toBe(f.url ?? '');
      expect(r[9]).toBe(credit);
      expect(r[10]).toBe('CC BY 4.0');
      expect(r[11]).toBe(STORY);
    });
  });

  it('xlsx: numbers are number cells, units in their own column, sources with links, and a second sheet with credit, licence and sources (read back with exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await figureXlsx({ figure: fig, lang, storyUrl: STORY })).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([t(lang, 'download.sheet.data'), t(lang, 'download.sheet.about')]);
    const [data, about] = wb.worksheets;
    if (!data || !about) throw new Error('sheets missing');
    const table = fig.table(lang);
    const header = (data.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe(t(lang, 'figure.table.fact'));
    expect(header[2]).toBe(t(lang, 'download.col.unit'));
    expect(data.rowCount).toBe(table.length + 1);
    table.forEach((row, k) => {
      const r = data.getRow(k + 2);
      const f = fact(row.fact);
      expect(r.getCell(1).value).toBe(row.label);
      if (row.raw === null) expect(r.getCell(2).value).toBeNull();
      else {
        expect(r.getCell(2).type).toBe(ExcelJS.ValueType.Number);
        expect(r.getCell(2).value).toBe(row.raw);
      }
      expect(r.getCell(3).value).toBe(row.unit);
      expect(r.getCell(6).value).toBe(f.source[lang]);
      const url = r.getCell(7).value as { hyperlink?: string } | null;
      expect(url?.hyperlink ?? null).toBe(f.url ?? null);
      expect(r.getCell(9).value).toBe(row.fact);
    });
    const aboutText = about.getSheetValues().flat().map((v) => (v && typeof v === 'object' && 'text' in v ? `${String(v.text)} ${String((v as { hyperlink?: string }).hyperlink ?? '')}` : String(v ?? ''))).join('\n');
    expect(aboutText).toContain(fig.title(lang));
    expect(aboutText).toContain(credit);
    expect(aboutText).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(aboutText).toContain(STORY);
    for (const source of figureSources(fig, lang)) expect(aboutText).toContain(source);
  });

  it('SVG and PNG of every state carry title, credit, licence and the story URL (SVG <metadata>, PNG iTXt chunks)', () => {
    for (const state of fig.states) {
      const svg = picture({ figure: fig, lang, state, kind: 'svg', url: STORY }) as string;
      expect(elementsOf(readXml(svg)).map((el) => el.name)).toContain('metadata');
      const meta = /<metadata>([\s\S]*?)<\/metadata>/.exec(svg)?.[1] ?? '';
      expect(meta).toContain(`<dc:title>${escapeXml(fig.title(lang))}</dc:title>`);
      expect(meta).toContain(`<dc:creator>${escapeXml(credit)}</dc:creator>`);
      expect(meta).toContain('<cc:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/>');
      expect(meta).toContain(`rdf:about="${STORY}"`);
      expect(meta).toContain(`<dc:description>${escapeXml(fig.alt(state, lang))}</dc:description>`);
    }
    const png = picture({ figure: fig, lang, state: fig.states[0] ?? SUMMARY, kind: 'png', url: STORY }) as Uint8Array;
    const text = pngText(png);
    expect(text['Title']).toBe(fig.title(lang));
    expect(text['Author']).toBe(credit);
    expect(text['Copyright']).toContain('CC BY 4.0');
    expect(text['License']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(text['URL']).toBe(STORY);
    expect(text['Description']).toBe(fig.alt(fig.states[0] ?? SUMMARY, lang));
    // Still a valid PNG of the same picture: the chunks add text, not pixels.
    expect(readPng(png).width).toBe(readPng(figurePng({ figure: fig, lang, state: fig.states[0] ?? SUMMARY })).width);
  }, 60_000);

  it('SVG is well-formed, sized, titled, described and credited', () => {
    const svg = standaloneSvg({ figure: fig, lang });
    expect(readXml(svg).name).toBe('svg');
    const width = Number(rootAttr(svg, 'width'));
    const height = Number(rootAttr(svg, 'height'));
    expect(width).toBeGreaterThan(fig.layouts.wide.width);
    expect(height).toBeGreaterThan(fig.layouts.wide.height);
    expect(rootAttr(svg, 'viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(rootAttr(svg, 'xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg).toContain(`<title>${escapeXml(fig.title(lang))}</title>`);
    expect(svg).toContain(`<desc>${escapeXml(fig.alt(SUMMARY, lang))}</desc>`);
    // The site's Inter travels inside the file.
    expect(svg).toMatch(/@font-face\{font-family:"Inter";[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}={0,2}\)/);
    expect(svg).toContain(`fill="${tones.paper}"`);
    const text = allText(svg).replace(/\s+/g, ' ');
    expect(text).toContain(credit);
    for (const source of figureSources(fig, lang)) expect(text).toContain(source.replace(/\s+/g, ' '));
    expect(text).toContain(t(lang, figureSources(fig, lang).length > 1 ? 'figure.sources' : 'figure.source'));
  });

  it('SVG frame text stays inside the file (widths from measure())', () => {
    for (const layout of ['wide', 'narrow'] as LayoutName[]) {
      const svg = standaloneSvg({ figure: fig, lang, layout });
      const width = Number(rootAttr(svg, 'width'));
      const height = Number(rootAttr(svg, 'height'));
      const lines = frameTexts(readXml(svg));
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const { attrs, text } of lines) {
        const [x, y, size, weight, spacing] = ['x', 'y', 'font-size', 'font-weight', 'letter-spacing'].map((name) => Number(attrs[name] ?? 0)) as [number, number, number, number, number];
        expect(size).toBeGreaterThan(0);
        const w = measure(text, { size, weight }) + [...text].length * spacing;
        expect(x + w, `"${text}" (${layout})`).toBeLessThanOrEqual(width);
        expect(y, `"${text}" (${layout})`).toBeLessThanOrEqual(height);
      }
    }
  });

  it("SVG of each state and layout draws exactly that state's marks, hidden ones kept hidden", () => {
    for (const layout of ['wide', 'narrow'] as LayoutName[]) {
      const frames = layoutFrames(fig, layout, lang);
      for (const state of fig.states) {
        const marks = frames.states[state] ?? [];
        const drawn = drawnKeys(standaloneSvg({ figure: fig, lang, state, layout, embedFont: false }));
        expect([...drawn.keys()].sort(), `${state} ${layout}`).toEqual(marks.map((m) => m.key).sort());
        for (const m of marks) {
          const opacity = drawn.get(m.key);
          if ((m.opacity ?? 1) === 0) expect(opacity, `${m.key} in ${state}`).toBe('0');
          else expect(Number(opacity ?? 1), `${m.key} in ${state}`).toBeGreaterThan(0);
        }
      }
    }
    expect(() => standaloneSvg({ figure: fig, lang, state: 'no-such-state' })).toThrow();
  });

  it('PNG is twice the SVG size, on paper, with the footer text rendered', () => {
    const svg = standaloneSvg({ figure: fig, lang });
    const png = readPng(figurePng({ figure: fig, lang }));
    expect(png.width).toBe(2 * Number(rootAttr(svg, 'width')));
    expect(png.height).toBe(2 * Number(rootAttr(svg, 'height')));
    const paper = rgb(tones.paper);
    expect(near(png.pixel(0, 0), paper)).toBe(true);
    expect(near(png.pixel(png.width - 1, png.height - 1), paper)).toBe(true);
    // Source and credit lines sit in the bottom ~70 px (2×): glyphs must have been drawn there.
    expect(inkShare(png, png.height - 150, png.height - 30, paper)).toBeGreaterThan(0.01);
    // The figure's accent appears somewhere: marks are styled, not default black.
    const accent = rgb(tones.accent);
    const accent2 = rgb(tones['accent-2']);
    let found = false;
    for (let y = 0; y < png.height && !found; y += 2) {
      for (let x = 0; x < png.width && !found; x += 2) found = near(png.pixel(x, y), accent, 6) || near(png.pixel(x, y), accent2, 6);
    }
    expect(found).toBe(true);
  }, 60_000);

  it('JSON carries title, sources, credit, licence, embed URL, units and every data point', () => {
    const json = figureJson(fig, lang, SITE);
    const table = fig.table(lang);
    expect(json.title).toBe(fig.title(lang));
    expect(json.figure).toBe(fig.id);
    expect(json.language).toBe(lang);
    expect(json.credit).toBe(credit);
    expect(json.licence).toBe('CC BY 4.0');
    expect(json.licenceUrl).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(json.url).toBe(`${SITE}/embed/${lang}/${fig.id}/`);
    expect(json.source.length).toBeGreaterThan(0);
    expect(new Set(json.source).size).toBe(json.source.length);
    expect(json.units).toEqual([...new Set(table.map((r) => r.unit))]);
    expect(json.data).toHaveLength(table.length);
    json.data.forEach((d, k) => {
      const f = fact(d.fact);
      expect(d.fact).toBe(table[k]?.fact);
      expect(d.raw).toBe(table[k]?.raw);
      expect(d.kind).toBe(table[k]?.derived ? 'derived' : f.kind);
      expect(d.source).toBe(f.source[lang]);
      expect(d.arithmetic).toBe(table[k]?.derived ?? f.arithmetic?.[lang]);
    });
    // Survives a JSON round trip unchanged (no undefined, no NaN).
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('social preview is a 1200 × 630 PNG with the accent bar, paper and a drawn figure', () => {
    const png = readPng(ogImage({ figure: fig, lang }));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(near(png.pixel(0, 0), rgb(tones.accent))).toBe(true);
    expect(near(png.pixel(0, 40), rgb(tones.paper))).toBe(true);
    expect(inkShare(png, 200, 560, rgb(tones.paper))).toBeGreaterThan(0.01);
    expect(inkShare(png, 580, 630, rgb(tones.paper))).toBeGreaterThan(0.002);
  }, 60_000);
});
