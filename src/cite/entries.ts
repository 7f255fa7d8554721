import { chaptersIn, type Chapter } from '../content/chapters';
import type { Lang } from '../i18n/lang';
import { absolute, chapterPath, homePath, withBase } from '../i18n/routes';
import { t } from '../i18n/t';
import type { CiteInput } from './citation';

/** The downloadable citation formats: RIS and CSL-JSON, and BibTeX beside them. */
export const CITE_FORMATS = ['ris', 'json', 'bib'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

/** Content types the files are served with (also written into the download links). */
export const CITE_TYPES: Record<CiteFormat, string> = {
  ris: 'application/x-research-info-systems',
  json: 'application/vnd.citationstyles.csl+json',
  bib: 'application/x-bibtex',
};

/** The name of the whole piece's citation file: /cite/<lang>/<PIECE>.<ext>. */
export const PIECE = 'ghibli-gpus';

/** A citation file: /cite/<lang>/<chapter slug or PIECE>.<ris|json|bib>. */
export function citePath(lang: Lang, name: string, format: CiteFormat): string {
  return withBase(`cite/${lang}/${name}.${format}`);
}

/** The BibTeX/CSL key of a page: ghibli-gpus-<lang>-<name>. */
export function citeKey(lang: Lang, name: string): string {
  return `${PIECE}-${lang}-${name}`;
}

/** Today as YYYY-MM-DD (UTC): the retrieval date a citation built now carries. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The citation of one chapter. */
export function chapterCitation(entry: Chapter, lang: Lang, site: URL | undefined, retrieved = today()): CiteInput {
  const ch = entry.data;
  return {
    lang,
    title: ch.title,
    site: t(lang, 'site.name'),
    url: absolute(chapterPath(lang, ch.slug), site),
    date: ch.updated,
    retrieved,
    key: citeKey(lang, ch.slug),
    summary: ch.summary,
  };
}

/** The citation of the whole piece: its landing page, dated by its latest chapter. */
export async function pieceCitation(lang: Lang, site: URL | undefined, retrieved = today()): Promise<CiteInput> {
  const chapters = await chaptersIn(lang);
  const date = chapters.map((c) => c.data.updated).sort().at(-1) ?? '';
  return {
    lang,
    title: t(lang, 'site.name'),
    site: t(lang, 'site.name'),
    url: absolute(homePath(lang), site),
    date,
    retrieved,
    key: citeKey(lang, PIECE),
    summary: t(lang, 'site.description'),
  };
}
