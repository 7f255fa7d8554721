import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it, vi } from 'vitest';
import { apa, bibtex, cslJson, ris, type CiteInput } from '../../src/cite/citation';
import { readingMinutes, wordCount } from '../../src/content/reading-time';

// citation-js compiles its CSL styles on first use: seconds on a loaded machine, so these
// parser round trips get more than vitest's default 5 s (a correctness test, not a timing one).
vi.setConfig({ testTimeout: 30_000 });

const base = {
  title: 'Eine Million in einer Stunde',
  site: 'Ghibli, GPUs und Milliarden',
  url: 'https://example.org/de/der-ansturm/',
  date: '2026-11-25',
  retrieved: '2026-12-01',
  key: 'gg-de-rush',
  summary: 'ChatGPT gewann in einer Stunde eine Million Nutzer.',
};
const de: CiteInput = { ...base, lang: 'de' };
const en: CiteInput = { ...base, lang: 'en', title: 'A million in one hour', site: 'Ghibli, GPUs and billions', url: 'https://example.org/en/the-rush/' };

/** What citation-js reads from a text, as CSL-JSON items. */
async function read(text: string): Promise<Record<string, unknown>[]> {
  return (await Cite.async(text)).data as Record<string, unknown>[];
}

describe('apa()', () => {
  it('writes author, date, title, German retrieval date and URL in APA order for German', () => {
    expect(apa(de)).toBe('Ghibli, GPUs und Milliarden. (2026, 25. November). Eine Million in einer Stunde. Abgerufen am 1. Dezember 2026, von https://example.org/de/der-ansturm/');
  });
  it('uses the English date order and “Retrieved … from” for English', () => {
    expect(apa(en)).toBe('Ghibli, GPUs and billions. (2026, November 25). A million in one hour. Retrieved December 1, 2026, from https://example.org/en/the-rush/');
  });
});

describe('bibtex()', () => {
  it('is an @online entry and a @misc twin that a BibTeX parser reads without errors', () => {
    const lib = parseBibtex(bibtex(de));
    expect(lib.errors).toEqual([]);
    expect(lib.entries.map((e) => [e.type, e.key])).toEqual([
      ['online', 'gg-de-rush'],
      ['misc', 'gg-de-rush-misc'],
    ]);
    const [online, misc] = lib.entries;
    // The site stays one organization, not "family: Ghibli, given: GPUs und Milliarden".
    expect(online?.fields['author']).toEqual([{ name: 'Ghibli, GPUs und Milliarden' }]);
    expect(online?.fields).toMatchObject({ title: 'Eine Million in einer Stunde', date: '2026-11-25', url: base.url, urldate: '2026-12-01', langid: 'german', language: 'german' });
    expect(misc?.fields['author']).toEqual([{ name: 'Ghibli, GPUs und Milliarden' }]);
    expect(misc?.fields).toMatchObject({ year: '2026', month: '11', language: 'german' });
    expect(String(misc?.fields['howpublished'])).toContain(base.url);
    expect(String(misc?.fields['note'])).toContain('Abgerufen am 1. Dezember 2026');
  });

  it('citation-js reads the same dates, address and language from it', async () => {
    const [online, misc] = await read(bibtex(en));
    expect(online).toMatchObject({ type: 'webpage', title: 'A million in one hour', URL: en.url, language: 'english' });
    expect(online?.['issued']).toEqual({ 'date-parts': [[2026, 11, 25]] });
    expect(online?.['accessed']).toEqual({ 'date-parts': [[2026, 12, 1]] });
    expect(online?.['author']).toEqual([{ family: 'Ghibli, GPUs and billions' }]);
    expect(misc).toMatchObject({ title: 'A million in one hour', URL: en.url });
    expect(String(misc?.['note'])).toContain('Accessed 1 December 2026');
  });

  it('escapes characters TeX treats as commands', () => {
    const b = bibtex({ ...en, title: 'R&D: 100% & more_#1' });
    expect(b).toContain('title = {{R\\&D: 100\\% \\& more\\_\\#1}}');
    expect(parseBibtex(b).entries[0]?.fields['title']).toBe('R&D: 100% & more_#1');
  });
});

describe('ris()', () => {
  it('writes records citation-js reads as web pages with title, date, address, language and publisher', async () => {
    const items = await read(ris([de, en]));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ type: 'webpage', title: de.title, URL: de.url, language: 'de-DE', publisher: de.site });
    expect(items[0]?.['issued']).toEqual({ 'date-parts': [[2026, 11, 25]] });
    expect(items[1]).toMatchObject({ title: en.title, URL: en.url, language: 'en-GB' });
  });

  it('carries the retrieval date as Y2 and ends every record with ER', () => {
    const text = ris([de, en]);
    expect(text.match(/^Y2 {2}- 2026\/12\/01\/\r$/gm)).toHaveLength(2);
    expect(text.match(/^ER {2}- \r$/gm)).toHaveLength(2);
    expect(text.match(/^TY {2}- ELEC\r$/gm)).toHaveLength(2);
  });

  it('negative control: a record without its TY line is not read as one', async () => {
    const broken = ris([de]).replace(/^TY {2}- ELEC\r\n/m, '');
    await expect(read(broken).then((items) => items.filter((i) => i['title'] === de.title))).rejects.toThrow();
  });
});

describe('cslJson()', () => {
  it('is CSL-JSON citation-js reads and formats as an APA reference with the site as author', async () => {
    const text = cslJson([de]);
    const items = await read(text);
    expect(items[0]).toMatchObject({ id: 'gg-de-rush', type: 'webpage', title: de.title, URL: de.url, language: 'de-DE', 'container-title': de.site });
    expect(items[0]?.['author']).toEqual([{ literal: 'Ghibli, GPUs und Milliarden' }]);
    expect(items[0]?.['accessed']).toEqual({ 'date-parts': [[2026, 12, 1]] });
    const reference = (await Cite.async(text)).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(reference).toContain('Ghibli, GPUs und Milliarden. (2026, November 25).');
    expect(reference).toContain(de.url);
  });
});

describe('reading time', () => {
  it('wordCount() counts words, not tags or markup', () => {
    expect(wordCount('<Step id="x">\n### Zwei Wörter\n</Step> <Src id="a" />')).toBe(2);
  });
  it('readingMinutes() rounds to whole minutes, at least one', () => {
    expect(readingMinutes('Wort '.repeat(10))).toBe(1);
    expect(readingMinutes('Wort '.repeat(900))).toBe(5);
  });
});
