import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { changes, changesFor, parseChange, parseChanges } from '../../src/changes/changes';

const chaptersDir = join(import.meta.dirname, '../../content/chapters');

function chapterFrontmatter(): { file: string; number: number; updated: string }[] {
  return (['de', 'en'] as const).flatMap((lang) =>
    readdirSync(join(chaptersDir, lang))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => {
        const fm = readFileSync(join(chaptersDir, lang, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
        const data = parseYaml(fm) as { number: number; updated: string };
        return { file: `${lang}/${f}`, number: data.number, updated: String(data.updated) };
      }),
  );
}

const good = { id: 'x', date: '2026-12-01', chapter: 2, kind: 'correction', title: { de: 'a', en: 'b' }, text: { de: 'c', en: 'd' } };

describe('parseChange()', () => {
  it('accepts a well-formed entry, also with chapter null for the whole site', () => {
    expect(parseChange(good).id).toBe('x');
    expect(parseChange({ ...good, chapter: null }).chapter).toBeNull();
  });

  it('rejects a bad date, chapter, kind or a missing language, naming the entry', () => {
    expect(() => parseChange({ ...good, date: '1.12.2026' })).toThrow(/"x".*date/);
    expect(() => parseChange({ ...good, date: '2026-13-45' })).toThrow(/"x".*date/);
    expect(() => parseChange({ ...good, chapter: 6 })).toThrow(/"x".*chapter/);
    expect(() => parseChange({ ...good, kind: 'fix' })).toThrow(/"x".*kind/);
    expect(() => parseChange({ ...good, text: { de: 'c' } })).toThrow(/"x".*text/);
  });
});

describe('parseChanges()', () => {
  it('orders newest first and rejects a duplicate id', () => {
    const list = parseChanges([{ ...good, id: 'old', date: '2025-01-01' }, { ...good, id: 'new', date: '2026-01-01' }]);
    expect(list.map((c) => c.id)).toEqual(['new', 'old']);
    expect(() => parseChanges([good, good])).toThrow(/twice/);
  });
});

describe('content/data/changes.json', () => {
  it('lists corrections as well as updates, newest first', () => {
    expect(changes.some((c) => c.kind === 'correction')).toBe(true);
    const dates = changes.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('each chapter’s “last edited” date is the date of its newest change (its own or site-wide)', () => {
    for (const ch of chapterFrontmatter()) {
      const newest = changes.filter((c) => c.chapter === ch.number || c.chapter === null).map((c) => c.date).sort().at(-1);
      expect(ch.updated, ch.file).toBe(newest);
    }
  });

  it('every chapter that gained a since-then step has a dated update entry of its own', () => {
    for (const ch of chapterFrontmatter()) {
      const src = readFileSync(join(chaptersDir, ch.file), 'utf8');
      if (/<Step id="since-(then|2025)"/.test(src)) expect(changesFor(ch.number).some((c) => c.kind === 'update'), ch.file).toBe(true);
    }
  });
});
