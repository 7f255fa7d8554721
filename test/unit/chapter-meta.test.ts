import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import facts from '../../content/data/facts.json';
import { chapterLd, chapterUrl, citedFacts, neighbours, presentMeta } from '../../src/content/chapter-meta';
import type { Chapter } from '../../src/content/chapters';

// What the chapter routes ([slug].astro, [slug]/[mode].astro) take from src/content/, on the real chapters.
const root = join(import.meta.dirname, '../../content/chapters');
const site = new URL('https://example.org/');

/** A chapter file as the content collection hands it over: id, frontmatter as data, MDX body. */
function entry(lang: 'de' | 'en', file: string): Chapter {
  const text = readFileSync(join(root, lang, file), 'utf8');
  const end = text.indexOf('\n---', 4);
  return { id: `${lang}/${file.replace(/\.mdx$/, '')}`, data: parse(text.slice(4, end)), body: text.slice(end + 4) } as unknown as Chapter;
}

const de = readdirSync(join(root, 'de')).sort().map((f) => entry('de', f));
const en = readdirSync(join(root, 'en')).sort().map((f) => entry('en', f));
const first = de[0] as Chapter;

describe('chapterLd()', () => {
  it('makes the chapter an Article of its page, in its language, with both dates and its place', () => {
    const ld = chapterLd(first, 'de', site);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      '@id': 'https://example.org/de/ghibli-welle/#article',
      url: 'https://example.org/de/ghibli-welle/',
      headline: first.data.title,
      inLanguage: 'de-DE',
      datePublished: '2026-11-25',
      dateModified: first.data.updated,
      position: 1,
      image: ['https://example.org/og/de/value-chain.png'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.org/de/ghibli-welle/' },
    });
  });

  it('gives every chapter of both languages its own @id at its own address', () => {
    const ids = [...de.map((c) => chapterLd(c, 'de', site)), ...en.map((c) => chapterLd(c, 'en', site))].map((ld) => ld['@id']);
    expect(new Set(ids).size).toBe(de.length + en.length);
    for (const c of en) expect(chapterLd(c, 'en', site)['@id']).toBe(`${chapterUrl(c, 'en', site)}#article`);
    expect(chapterUrl(en[0] as Chapter, 'en', site)).toBe('https://example.org/en/ghibli-wave/');
  });
});

describe('presentMeta()', () => {
  it('names the classroom page in each language and bases it on the chapter Article', () => {
    const m = presentMeta(first, 'de', site);
    expect(m.path).toBe('/de/ghibli-welle/vortrag/');
    expect(m.title).toBe(`Vortrag: ${first.data.short}`);
    expect(m.jsonLd['@type']).toBe('PresentationDigitalDocument');
    expect(m.jsonLd.url).toBe('https://example.org/de/ghibli-welle/vortrag/');
    expect(m.jsonLd.isBasedOn['@id']).toBe(chapterLd(first, 'de', site)['@id']);
    const e = presentMeta(en[0] as Chapter, 'en', site);
    expect(e.path).toBe('/en/ghibli-wave/present/');
    expect(e.description).toMatch(/^Chapter 1 /);
  });
});

describe('neighbours()', () => {
  const byNumber = [...de].reverse();

  it('finds the chapters before and after by number, whatever the order given', () => {
    expect(neighbours(byNumber, 1).prev).toBeUndefined();
    expect(neighbours(byNumber, 1).next?.data.number).toBe(2);
    expect(neighbours(byNumber, 3).prev?.data.number).toBe(2);
    expect(neighbours(byNumber, 3).next?.data.number).toBe(4);
    expect(neighbours(byNumber, de.length).next).toBeUndefined();
  });
});

describe('citedFacts()', () => {
  const known = new Set(facts.facts.map((f) => f.id));

  it('holds the prose markers, the key numbers and nothing that is not a fact', () => {
    for (const [lang, chapters] of [['de', de], ['en', en]] as const) {
      for (const c of chapters) {
        const cited = citedFacts(c, lang);
        const markers = [...(c.body ?? '').matchAll(/<Src id="([^"]+)"/g)].map((m) => m[1]);
        expect(cited).toEqual(expect.arrayContaining([...markers, ...c.data.keyNumbers]));
        expect(cited.filter((id) => !known.has(id)), c.id).toEqual([]);
      }
    }
  });
});
