import { fact, type FactKind } from '../data/facts';
import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { absolute, embedPath } from '../i18n/routes';
import { creditLine, figureSources, LICENCE } from './sources';

/** One data point of the JSON download. */
export interface JsonDataPoint {
  fact: string;
  label: string;
  value: string;
  raw: number | null;
  unit: string;
  kind: FactKind;
  source: string;
  /** The source's page, when someone has seen that exact page. */
  sourceUrl?: string;
  /** How a derived number was calculated, when it was. */
  arithmetic?: string;
}

/** The JSON download of a figure. */
export interface FigureJson {
  title: string;
  figure: string;
  language: Lang;
  /** Distinct sources, as the figure's source line names them. */
  source: string[];
  credit: string;
  licence: string;
  licenceUrl: string;
  /** The figure's embed page (absolute when the site's origin is known). */
  url: string;
  units: string[];
  data: JsonDataPoint[];
}

/**
 * The figure's data with its sources, credit and licence. `site` is the public
 * origin (astro.config `site`, i.e. import.meta.env.SITE at build time).
 */
export function figureJson(figure: FigureModule, lang: Lang, site: string | undefined = import.meta.env.SITE): FigureJson {
  const rows = figure.table(lang);
  return {
    title: figure.title(lang),
    figure: figure.id,
    language: lang,
    source: figureSources(figure, lang),
    credit: creditLine(lang),
    licence: LICENCE.name,
    licenceUrl: LICENCE.url,
    url: absolute(embedPath(lang, figure.id), site ? new URL(site) : undefined),
    units: [...new Set(rows.map((r) => r.unit))],
    data: rows.map((row) => {
      const f = fact(row.fact);
      const arithmetic = row.derived ?? f.arithmetic?.[lang];
      return {
        fact: row.fact,
        label: row.label,
        value: row.value,
        raw: row.raw,
        unit: row.unit,
        kind: row.derived ? 'derived' : f.kind,
        source: f.source[lang],
        ...(f.url ? { sourceUrl: f.url } : {}),
        ...(arithmetic ? { arithmetic } : {}),
      };
    }),
  };
}

/** The JSON download as text (two-space indent, final newline). */
export function figureJsonText(figure: FigureModule, lang: Lang, site?: string): string {
  return `${JSON.stringify(figureJson(figure, lang, site ?? import.meta.env.SITE), null, 2)}\n`;
}
