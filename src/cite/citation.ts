import type { Lang } from '../i18n/lang';
import { LOCALE } from '../i18n/lang';

/** What a citation needs: the page, the site as author and publisher, and the date of the content. */
export interface CiteInput {
  lang: Lang;
  title: string;
  site: string;
  url: string;
  /** ISO date (YYYY-MM-DD) of the last content change. */
  date: string;
  /** A stable key for BibTeX. */
  key: string;
}

/**
 * apa(): a suggested citation in APA style (7th ed.) for a web page whose author is
 * the site itself: Author. (Year, Month Day). Title. URL
 */
export function apa(c: CiteInput): string {
  const d = new Date(`${c.date}T00:00:00Z`);
  const year = d.getUTCFullYear();
  const month = new Intl.DateTimeFormat(LOCALE[c.lang], { month: 'long', timeZone: 'UTC' }).format(d);
  const day = d.getUTCDate();
  // German APA practice writes "(2026, 25. November)"; English "(2026, November 25)".
  const when = c.lang === 'de' ? `${year}, ${day}. ${month}` : `${year}, ${month} ${day}`;
  return `${c.site}. (${when}). ${c.title}. ${c.url}`;
}

/** Escapes BibTeX's special characters in a field value. */
function tex(value: string): string {
  return value.replace(/([{}%&#_$])/g, '\\$1');
}

/** bibtex(): an @online entry (biblatex), with the language and the licence. */
export function bibtex(c: CiteInput): string {
  const [year = '', month = ''] = c.date.split('-');
  return [
    `@online{${c.key},`,
    `  author = {{${tex(c.site)}}},`,
    `  title = {${tex(c.title)}},`,
    `  year = {${year}},`,
    `  month = {${Number(month)}},`,
    `  date = {${c.date}},`,
    `  url = {${c.url}},`,
    `  langid = {${c.lang === 'de' ? 'german' : 'english'}},`,
    `  note = {CC BY 4.0},`,
    `}`,
  ].join('\n');
}
