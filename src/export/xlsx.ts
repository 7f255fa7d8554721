import ExcelJS from 'exceljs';
import { fact } from '../data/facts';
import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/t';
import { creditLine, LICENCE } from './sources';

/**
 * The figure's data as an Excel workbook (exceljs): one sheet with the data, where
 * numbers are number cells (Excel and LibreOffice show them in the reader's locale:
 * 2,3 in German, 2.3 in English) and units have their own column, and a second sheet
 * with title, credit, licence, the story and every source with its link.
 */

/** A number format that shows the value's own decimals and a thousands separator (format codes are locale-neutral). */
function numberFormat(value: number): string {
  const decimals = Math.min((String(value).split('.')[1] ?? '').length, 6);
  return decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** A cell that is a link, shown as its text. */
function link(text: string, url: string): ExcelJS.CellHyperlinkValue {
  return { text, hyperlink: url };
}

export interface XlsxOptions {
  figure: FigureModule;
  lang: Lang;
  /** Absolute URL of the story the figure belongs to. */
  storyUrl: string;
}

/** The workbook as the bytes of an .xlsx file. */
export async function figureXlsx({ figure, lang, storyUrl }: XlsxOptions): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const title = figure.title(lang);
  wb.creator = t(lang, 'site.name');
  wb.title = title;
  wb.description = `${creditLine(lang)} – ${storyUrl}`;
  wb.keywords = LICENCE.name;

  const data = wb.addWorksheet(t(lang, 'download.sheet.data'), { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = [
    { header: t(lang, 'figure.table.fact'), key: 'label', width: 44 },
    { header: t(lang, 'figure.table.value'), key: 'raw', width: 14 },
    { header: t(lang, 'download.col.unit'), key: 'unit', width: 14 },
    { header: `${t(lang, 'figure.table.value')} (Text)`, key: 'value', width: 22 },
    { header: t(lang, 'figure.table.kind'), key: 'kind', width: 14 },
    { header: t(lang, 'figure.table.source'), key: 'source', width: 40 },
    { header: t(lang, 'download.col.url'), key: 'url', width: 40 },
    { header: t(lang, 'download.col.arithmetic'), key: 'arithmetic', width: 40 },
    { header: t(lang, 'download.col.factId'), key: 'fact', width: 24 },
  ];
  data.getRow(1).font = { bold: true };
  for (const row of figure.table(lang)) {
    const f = fact(row.fact);
    const added = data.addRow({
      label: row.label,
      raw: row.raw,
      unit: row.unit,
      value: row.value,
      kind: t(lang, `kind.${row.derived ? 'derived' : f.kind}`),
      source: f.source[lang],
      url: f.url ? link(f.url, f.url) : null,
      arithmetic: row.derived ?? f.arithmetic?.[lang] ?? null,
      fact: row.fact,
    });
    if (row.raw !== null) added.getCell('raw').numFmt = numberFormat(row.raw);
  }
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: data.columnCount } };

  const about = wb.addWorksheet(t(lang, 'download.sheet.about'));
  about.columns = [{ width: 22 }, { width: 70 }, { width: 50 }];
  about.addRow([t(lang, 'download.about.title'), title]);
  about.addRow([t(lang, 'download.about.credit'), creditLine(lang)]);
  about.addRow([t(lang, 'download.about.licence'), link(LICENCE.name, LICENCE.url), LICENCE.url]);
  about.addRow([t(lang, 'download.about.story'), link(storyUrl, storyUrl)]);
  const seen = new Set<string>();
  for (const id of figure.sources) {
    const f = fact(id);
    if (seen.has(f.source[lang])) continue;
    seen.add(f.source[lang]);
    const label = f.kind === 'context' ? `${t(lang, 'kind.context')}: ${f.source[lang]}` : f.source[lang];
    about.addRow([seen.size === 1 ? t(lang, 'download.about.sources') : '', label, f.url ? link(f.url, f.url) : '']);
  }
  about.getColumn(1).font = { bold: true };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
