/** The languages the site is written in; German is the default. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'de';

/** BCP 47 locale used for Intl formatting, per language. */
export const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** The locale as Open Graph writes it (og:locale): language_TERRITORY. */
export const OG_LOCALE: Record<Lang, string> = { de: 'de_DE', en: 'en_GB' };

/** Each language's name in itself, for choosers that list the languages. */
export const LANG_NAME: Record<Lang, string> = { de: 'Deutsch', en: 'English' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The other language, for the language switch. */
export function twinLang(lang: Lang): Lang {
  return lang === 'de' ? 'en' : 'de';
}
