/** The languages the site is written in; German is the default. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'de';

/** BCP 47 locale used for Intl formatting, per language. */
export const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The other language, for the language switch. */
export function twinLang(lang: Lang): Lang {
  return lang === 'de' ? 'en' : 'de';
}
