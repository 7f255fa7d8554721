import { LOCALE, type Lang } from './lang';

/**
 * Formats a plain number for the language: 1.000.000 in German, 1,000,000 in English.
 * `digits` fixes the number of fraction digits (default: up to 1, as written in the prose).
 */
export function formatNumber(lang: Lang, value: number, digits?: number): string {
  const opts: Intl.NumberFormatOptions =
    digits === undefined
      ? { maximumFractionDigits: 1 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(LOCALE[lang], opts).format(value);
}

/**
 * Formats a change in percent with its sign: "+11 %" in German, "+11%" in English.
 * `points` is the percentage itself (11 for +11 %).
 */
export function formatChange(lang: Lang, points: number): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'percent',
    signDisplay: 'always',
    maximumFractionDigits: 1,
  }).format(points / 100);
}

/** Formats a percentage without sign (axis ticks): "10 %" / "10%". */
export function formatPercent(lang: Lang, points: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(
    points / 100,
  );
}

/** Formats a calendar date in the language's long style: "31. März 2025" / "31 March 2025". */
export function formatDate(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Replaces {name} placeholders in a UI string with the given, already formatted, values. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
