import { describe, expect, it } from 'vitest';
import { typographyProblems } from './typography-rules';

const de = (text: string) => typographyProblems({ lang: 'de', text, where: 'x' });
const en = (text: string) => typographyProblems({ lang: 'en', text, where: 'x' });
const N = '\u00a0';

describe('typographyProblems()', () => {
  it('accepts clean German and English', () => {
    expect(de(`Microsoft sagte „Ja“ und zahlte 13${N}Mrd.${N}Dollar, ein Plus von 11${N}% und rund 2,3 pro Sekunde; 432.000 Sekunden, am 6. Oktober 2025.`)).toEqual([]);
    expect(en(`Microsoft said “yes”, OpenAI’s $13bn and $1–2bn, up 11%, 10${N}GW, 432,000 seconds, about 2.3 per second.`)).toEqual([]);
  });

  it('flags straight quotes and apostrophes', () => {
    expect(de('Er sagte "ja".')).toHaveLength(2);
    expect(en("OpenAI's \"deal\"")).toHaveLength(3);
  });

  it('flags GPT-4o with a hyphen-minus in both languages', () => {
    expect(de('Das Modell GPT-4o')).toHaveLength(1);
    expect(en('The GPT‑4o model')).toEqual([]);
  });

  it('flags a missing or ordinary space before % in German and any space before % in English', () => {
    expect(de('um 11 % und 5%')).toHaveLength(2);
    expect(en(`up 11 % and 5${N}%`)).toHaveLength(2);
  });

  it('flags other styles of billions, outside quotations only', () => {
    expect(de('für 13 Mrd. $ und 300 Milliarden Dollar')).not.toEqual([]);
    expect(de(`Microsoft nennt „funding of 13 Milliarden Dollar“`)).toEqual([]);
    expect(en('a $13 bn deal and $300 billion')).toHaveLength(2);
    expect(en('it disclosed “total funding commitments of $13 billion”')).toEqual([]);
  });

  it('flags an ordinary space between a number and GW', () => {
    expect(en('10 GW')).toHaveLength(1);
    expect(de('10 Gigawatt')).toHaveLength(1);
    expect(de('{n} Mrd.\u00a0Dollar und {p} %')).toHaveLength(2);
  });

  it('flags a decimal point in German and a thousands point in English', () => {
    expect(de('rund 2.3 pro Sekunde')).toHaveLength(1);
    expect(en('432.000 seconds')).toHaveLength(1);
  });

  it('flags quotes that do not close, or close with the other language’s mark', () => {
    expect(de('Er sagte „ja.')).toHaveLength(1);
    expect(de('Er sagte „ja”.')).not.toEqual([]);
    expect(en('He said “yes.')).toHaveLength(1);
  });
});
