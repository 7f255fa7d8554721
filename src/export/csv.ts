import { fact } from '../data/facts';
import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';

/**
 * CSV downloads: RFC 4180 (comma, CRLF, quotes doubled), plain UTF-8, and cells
 * that a spreadsheet would run as a formula defused with a leading apostrophe.
 */

/** The header row of every figure's CSV. */
export const CSV_HEADER = ['figure', 'fact_id', 'label', 'value', 'raw', 'unit', 'kind', 'source'] as const;

/** A cell: text, a number (written as a plain number, never defused), or empty. */
export type CsvCell = string | number | null;

/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, defused and quoted as needed. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV: ${value} is not a finite number`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: cells joined by commas, records ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** A figure's data table as CSV: the header, then one record per table row. */
export function figureCsv(figure: FigureModule, lang: Lang): string {
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  for (const row of figure.table(lang)) {
    const f = fact(row.fact);
    rows.push([figure.id, row.fact, row.label, row.value, row.raw, row.unit, row.derived ? 'derived' : f.kind, f.source[lang]]);
  }
  return toCsv(rows);
}
