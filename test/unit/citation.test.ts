import { describe, expect, it } from 'vitest';
import { apa, bibtex } from '../../src/cite/citation';
import { readingMinutes, wordCount } from '../../src/content/reading-time';

const base = { title: 'Eine Million in einer Stunde', site: 'Ghibli, GPUs und Milliarden', url: 'https://example.org/de/der-ansturm/', date: '2026-11-25', key: 'gg-de-rush' };

describe('citation', () => {
  it('apa() writes author, date, title and URL in APA order, German date style for German', () => {
    expect(apa({ ...base, lang: 'de' })).toBe('Ghibli, GPUs und Milliarden. (2026, 25. November). Eine Million in einer Stunde. https://example.org/de/der-ansturm/');
  });

  it('apa() uses the English date order for English', () => {
    expect(apa({ ...base, lang: 'en', title: 'A million in one hour' })).toContain('(2026, November 25). A million in one hour.');
  });

  it('bibtex() is an @online entry with balanced braces and the fields a reference manager needs', () => {
    const b = bibtex({ ...base, lang: 'de' });
    expect(b.startsWith('@online{gg-de-rush,')).toBe(true);
    for (const field of ['author', 'title', 'year', 'date', 'url', 'langid']) expect(b).toMatch(new RegExp(`\\n  ${field} = \\{`));
    const depth = [...b].reduce((d, ch) => (d < 0 ? d : ch === '{' ? d + 1 : ch === '}' ? d - 1 : d), 0);
    expect(depth).toBe(0);
    expect(b).toContain('langid = {german}');
  });

  it('bibtex() escapes characters TeX treats as commands', () => {
    const b = bibtex({ ...base, lang: 'en', title: 'R&D: 100% & more_#1' });
    expect(b).toContain('title = {R\\&D: 100\\% \\& more\\_\\#1}');
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
