import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary, parseGlossary } from '../../src/glossary/glossary';
import { LANGS } from '../../src/i18n/lang';

const chaptersDir = join(import.meta.dirname, '../../content/chapters');

describe('glossary', () => {
  it('has the same term ids in German and English', () => {
    expect(glossary.en.map((g) => g.id).sort()).toEqual(glossary.de.map((g) => g.id).sort());
  });

  it('covers the terms students trip over', () => {
    const ids = glossary.de.map((g) => g.id);
    for (const id of ['gpu', 'cpu', 'inference', 'training', 'cloud', 'valuation', 'post-money', 'cuda', 'rate-limit', 'right-of-first-refusal']) {
      expect(ids, id).toContain(id);
    }
  });

  it('parseGlossary() rejects a duplicate id, naming the file', () => {
    const dup = { terms: [{ id: 'x', term: 'X', definition: 'A long enough definition.' }, { id: 'x', term: 'X', definition: 'A long enough definition.' }] };
    expect(() => parseGlossary('de', dup)).toThrow(/glossary\/de\.json.*twice/);
  });

  for (const lang of LANGS) {
    const files = readdirSync(join(chaptersDir, lang)).filter((f) => f.endsWith('.mdx'));
    const used = new Map<string, number>();
    for (const file of files) {
      const body = readFileSync(join(chaptersDir, lang, file), 'utf8');
      const ids = [...body.matchAll(/<Term id="([^"]+)">/g)].map((m) => m[1] ?? '');
      it(`${lang}/${file}: marks each term once at most, and only known terms`, () => {
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(glossary[lang].map((g) => g.id), id).toContain(id);
      });
      for (const id of ids) used.set(id, (used.get(id) ?? 0) + 1);
    }
    it(`${lang}: every glossary term is used in at least one chapter`, () => {
      for (const g of glossary[lang]) expect(used.has(g.id), g.id).toBe(true);
    });
  }
});
