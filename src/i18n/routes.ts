import type { Lang } from './lang';

/** The base path the site is served under, always ending in "/" ("/" or "/sub/path/"). */
export const BASE = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/`;

/** Joins a site-relative path onto the base: withBase("en/the-rush/") → "/en/the-rush/". */
export function withBase(path: string): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

/** The landing page of a language: German lives at the root, English at /en/. */
export function homePath(lang: Lang): string {
  return lang === 'de' ? BASE : withBase('en/');
}

/** A chapter's path: /<lang>/<slug>/. */
export function chapterPath(lang: Lang, slug: string): string {
  return withBase(`${lang}/${slug}/`);
}

/** An absolute URL on the deployed site (canonical, hreflang), from a path that already includes the base. */
export function absolute(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** The language of a built page, from its path ("/en/…" after the base is English). */
export function langOfPath(pathname: string): Lang {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
  return rest.startsWith('en/') || rest === 'en' ? 'en' : 'de';
}

/** File kinds a figure can be downloaded as. */
export type DownloadKind = 'svg' | 'png' | 'csv' | 'json' | 'xlsx';

/** A figure's download: /downloads/<lang>/<figure>.<ext> (built statically, see src/pages/downloads). */
export function downloadPath(lang: Lang, figure: string, kind: DownloadKind): string {
  return withBase(`downloads/${lang}/${figure}.${kind}`);
}

/** One state's picture: /downloads/<lang>/<figure>/<state>.<svg|png> (the summary also lives at downloadPath()). */
export function stateDownloadPath(lang: Lang, figure: string, state: string, kind: 'svg' | 'png'): string {
  return withBase(`downloads/${lang}/${figure}/${state}.${kind}`);
}

/** A figure's 1200×630 social preview image: /og/<lang>/<figure>.png. */
export function ogImagePath(lang: Lang, figure: string): string {
  return withBase(`og/${lang}/${figure}.png`);
}

/** The bare figure for an iframe: /embed/<lang>/<figure>/. */
export function embedPath(lang: Lang, figure: string): string {
  return withBase(`embed/${lang}/${figure}/`);
}

/** One state of the figure for an iframe, complete without JavaScript: /embed/<lang>/<figure>/<state>/. */
export function embedStatePath(lang: Lang, figure: string, state: string): string {
  return withBase(`embed/${lang}/${figure}/${state}/`);
}

/** The static oEmbed document of a figure: /oembed/<lang>/<figure>.json. */
export function oembedPath(lang: Lang, figure: string): string {
  return withBase(`oembed/${lang}/${figure}.json`);
}

/** Pages that exist once per language, with their localized slugs. */
const PAGE_SLUGS = {
  sources: { de: 'quellen', en: 'sources' },
  glossary: { de: 'glossar', en: 'glossary' },
  changes: { de: 'aenderungen', en: 'changes' },
} as const;

/** The sources page (/de/quellen/, /en/sources/), the glossary (/de/glossar/, /en/glossary/) or the list of changes (/de/aenderungen/, /en/changes/). */
export function pagePath(lang: Lang, page: keyof typeof PAGE_SLUGS): string {
  return withBase(`${lang}/${PAGE_SLUGS[page][lang]}/`);
}

/** The Atom feed of the changes page: /de/aenderungen/feed.xml, /en/changes/feed.xml. */
export function changesFeedPath(lang: Lang): string {
  return `${pagePath(lang, 'changes')}feed.xml`;
}
