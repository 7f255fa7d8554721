import { fact } from '../data/facts';
import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/t';

/**
 * The figure's sources as the page's source line names them: one entry per
 * distinct source text, in the figure's order, context facts labelled as context.
 */
export function figureSources(figure: FigureModule, lang: Lang): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of figure.sources) {
    const f = fact(id);
    const text = f.source[lang];
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(f.kind === 'context' ? `${t(lang, 'kind.context')}: ${text}` : text);
  }
  return out;
}

/** "Quelle: …" / "Quellen: … · …" (credit.source / credit.sources). */
export function sourceLine(figure: FigureModule, lang: Lang): string {
  const list = figureSources(figure, lang);
  return t(lang, list.length > 1 ? 'credit.sources' : 'credit.source', { sources: list.join(' · ') });
}

/** "Grafik: <site>, CC BY 4.0" (credit.graphic). */
export function creditLine(lang: Lang): string {
  return t(lang, 'credit.graphic', { site: t(lang, 'site.name') });
}

/** The licence of text and graphics. */
export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;
