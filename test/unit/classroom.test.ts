import { describe, expect, it } from 'vitest';
import { citedIn, firstSentence, plainText, stepTexts } from '../../src/content/chapter-steps';
import { pageTitle, TITLE_MAX } from '../../src/content/page-meta';

describe('firstSentence()', () => {
  it('ends at the first full stop followed by a new sentence', () => {
    expect(firstSentence('Zuerst der Blick zurück. Dann der Sprung.')).toBe('Zuerst der Blick zurück.');
  });
  it('does not end at a date, a number or an abbreviation', () => {
    expect(firstSentence('Am 25. März 2025 kam es. Danach nicht.')).toBe('Am 25. März 2025 kam es.');
    expect(firstSentence('Es ging um 13 Mrd. Dollar und mehr. Dann anderes.')).toBe('Es ging um 13 Mrd. Dollar und mehr.');
  });
  it('takes a question as a sentence, and the whole text when there is no end', () => {
    expect(firstSentence('Wer kann liefern? Wenige.')).toBe('Wer kann liefern?');
    expect(firstSentence('Ohne Punkt')).toBe('Ohne Punkt');
  });
});

describe('stepTexts()', () => {
  const body = [
    'Intro<Src id="intro" />',
    '<Step id="one">\n### Erster Schritt\n\nEin **Satz** mit <Term id="x">Term</Term><Src id="a" />. Noch einer<Src id="b" /><Src id="a" />.\n</Step>',
    '<Step id="two" key="Der Kernsatz, von Hand gesetzt.">\n### Zweiter\n\nLanger Text. Mehr.\n</Step>',
  ].join('\n\n');

  it('reads each step’s id, heading, first sentence and sources in order, each source once', () => {
    expect(stepTexts(body)).toEqual([
      { id: 'one', heading: 'Erster Schritt', key: 'Ein Satz mit Term.', sources: ['a', 'b'] },
      { id: 'two', heading: 'Zweiter', key: 'Der Kernsatz, von Hand gesetzt.', sources: [] },
    ]);
  });
  it('citedIn() finds every marker of the body, the intro too', () => {
    expect(citedIn(body)).toEqual(['intro', 'a', 'b', 'a']);
  });
  it('plainText() drops tags, headings and emphasis', () => {
    expect(plainText('### H\n\nA *b* <Term id="t">c</Term><Src id="s" />')).toBe('A b c');
  });
});

describe('pageTitle()', () => {
  it('is "<page> · <site>", and the site alone on the landing page', () => {
    expect(pageTitle('Quellen', 'Ghibli, GPUs und Milliarden')).toBe('Quellen · Ghibli, GPUs und Milliarden');
    expect(pageTitle('Ghibli, GPUs und Milliarden', 'Ghibli, GPUs und Milliarden')).toBe('Ghibli, GPUs und Milliarden');
  });
  it('shortens a long page part at a word and keeps the site name', () => {
    const title = pageTitle('Wie aus einem Spaß eine Belastungsprobe wurde', 'Ghibli, GPUs und Milliarden');
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title).toBe('Wie aus einem Spaß eine Belastungsprobe… · Ghibli, GPUs und Milliarden');
  });
});
