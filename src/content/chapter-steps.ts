/**
 * What a chapter's MDX body says per step, read from the raw source at build time:
 * the step's heading, its key sentence and the facts it cites. Classroom mode and the
 * chapter's source list use it; it never renders anything.
 *
 * A step's key sentence is its `key="…"` attribute when the step has one
 * (`<Step id="one-hour" key="…">`), else the first sentence of its text.
 */

export interface StepText {
  id: string;
  heading: string;
  /** The step's point in one sentence (the slide caption). */
  key: string;
  /** Fact ids the step cites with <Src id="…" />, in order, each once. */
  sources: string[];
}

const STEP = /<Step\s+([^>]*?)>([\s\S]*?)<\/Step>/g;
const ATTR = /(\w+)="([^"]*)"/g;
const SRC = /<Src id="([^"]+)"\s*\/>/g;

/** The text a reader sees in a piece of MDX: tags and Markdown marks removed, spaces collapsed. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/<Src[^>]*\/>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/^#+\s.*$/gm, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that end in a full stop without ending a sentence. */
const ABBREVIATIONS = new Set(['Mrd', 'Mio', 'Nr', 'ca', 'bzw', 'vgl', 'Dr', 'St', 'etc', 'z', 'B', 'd', 'h', 'u', 'a', 'Mr', 'Mrs', 'vs', 'approx', 'e', 'g', 'i']);

/**
 * The first sentence of a text: up to the first ".", "!" or "?" that is followed by a
 * space and a capital letter or an opening quote, unless a digit ("27. März") or a
 * known abbreviation ("13 Mrd. Dollar") stands before the full stop.
 */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[„“"A-ZÄÖÜ])/g;
  for (const m of text.matchAll(end)) {
    const before = text.slice(0, m.index);
    const word = /(\S+)$/.exec(before)?.[1] ?? '';
    if (m[0] === '.' && (/\d$/.test(word) || ABBREVIATIONS.has(word.replace(/^.*[^\p{L}]/u, '')))) continue;
    return text.slice(0, m.index + 1).trim();
  }
  return text.trim();
}

/** Every fact id a piece of MDX cites with <Src id="…" />, in order of appearance. */
export function citedIn(mdx: string): string[] {
  return [...mdx.matchAll(SRC)].map((m) => m[1] ?? '');
}

/** The steps of a chapter body in order, each with heading, key sentence and sources. */
export function stepTexts(body: string): StepText[] {
  return [...body.matchAll(STEP)].map((m) => {
    const attrs = Object.fromEntries([...(m[1] ?? '').matchAll(ATTR)].map((a) => [a[1], a[2] ?? '']));
    const inner = m[2] ?? '';
    const heading = /^#+\s+(.+)$/m.exec(inner)?.[1]?.trim() ?? '';
    const key = attrs['key']?.trim() || firstSentence(plainText(inner));
    return { id: attrs['id'] ?? '', heading: plainText(heading), key, sources: [...new Set(citedIn(inner))] };
  });
}
