import { fact } from '../data/facts';
import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { creditLine, LICENCE } from './sources';

/**
 * CSV downloads: RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte order mark (so
 * Excel does not read „Auslöser“ as „AuslÃ¶ser“), and cells that a spreadsheet would
 * run as a formula defused with a leading apostrophe. The German file uses ";" and a
 * decimal comma, as German Excel and LibreOffice expect on a double-click; the English
 * one "," and a decimal point. Credit, licence and the story's URL are columns of every
 * record (comment lines or a "sep=" line would be data to most parsers).
 */

/** The header row of every figure's CSV (machine names, the same in both languages). */
export const CSV_HEADER = ['figure', 'fact_id', 'label', 'value', 'raw', 'unit', 'kind', 'source', 'source_url', 'credit', 'licence', 'url'] as const;

/** The byte order mark that tells spreadsheets the file is UTF-8. */
export const BOM = '\uFEFF';

/** Field separator and decimal mark of a language's CSV. */
export const CSV_DIALECT: Record<Lang, { delimiter: ',' | ';'; decimal: '.' | ',' }> = {
  de: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

/** A cell: text, a number (written as a plain number, never defused), or empty. */
export type CsvCell = string | number | null;

/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, defused and quoted as needed (default dialect: comma and decimal point). */
export function csvCell(value: CsvCell, dialect: { delimiter: string; decimal: string } = CSV_DIALECT.en): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV: ${value} is not a finite number`);
    return String(value).replace('.', dialect.decimal);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  const special = dialect.delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: cells joined by the delimiter, records ended by CRLF (no BOM). */
export function toCsv(rows: readonly (readonly CsvCell[])[], dialect: { delimiter: string; decimal: string } = CSV_DIALECT.en): string {
  return rows.map((row) => `${row.map((c) => csvCell(c, dialect)).join(dialect.delimiter)}\r\n`).join('');
}

/**
 * A figure's data table as a CSV file: BOM, the header, then one record per table
 * row with its source (and the source's page when known), credit, licence and `storyUrl`.
 */
export function figureCsv(figure: FigureModule, lang: Lang, storyUrl: string): string {
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  const credit = creditLine(lang);
  for (const row of figure.table(lang)) {
    const f = fact(row.fact);
    rows.push([figure.id, row.fact, row.label, row.value, row.raw, row.unit, row.derived ? 'derived' : f.kind, f.source[lang], f.url ?? null, credit, LICENCE.name, storyUrl]);
  }
  return BOM + toCsv(rows, CSV_DIALECT[lang]);
}
