import de from './de.json';
import en from './en.json';
import { fill } from './format';
import type { Lang } from './lang';

/** Every UI string key; German is the reference, so a key missing in English is a type error below. */
export type UiKey = keyof typeof de;

/**
 * Pairs a reference dictionary with its translations. The type parameter makes a
 * translation that lacks a key fail `astro check`; the unit tests also catch extra keys.
 */
export function defineStrings<K extends string>(
  reference: Record<K, string>,
  others: Record<Exclude<Lang, 'de'>, Record<K, string>>,
): Record<Lang, Record<K, string>> {
  return { de: reference, ...others };
}

export const ui = defineStrings<UiKey>(de, { en });

/** Looks up a UI string in the given language and fills its {placeholders}. */
export function t(lang: Lang, key: UiKey, params?: Record<string, string | number>): string {
  return fill(ui[lang][key], params);
}
