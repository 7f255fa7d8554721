import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fact, facts, parseFact } from '../../src/data/facts';

/** ../shared/facts.md is the source of truth; content/data/facts.json is its hand-made copy. */
const sheetPath = join(import.meta.dirname, '../../../shared/facts.md');

function sheetRows(): { id: string; kind: string; section: number }[] {
  const rows: { id: string; kind: string; section: number }[] = [];
  let section = 0;
  for (const line of readFileSync(sheetPath, 'utf8').split('\n')) {
    const heading = line.match(/^## Section (\d)/);
    if (heading) section = Number(heading[1]);
    const cells = line.split('|').map((c) => c.trim());
    if (section && cells.length >= 6 && /^[a-z0-9][a-z0-9-]*$/.test(cells[1] ?? '') && cells[1] !== 'id') {
      rows.push({ id: cells[1] ?? '', kind: cells[3] ?? '', section });
    }
  }
  return rows;
}

describe('facts', () => {
  it('the shared facts sheet is where CI expects it', () => {
    expect(existsSync(sheetPath), sheetPath).toBe(true);
  });

  it('facts.json holds exactly the facts of the sheet, with the same kind and section', () => {
    const rows = sheetRows();
    expect(rows.length).toBeGreaterThan(30);
    expect(facts.map((f) => f.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const r of rows) {
      expect(fact(r.id).kind, r.id).toBe(r.kind);
      expect(fact(r.id).chapter, r.id).toBe(r.section);
    }
  });

  it('parseFact() rejects an entry without an English source, naming the fact', () => {
    const bad = { id: 'x-1', chapter: 1, kind: 'article', claim: { de: 'a', en: 'b' }, source: { de: 'c' }, short: { de: 'd', en: 'e' } };
    expect(() => parseFact(bad)).toThrow(/x-1.*source/);
  });

  it('parseFact() rejects a derived fact without its arithmetic', () => {
    const bad = { id: 'x-2', chapter: 3, kind: 'derived', claim: { de: 'a', en: 'b' }, source: { de: 'c', en: 'c' }, short: { de: 'd', en: 'e' } };
    expect(() => parseFact(bad)).toThrow(/arithmetic/);
  });

  it('fact() throws on an unknown id', () => {
    expect(() => fact('no-such-fact')).toThrow(/no-such-fact/);
  });

  it('derived facts name existing facts they come from', () => {
    for (const f of facts.filter((x) => x.kind === 'derived')) {
      for (const from of f.derivedFrom ?? []) expect(() => fact(from), f.id).not.toThrow();
    }
  });
});

describe('facts: dates and links', () => {
  it('parseFact() rejects a since- fact without a date', () => {
    const bad = { id: 'since-x', chapter: 2, kind: 'context', claim: { de: 'a', en: 'b' }, source: { de: 'c', en: 'c' }, short: { de: 'd', en: 'e' } };
    expect(() => parseFact(bad)).toThrow(/since-x.*date/);
  });

  it('parseFact() rejects a url that is not https', () => {
    const bad = { id: 'x-3', chapter: 2, kind: 'context', url: 'javascript:alert(1)', claim: { de: 'a', en: 'b' }, source: { de: 'c', en: 'c' }, short: { de: 'd', en: 'e' } };
    expect(() => parseFact(bad)).toThrow(/x-3.*url/);
  });

  it('every since- row of the sheet is dated in facts.json and labelled context or derived', () => {
    const since = sheetRows().filter((r) => r.id.startsWith('since-'));
    expect(since.length).toBeGreaterThanOrEqual(8);
    for (const r of since) {
      const f = fact(r.id);
      expect(['context', 'derived'], r.id).toContain(f.kind);
      if (f.kind === 'context') expect(f.date, r.id).toMatch(/^2025-(0[4-9]|1[0-2])-\d{2}$/);
    }
  });
});
