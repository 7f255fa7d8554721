import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { LOCALE } from '../i18n/lang';

/**
 * Citations of one page (a chapter, the sources page, the whole piece) in the formats
 * teachers and reference managers use: APA and BibTeX to copy, RIS and CSL-JSON to
 * download. Pure: every date comes in as ISO YYYY-MM-DD.
 *
 * The site is the author. Its name contains a comma ("Ghibli, GPUs und Milliarden"),
 * which every personal-name parser (RIS readers, Zotero, citation-js) splits into a
 * family and a given name; so the name is written as an organization wherever a
 * format can say so (BibTeX's double braces, CSL's `literal`) and as publisher and
 * website title where it cannot (RIS).
 */
export interface CiteInput {
  lang: Lang;
  title: string;
  /** The site's name: author, publisher and website title. */
  site: string;
  url: string;
  /** The date of the version cited: the last content change. */
  date: string;
  /** The day the reader retrieved the page (APA "Abgerufen am", BibTeX urldate, RIS Y2). */
  retrieved: string;
  /** A stable key for BibTeX and CSL-JSON. */
  key: string;
  /** A one- or two-sentence summary (RIS AB, CSL abstract). */
  summary?: string;
}

/** The licence every citation names. */
export const LICENCE_NAME = 'CC BY 4.0';

const LANGUAGE_NAME: Record<Lang, string> = { de: 'german', en: 'english' };

function dateParts(iso: string): [number, number, number] {
  const [y = 0, m = 0, d = 0] = iso.split('-').map(Number);
  return [y, m, d];
}

/**
 * apa(): a suggested citation in APA style (7th ed.) for a web page whose author is
 * the site, with a retrieval date because the page may change:
 * Author. (Year, Month Day). Title. Retrieved Month Day, Year, from URL
 */
export function apa(c: CiteInput): string {
  const [year, , day] = dateParts(c.date);
  const month = new Intl.DateTimeFormat(LOCALE[c.lang], { month: 'long', timeZone: 'UTC' }).format(new Date(`${c.date}T00:00:00Z`));
  // German APA practice writes "(2026, 25. November)" and "Abgerufen am 1. Dezember 2026, von";
  // English "(2026, November 25)" and "Retrieved December 1, 2026, from".
  if (c.lang === 'de') return `${c.site}. (${year}, ${day}. ${month}). ${c.title}. Abgerufen am ${formatDate('de', c.retrieved)}, von ${c.url}`;
  const retrieved = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${c.retrieved}T00:00:00Z`));
  return `${c.site}. (${year}, ${month} ${day}). ${c.title}. Retrieved ${retrieved}, from ${c.url}`;
}

/** Escapes BibTeX's special characters in a field value. */
function tex(value: string): string {
  return value.replace(/([{}%&#_$])/g, '\\$1');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * bibtex(): an @online entry for biblatex (date, urldate, langid), followed by a
 * @misc twin for classic BibTeX styles, which do not know @online or urldate: there
 * the address goes in howpublished and the retrieval date in the note.
 */
export function bibtex(c: CiteInput): string {
  const [year, month] = dateParts(c.date);
  const author = `{${tex(c.site)}}`;
  const title = `{${tex(c.title)}}`;
  const online = [
    `@online{${c.key},`,
    `  author = {${author}},`,
    `  title = {${title}},`,
    `  organization = {${tex(c.site)}},`,
    `  date = {${c.date}},`,
    `  year = {${year}},`,
    `  month = {${month}},`,
    `  url = {${c.url}},`,
    `  urldate = {${c.retrieved}},`,
    `  langid = {${LANGUAGE_NAME[c.lang]}},`,
    `  language = {${LANGUAGE_NAME[c.lang]}},`,
    `  note = {${LICENCE_NAME}},`,
    `}`,
  ];
  const accessed = c.lang === 'de' ? `Abgerufen am ${formatDate('de', c.retrieved)}` : `Accessed ${formatDate('en', c.retrieved)}`;
  const misc = [
    `@misc{${c.key}-misc,`,
    `  author = {${author}},`,
    `  title = {${title}},`,
    `  year = {${year}},`,
    `  month = ${MONTHS[month - 1] ?? 'jan'},`,
    `  howpublished = {\\url{${c.url}}},`,
    `  language = {${LANGUAGE_NAME[c.lang]}},`,
    `  note = {${tex(accessed)}. ${LICENCE_NAME}},`,
    `}`,
  ];
  return `${online.join('\n')}\n\n${misc.join('\n')}`;
}

/** One RIS record (TY ELEC, a web page). Lines are "XX  - value"; the record ends with "ER  - ". */
function risRecord(c: CiteInput): string[] {
  const slash = (iso: string) => `${iso.replace(/-/g, '/')}/`;
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
  return [
    line('TY', 'ELEC'),
    line('TI', c.title),
    line('T2', c.site),
    line('PB', c.site),
    line('PY', String(dateParts(c.date)[0])),
    line('DA', slash(c.date)),
    line('Y2', slash(c.retrieved)),
    line('UR', c.url),
    line('LA', LOCALE[c.lang]),
    ...(c.summary ? [line('AB', c.summary)] : []),
    line('N1', LICENCE_NAME),
    line('ID', c.key),
    'ER  - ',
  ];
}

/** ris(): a RIS file of one or more records (a chapter; the piece followed by its chapters). */
export function ris(items: readonly CiteInput[]): string {
  return `${items.map((c) => risRecord(c).join('\r\n')).join('\r\n\r\n')}\r\n`;
}

/** One CSL-JSON item of type webpage. */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author: { literal: string }[];
  'container-title': string;
  publisher: string;
  issued: { 'date-parts': [[number, number, number]] };
  accessed: { 'date-parts': [[number, number, number]] };
  URL: string;
  language: string;
  abstract?: string;
  license: string;
}

/** cslItem(): the page as a CSL-JSON item (what citeproc, Zotero and pandoc read). */
export function cslItem(c: CiteInput): CslItem {
  return {
    id: c.key,
    type: 'webpage',
    title: c.title,
    author: [{ literal: c.site }],
    'container-title': c.site,
    publisher: c.site,
    issued: { 'date-parts': [dateParts(c.date)] },
    accessed: { 'date-parts': [dateParts(c.retrieved)] },
    URL: c.url,
    language: LOCALE[c.lang],
    ...(c.summary ? { abstract: c.summary } : {}),
    license: LICENCE_NAME,
  };
}

/** cslJson(): a CSL-JSON file (an array of items), pretty-printed. */
export function cslJson(items: readonly CiteInput[]): string {
  return `${JSON.stringify(items.map(cslItem), null, 2)}\n`;
}
