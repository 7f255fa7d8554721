import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { chapterSchema } from '../../src/content/chapter-schema';
import { facts, isFactId } from '../../src/data/facts';
import { LANGS } from '../../src/i18n/lang';

const chaptersDir = join(import.meta.dirname, '../../content/chapters');
const articlePath = join(import.meta.dirname, '../../../shared/source/article.de.txt');

interface ChapterFile {
  lang: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

function readChapters(): ChapterFile[] {
  return LANGS.flatMap((lang) =>
    readdirSync(join(chaptersDir, lang))
      .filter((f) => f.endsWith('.mdx'))
      .map((file) => {
        const text = readFileSync(join(chaptersDir, lang, file), 'utf8');
        const m = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
        if (!m) throw new Error(`${lang}/${file}: no frontmatter`);
        return { lang, file, data: parseYaml(m[1] ?? '') as Record<string, unknown>, body: m[2] ?? '' };
      }),
  );
}

const chapters = readChapters();

/** Words a step may have: about what a card holds on one desktop screen beside the figure. */
const STEP_WORDS = 110;

/**
 * The words a reader sees in each <Step> of an MDX body: its heading and prose, with
 * components' markup (<Term>, <Src />, whose marker is a number, not a word) and
 * Markdown marks removed. A word is a run without spaces that holds a letter or digit.
 */
function stepWords(body: string): { id: string; words: number }[] {
  return [...body.matchAll(/<Step\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/Step>/g)].map((m) => {
    const text = (m[2] ?? '')
      .replace(/<Src\b[^>]*\/>/g, ' ')
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
      .replace(/^#+\s+/gm, '')
      .replace(/[*_`]/g, '');
    return { id: m[1] ?? '', words: text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length };
  });
}
const valid = {
  number: 3,
  title: 'T',
  short: 'S',
  slug: 'the-rush',
  summary: 'x',
  figure: 'users-race',
  steps: ['five-days', 'one-hour', 'summary'],
  questions: ['Why is one hour not five days?', 'What does a rate per second show?', 'Who measures the numbers?'],
  keyNumbers: ['million-in-5-days', 'million-in-1-hour'],
  updated: '2026-11-25',
};

describe('chapter schema', () => {
  it('accepts a complete chapter', () => {
    expect(chapterSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects a chapter with a missing field, naming the field', () => {
    const { summary: _omit, ...rest } = valid;
    const r = chapterSchema.safeParse(rest);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('summary');
  });

  it('rejects an unknown figure id, naming it', () => {
    const r = chapterSchema.safeParse({ ...valid, figure: 'no-such-figure' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(' ')).toContain('no-such-figure');
  });

  it('rejects a step the figure does not know, naming the step', () => {
    const r = chapterSchema.safeParse({ ...valid, steps: ['five-days', 'ten-days', 'summary'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(' ')).toContain('ten-days');
  });

  it('rejects steps that do not end with the summary', () => {
    expect(chapterSchema.safeParse({ ...valid, steps: ['summary', 'one-hour'] }).success).toBe(false);
  });
});

describe('chapters', () => {
  it('exist in both languages with the same numbers', () => {
    const nums = (lang: string) => chapters.filter((c) => c.lang === lang).map((c) => c.data['number']).sort();
    expect(nums('de').length).toBeGreaterThan(0);
    expect(nums('en')).toEqual(nums('de'));
  });

  for (const ch of chapters) {
    const where = `${ch.lang}/${ch.file}`;
    describe(where, () => {
      it('has valid frontmatter', () => {
        const r = chapterSchema.safeParse(ch.data);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      });

      it('is named <nn>-<slug>.mdx after its number and slug', () => {
        const nn = String(ch.data['number']).padStart(2, '0');
        expect(basename(ch.file)).toBe(`${nn}-${String(ch.data['slug'])}.mdx`);
      });

      it('has the same figure and steps as its twin', () => {
        const twin = chapters.find((c) => c.lang !== ch.lang && c.data['number'] === ch.data['number']);
        expect(twin, 'twin chapter').toBeDefined();
        expect(twin?.data['figure']).toBe(ch.data['figure']);
        expect(twin?.data['steps']).toEqual(ch.data['steps']);
      });

      it('has one <Step> per frontmatter step, in order', () => {
        const ids = [...ch.body.matchAll(/<Step id="([^"]+)"/g)].map((m) => m[1]);
        expect(ids).toEqual(ch.data['steps']);
      });

      it('cites only known facts and covers every fact of its section', () => {
        const cited = [...ch.body.matchAll(/<Src id="([^"]+)"/g)].map((m) => m[1] ?? '');
        for (const id of cited) expect(isFactId(id), id).toBe(true);
        const section = facts.filter((f) => f.chapter === ch.data['number']).map((f) => f.id);
        for (const id of section) expect(cited, `fact ${id} is never cited`).toContain(id);
      });

      it('keeps every step to at most 110 words, so its card fits one desktop screen', () => {
        const long = stepWords(ch.body)
          .filter((st) => st.words > STEP_WORDS)
          .map((st) => `${st.id}: ${st.words} words`);
        expect(long).toEqual([]);
      });

      it('formats numbers the way its language does', () => {
        const text = ch.body.replace(/<[^>]+>/g, ' ');
        if (ch.lang === 'de') {
          expect(text, 'English thousands separator').not.toMatch(/\d,\d{3}\b/);
          expect(text, 'German percent needs a space').not.toMatch(/\d%/);
          expect(text, 'English decimal point').not.toMatch(/\b\d+\.\d{1,2}\b(?!\.)/);
        } else {
          expect(text, 'German thousands separator').not.toMatch(/\d\.\d{3}\b/);
          expect(text, 'English percent takes no space').not.toMatch(/\d[\s\u00a0]%/);
          expect(text, 'German decimal comma').not.toMatch(/\b\d+,\d{1,2}\b/);
        }
      });
    });
  }
});

describe('prose is our own', () => {
  /** Seven words in a row shared with the source article count as copied (quotes excepted). */
  const words = (t: string) => t.toLowerCase().match(/[a-zäöüß0-9]+/g) ?? [];
  const article = words(readFileSync(articlePath, 'utf8'));
  const grams = new Set<string>();
  for (let i = 0; i + 7 <= article.length; i++) grams.add(article.slice(i, i + 7).join(' '));

  for (const ch of chapters) {
    it(`${ch.lang}/${ch.file} shares no seven-word run with the article`, () => {
      const w = words(ch.body.replace(/<[^>]+>/g, ' '));
      const copied: string[] = [];
      for (let i = 0; i + 7 <= w.length; i++) {
        const g = w.slice(i, i + 7).join(' ');
        if (grams.has(g)) copied.push(g);
      }
      expect(copied).toEqual([]);
    });
  }
});

describe('every other German text is our own too', () => {
  const words = (t: string) => t.toLowerCase().match(/[a-zäöüß0-9]+/g) ?? [];
  const article = words(readFileSync(articlePath, 'utf8'));
  const grams = new Set<string>();
  for (let i = 0; i + 7 <= article.length; i++) grams.add(article.slice(i, i + 7).join(' '));
  const root = join(import.meta.dirname, '../..');
  /** German strings of a JSON file: the values of a *.de.json / de.json, or the "de" fields elsewhere. */
  const germanStrings = (value: unknown, german: boolean): string[] => {
    if (typeof value === 'string') return german ? [value] : [];
    if (Array.isArray(value)) return value.flatMap((v) => germanStrings(v, german));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => germanStrings(v, german || k === 'de'));
    return [];
  };
  const sources = [
    'content/glossary/de.json',
    'src/i18n/de.json',
    'content/data/changes.json',
    'content/data/facts.json',
    ...readdirSync(join(root, 'src/figures')).map((d) => `src/figures/${d}/strings.de.json`),
  ].filter((f) => existsSync(join(root, f)));

  for (const file of sources) {
    it(`${file} shares no seven-word run with the article`, () => {
      const data: unknown = JSON.parse(readFileSync(join(root, file), 'utf8'));
      const german = /(^|[./])de\.json$/.test(file);
      const copied: string[] = [];
      // Quoted words stay as the speaker said them; only our own sentences count.
      for (const text of germanStrings(data, german).map((s) => s.replace(/„[^“]*“/g, ' '))) {
        const w = words(text);
        for (let i = 0; i + 7 <= w.length; i++) {
          const g = w.slice(i, i + 7).join(' ');
          if (grams.has(g)) copied.push(g);
        }
      }
      expect(copied).toEqual([]);
    });
  }
});
