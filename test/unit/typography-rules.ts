/**
 * The site's typography rules, one set per language (see README, "Typography").
 * Each rule names what it wants, so a failure reads as an instruction.
 */
export interface TextUnit {
  lang: 'de' | 'en';
  text: string;
  /** File and position, for the failure message. */
  where: string;
}

interface Rule {
  /** What the reader should see instead. */
  want: string;
  find: RegExp;
  /** Apply the rule to the text with quotations removed (quoted words stay as the speaker wrote them). */
  outsideQuotes?: boolean;
}

const NBSP = '\u00a0';

const BOTH: Rule[] = [
  { want: 'GPT‑4o with a non-breaking hyphen (U+2011), so it never breaks across lines', find: /GPT-4o/g },
  { want: 'no space left before a comma or full stop', find: /\S[ \u00a0][,.](?=\s|$)/g },
  { want: 'one space between words, not two', find: /\S {2,}\S/g },
];

const DE: Rule[] = [
  { want: 'German quotes „…“ instead of straight "', find: /"/g },
  { want: 'German quotes „…“ instead of English ”', find: /”/g },
  { want: 'a typographic apostrophe ’ or German single quotes ‚…‘ instead of straight \'', find: /'/g },
  { want: `a no-break space between number and % (11${NBSP}%)`, find: /[\d}](?: ?|\u202f)%/g },
  { want: `a no-break space between number and Mrd./Mio./GW/Gigawatt`, find: /[\d}](?: ?)(?:Mrd\.|Mio\.|GW\b|Gigawatt)/g },
  { want: `billions as „13${NBSP}Mrd.${NBSP}Dollar“, not with $`, find: /Mrd\.\s*\$|\d\s*\$/g, outsideQuotes: true },
  { want: `billions as „13${NBSP}Mrd.${NBSP}Dollar“, not „Milliarden Dollar“ after a numeral`, find: /\d\s+Milliarden\s+(?:US-)?Dollar/g, outsideQuotes: true },
  { want: `a no-break space between „Mrd.“ and „Dollar“`, find: /Mrd\. Dollar/g },
  { want: 'German decimal comma (2,3), not a decimal point', find: /(?<!CC BY |Version )\b\d+\.\d{1,2}\b(?!\.\d)(?!\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember))/g, outsideQuotes: true },
];

const EN: Rule[] = [
  { want: 'curly quotes “…” instead of straight "', find: /"/g },
  { want: 'a curly apostrophe ’ instead of straight \'', find: /'/g },
  { want: 'German quotes belong to German text: use “…” in English', find: /„/g },
  { want: 'no space before % in English (11%)', find: /\d[ \u00a0\u202f]%/g },
  { want: 'billions as $13bn, without a space', find: /\d[ \u00a0]bn\b/g },
  { want: 'billions as $13bn, not “billion” after a dollar amount', find: /\$\d[\d.,–-]*\s+billion/g, outsideQuotes: true },
  { want: `a no-break space between a number and GW or gigawatts (10${NBSP}GW)`, find: /[\d}](?: ?)(?:GW\b|gigawatts?\b)/g },
  { want: 'English thousands separator (432,000), not a German point', find: /\b\d{1,3}\.\d{3}\b/g },
];

/** Removes quoted passages: „…“ and ‚…‘ in German, “…” and ‘…’ in English. */
function withoutQuotes(text: string, lang: 'de' | 'en'): string {
  return lang === 'de' ? text.replace(/„[^“]*“/g, '„“').replace(/‚[^‘]*‘/g, '‚‘') : text.replace(/“[^”]*”/g, '“”');
}

/** Quotation marks that open must close, in the language's pair. */
function unbalancedQuotes(text: string, lang: 'de' | 'en'): string | null {
  const [open, close] = lang === 'de' ? ['„', '“'] : ['“', '”'];
  let depth = 0;
  for (const ch of text) {
    if (ch === open) depth += 1;
    else if (ch === close) depth -= 1;
    if (depth < 0 || depth > 1) return `quotes ${open}…${close} out of order`;
  }
  return depth === 0 ? null : `a quote ${open} that never closes with ${close}`;
}

/** Every rule the unit breaks, as "where: want (… context …)" lines; empty when the text is clean. */
export function typographyProblems(unit: TextUnit): string[] {
  const rules = [...BOTH, ...(unit.lang === 'de' ? DE : EN)];
  const problems: string[] = [];
  // URLs and e-mail-like tokens are addresses, not text.
  const text = unit.text.replace(/https?:\/\/\S+/g, 'URL');
  for (const rule of rules) {
    const subject = rule.outsideQuotes ? withoutQuotes(text, unit.lang) : text;
    for (const m of subject.matchAll(rule.find)) {
      const at = m.index ?? 0;
      const context = subject.slice(Math.max(0, at - 25), at + m[0].length + 25).replace(/\s+/g, ' ');
      problems.push(`${unit.where}: ${rule.want} (… ${context} …)`);
    }
  }
  const quotes = unbalancedQuotes(text, unit.lang);
  if (quotes) problems.push(`${unit.where}: ${quotes} (… ${text.slice(0, 60).replace(/\s+/g, ' ')} …)`);
  return problems;
}
