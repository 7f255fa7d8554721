import type { Lang } from '../i18n/lang';
import { homePath, pagePath, withBase } from '../i18n/routes';

/** The site card's path: /og/<lang>/site.png (built by src/pages/og/[lang]/site.png.ts). */
export function siteCardPath(lang: Lang): string {
  return withBase(`og/${lang}/site.png`);
}

/** What search results show of a title, and what html-validate's long-title rule allows. */
export const TITLE_MAX = 70;

/**
 * The one title rule: "<page> · <site>" on every page, the landing page (whose title
 * is the site's name) being just the site's name. Where that passes TITLE_MAX, the
 * page part is cut at a word and ends in "…": the site's name is always there, and
 * the full title stays in the page's h1, og:title and citation_title.
 */
export function pageTitle(title: string, site: string): string {
  if (title === site) return site;
  const tail = ` · ${site}`;
  if (title.length + tail.length <= TITLE_MAX) return `${title}${tail}`;
  const room = TITLE_MAX - tail.length - 1;
  const cut = title.slice(0, room + 1);
  const atWord = cut.lastIndexOf(' ') > 0 ? cut.slice(0, cut.lastIndexOf(' ')) : title.slice(0, room);
  return `${atWord.replace(/[\s,;:–-]+$/, '')}…${tail}`;
}

/** What a page is, for its structured data (chapters and classroom pages say so themselves). */
export type PageKind = 'home' | 'sources' | 'glossary' | 'other';

/** The kind of a page from its path (base included). */
export function pageKind(lang: Lang, path: string): PageKind {
  if (path === homePath(lang) || path === withBase(`${lang}/`)) return 'home';
  if (path === pagePath(lang, 'sources')) return 'sources';
  if (path === pagePath(lang, 'glossary')) return 'glossary';
  return 'other';
}

/** An ISO date as Highwire wants it: YYYY/MM/DD. */
export function highwireDate(iso: string): string {
  return iso.replace(/-/g, '/');
}
