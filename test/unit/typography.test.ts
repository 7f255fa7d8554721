import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { typographyProblems, type TextUnit } from './typography-rules';

/**
 * One typography rule set per language, applied to every text source the reader sees:
 * chapter prose and frontmatter, figure strings, facts, glossary and UI strings.
 * The rules themselves live in typography-rules.ts and are tested on their own below.
 */
const root = join(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Keys whose values are identifiers, addresses or data, not text a reader reads as prose. */
const NOT_TEXT = new Set(['id', 'url', 'fact', 'kind', 'date', 'slug', 'figure', 'accent', 'steps', 'keyNumbers', 'derivedFrom', 'unit', 'updated', 'chapter', 'number']);

/** Every string in a JSON value, with the language it is written in. */
function jsonUnits(value: unknown, lang: 'de' | 'en' | null, where: string, out: TextUnit[]): void {
  if (typeof value === 'string') {
    if (lang) out.push({ lang, text: value, where });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => jsonUnits(v, lang, `${where}[${i}]`, out));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (NOT_TEXT.has(k)) continue;
      const l = k === 'de' || k === 'en' ? k : lang;
      jsonUnits(v, l, `${where}.${k}`, out);
    }
  }
}

function langOfFile(path: string): 'de' | 'en' | null {
  const m = basename(path).match(/(?:^|\.)(de|en)\.json$/);
  return m ? (m[1] as 'de' | 'en') : null;
}

/** The reader-visible text of an MDX chapter: frontmatter strings and prose, without tags, attributes or code. */
function mdxUnits(path: string, lang: 'de' | 'en'): TextUnit[] {
  const src = readFileSync(path, 'utf8');
  const fm = src.match(/^---\n([\s\S]*?)\n---\n/);
  const out: TextUnit[] = [];
  const where = relative(root, path);
  if (fm) jsonUnits(parseYaml(fm[1] ?? ''), lang, `${where} (frontmatter)`, out);
  const body = (fm ? src.slice(fm[0].length) : src)
    .replace(/^import .*$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, '');
  body.split(/\n{2,}/).forEach((para, i) => {
    if (para.trim()) out.push({ lang, text: para, where: `${where} ¶${i + 1}` });
  });
  return out;
}

function allUnits(): TextUnit[] {
  const out: TextUnit[] = [];
  for (const lang of ['de', 'en'] as const) {
    for (const file of walk(join(root, 'content/chapters', lang)).filter((f) => f.endsWith('.mdx'))) {
      out.push(...mdxUnits(file, lang));
    }
  }
  const jsonFiles = [
    ...walk(join(root, 'content/data')),
    ...walk(join(root, 'content/glossary')),
    ...walk(join(root, 'src/i18n')),
    ...walk(join(root, 'src/figures')),
  ].filter((f) => f.endsWith('.json'));
  for (const file of jsonFiles) {
    jsonUnits(JSON.parse(readFileSync(file, 'utf8')), langOfFile(file), relative(root, file), out);
  }
  return out;
}

describe('typography of every text source', () => {
  const units = allUnits();

  it('finds the text sources (chapters, facts, glossary, UI and figure strings)', () => {
    const where = new Set(units.map((u) => u.where.split(/[ .[]/)[0] ?? ''));
    expect(units.length).toBeGreaterThan(500);
    for (const part of ['content/chapters/de', 'content/chapters/en', 'content/data/facts', 'content/glossary/de', 'src/i18n/en', 'src/figures/']) {
      expect([...where].some((w) => w.startsWith(part)), part).toBe(true);
    }
  });

  for (const lang of ['de', 'en'] as const) {
    it(`${lang}: no text breaks the language's typography rules`, () => {
      const problems = units.filter((u) => u.lang === lang).flatMap((u) => typographyProblems(u));
      expect(problems.join('\n')).toBe('');
    });
  }
});
