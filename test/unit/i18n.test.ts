import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '../../src/i18n/de.json';
import en from '../../src/i18n/en.json';
import { fill, formatChange, formatDate, formatNumber, formatPercent } from '../../src/i18n/format';
import { isLang, twinLang } from '../../src/i18n/lang';
import { t } from '../../src/i18n/t';

const figuresDir = join(import.meta.dirname, '../../src/figures');

describe('UI strings', () => {
  it('de.json and en.json have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('no UI string is empty, and placeholders match across languages', () => {
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect(de[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(en[key]), key).toEqual(ph(de[key]));
    }
  });

  it('every figure folder has German and English strings with the same keys and placeholders', () => {
    const folders = readdirSync(figuresDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.length).toBeGreaterThan(0);
    for (const dir of folders) {
      const p = (lang: string) => join(figuresDir, dir.name, `strings.${lang}.json`);
      if (!existsSync(p('de'))) continue;
      const sde = JSON.parse(readFileSync(p('de'), 'utf8')) as Record<string, string>;
      const sen = JSON.parse(readFileSync(p('en'), 'utf8')) as Record<string, string>;
      expect(Object.keys(sen).sort(), dir.name).toEqual(Object.keys(sde).sort());
      for (const key of Object.keys(sde)) {
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(ph(sen[key] ?? ''), `${dir.name}:${key}`).toEqual(ph(sde[key] ?? ''));
      }
    }
  });

  it('t() fills placeholders in the requested language', () => {
    expect(t('de', 'chapter.label', { n: 3, total: 5 })).toBe('Kapitel 3 von 5');
    expect(t('en', 'chapter.label', { n: 3, total: 5 })).toBe('Chapter 3 of 5');
  });
});

describe('format', () => {
  it('formatNumber() groups thousands per locale', () => {
    expect(formatNumber('de', 1_000_000)).toBe('1.000.000');
    expect(formatNumber('en', 1_000_000)).toBe('1,000,000');
  });

  it('formatNumber() uses the locale decimal mark and the requested digits', () => {
    expect(formatNumber('de', 1_000_000 / 432_000, 1)).toBe('2,3');
    expect(formatNumber('en', 1_000_000 / 432_000, 1)).toBe('2.3');
    expect(formatNumber('de', 277.78, 0)).toBe('278');
  });

  it('formatChange() signs the change; German puts a no-break space before %', () => {
    expect(formatChange('de', 11)).toBe('+11\u00a0%');
    expect(formatChange('en', 11)).toBe('+11%');
    expect(formatChange('en', -5)).toBe('-5%');
  });

  it('formatPercent() formats axis ticks without a sign', () => {
    expect(formatPercent('de', 10)).toBe('10\u00a0%');
    expect(formatPercent('en', 0)).toBe('0%');
  });

  it('formatDate() writes dates the way each language does', () => {
    expect(formatDate('de', '2025-03-31')).toBe('31. März 2025');
    expect(formatDate('en', '2025-03-31')).toBe('31 March 2025');
  });

  it('fill() replaces known placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} gegen {b}', { a: '2,3', b: 278 })).toBe('2,3 gegen 278');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});

describe('lang', () => {
  it('isLang() accepts only de and en', () => {
    expect(isLang('de')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang('<img>')).toBe(false);
  });
  it('twinLang() swaps the language', () => {
    expect(twinLang('de')).toBe('en');
    expect(twinLang('en')).toBe('de');
  });
});
