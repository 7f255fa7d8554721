import { figure } from '../figures';
import type { Lang } from '../i18n/lang';
import { absolute, chapterPath, homePath, ogImagePath, withBase } from '../i18n/routes';
import { t } from '../i18n/t';
import { citedIn } from './chapter-steps';
import type { Chapter } from './chapters';
import { PUBLISHED } from './dates';
import { siteCardPath } from './page-meta';
import { articleLd, presentationLd, type SiteRef } from './structured-data';

/** Every fact a chapter page links to: prose markers, the figure's sources and table, the teaching box. */
export function citedFacts(entry: Chapter, lang: Lang): string[] {
  const fig = figure(entry.data.figure);
  return [...citedIn(entry.body ?? ''), ...fig.sources, ...fig.table(lang).map((r) => r.fact), ...entry.data.keyNumbers];
}

/** A chapter's dates: first publication (one date for the piece) and last content change. */
export function chapterDates(entry: Chapter): { published: string; modified: string } {
  return { published: PUBLISHED, modified: entry.data.updated };
}

/** The site as structured data sees it, in one language. */
export function siteRef(lang: Lang, site: URL | undefined): SiteRef {
  return { lang, name: t(lang, 'site.name'), home: absolute(homePath(lang), site), logo: absolute(siteCardPath(lang), site) };
}

/** A chapter page's absolute address. */
export function chapterUrl(entry: Chapter, lang: Lang, site: URL | undefined): string {
  return absolute(chapterPath(lang, entry.data.slug), site);
}

/** A chapter's structured data: an Article with image, both dates, language and its page. */
export function chapterLd(entry: Chapter, lang: Lang, site: URL | undefined) {
  const ch = entry.data;
  const url = chapterUrl(entry, lang, site);
  const page = { url, name: ch.title, description: ch.summary, image: absolute(ogImagePath(lang, ch.figure), site) };
  return articleLd(siteRef(lang, site), page, chapterDates(entry), ch.number);
}

/** The classroom mode of a chapter: /de/<kapitel>/vortrag/, /en/<chapter>/present/. */
export const PRESENT_SEGMENT: Record<Lang, string> = { de: 'vortrag', en: 'present' };

/** The path of a chapter's classroom mode. */
export function presentPath(lang: Lang, slug: string): string {
  return withBase(`${lang}/${slug}/${PRESENT_SEGMENT[lang]}/`);
}

/** The chapters just before and after one (by number) among the chapters of its language. */
export function neighbours<T extends { data: { number: number } }>(siblings: readonly T[], number: number): { prev: T | undefined; next: T | undefined } {
  const sorted = [...siblings].sort((a, b) => a.data.number - b.data.number);
  return { prev: sorted.filter((c) => c.data.number < number).at(-1), next: sorted.find((c) => c.data.number > number) };
}

/** A chapter's classroom page: its path, title, description and structured data (based on the chapter's Article). */
export function presentMeta(entry: Chapter, lang: Lang, site: URL | undefined) {
  const ch = entry.data;
  const path = presentPath(lang, ch.slug);
  const title = t(lang, 'present.title', { title: ch.short });
  const description = t(lang, 'present.description', { n: ch.number });
  const page = { url: absolute(path, site), name: title, description, image: absolute(siteCardPath(lang), site) };
  return { path, title, description, jsonLd: presentationLd(siteRef(lang, site), page, chapterUrl(entry, lang, site)) };
}
