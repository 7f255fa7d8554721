import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/figures';
import { pngText, readCsv } from '../support/parsers';
import { dist, filesIn } from './support';

/**
 * The downloads as the build wrote them (test/unit/downloads.test.ts checks the export
 * functions one by one): every CSV parses with csv-parse, every workbook opens with
 * exceljs, and every state of every figure (from its own `states` list) has an SVG with
 * <metadata> and a PNG with text chunks that point at the story on the public site.
 */
const files = filesIn(dist).filter((f) => f.startsWith('/downloads/'));
const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1] ?? 'invalid:').origin;
const read = (f: string) => readFileSync(join(dist, f));

describe('downloads in the build', () => {
  it('every CSV is UTF-8 with BOM and parses with csv-parse, credit, licence and an absolute story URL in every record', () => {
    const csvs = files.filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBe(Object.keys(figures).length * 2);
    for (const f of csvs) {
      const bytes = read(f);
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      // The language's delimiter: read with the other one, a record would not have the header's fields.
      const [header = [], ...records] = readCsv(bytes.toString('utf8').slice(1), { delimiter: f.startsWith('/downloads/de/') ? ';' : ',' });
      expect(header, f).toContain('credit');
      expect(records.length, f).toBeGreaterThan(0);
      for (const record of records) {
        const row = Object.fromEntries(header.map((name, k) => [name, record[k] ?? '']));
        expect(row['credit'], f).toMatch(/CC BY 4\.0/);
        expect(row['licence'], f).toBe('CC BY 4.0');
        expect(row['url'], f).toMatch(new RegExp(`^${site.replace(/[.]/g, '\\.')}/`));
        if (row['source_url']) expect(row['source_url'], f).toMatch(/^https:\/\//);
      }
    }
  });

  it('every xlsx opens with exceljs: two sheets, number cells for the values', async () => {
    const books = files.filter((f) => f.endsWith('.xlsx'));
    expect(books.length).toBe(Object.keys(figures).length * 2);
    for (const f of books) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(read(f)).buffer);
      expect(wb.worksheets, f).toHaveLength(2);
      const values = wb.worksheets[0]?.getColumn(2).values.slice(2) ?? [];
      const [, , lang, name] = f.split('/');
      const numbers = figures[(name ?? '').replace(/\.xlsx$/, '')]?.table(lang as 'de' | 'en').filter((r) => r.raw !== null).length ?? 0;
      expect(values.filter((v) => typeof v === 'number'), f).toHaveLength(numbers);
      for (const v of values) expect(v === null || v === undefined || typeof v === 'number', `${f}: ${String(v)}`).toBe(true);
    }
  });

  it('every state of every figure downloads as SVG with <metadata> and as PNG with text chunks, in both languages', () => {
    for (const fig of Object.values(figures)) {
      for (const lang of ['de', 'en']) {
        for (const state of fig.states) {
          const base = `/downloads/${lang}/${fig.id}/${state}`;
          const svg = read(`${base}.svg`).toString('utf8');
          expect(svg, base).toMatch(/<metadata><rdf:RDF [^>]*><cc:Work rdf:about="https:\/\/[^"]+">/);
          expect(svg, base).toContain('<cc:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/>');
          const text = pngText(read(`${base}.png`));
          expect(text['Title'], base).toBe(fig.title(lang as 'de' | 'en'));
          expect(text['License'], base).toBe('https://creativecommons.org/licenses/by/4.0/');
          expect(text['URL'], base).toMatch(new RegExp(`^${site.replace(/[.]/g, '\\.')}/${lang}/`));
        }
      }
      // The summary also keeps today's addresses.
      expect(read(`/downloads/de/${fig.id}.svg`).toString('utf8')).toContain('<metadata>');
    }
  });
});
