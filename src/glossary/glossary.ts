import de from '../../content/glossary/de.json';
import en from '../../content/glossary/en.json';
import type { Lang } from '../i18n/lang';

/** One glossary entry: the term as shown, and a definition in plain words. */
export interface GlossaryTerm {
  id: string;
  term: string;
  definition: string;
}

/**
 * Checks a language's glossary file and returns its terms sorted for display.
 * Throws naming the file and the entry, so a bad edit fails the build.
 */
export function parseGlossary(lang: Lang, raw: unknown): GlossaryTerm[] {
  const terms = (raw as { terms?: unknown }).terms;
  if (!Array.isArray(terms)) throw new Error(`content/glossary/${lang}.json: needs a "terms" array`);
  const seen = new Set<string>();
  return terms.map((t: Partial<GlossaryTerm>) => {
    const where = `content/glossary/${lang}.json: term "${String(t.id)}"`;
    if (typeof t.id !== 'string' || !/^[a-z0-9-]+$/.test(t.id)) throw new Error(`${where} needs a lowercase id`);
    if (seen.has(t.id)) throw new Error(`${where} appears twice`);
    seen.add(t.id);
    if (typeof t.term !== 'string' || !t.term.trim()) throw new Error(`${where} needs "term"`);
    if (typeof t.definition !== 'string' || t.definition.trim().length < 20) throw new Error(`${where} needs a definition`);
    return t as GlossaryTerm;
  });
}

export const glossary: Record<Lang, GlossaryTerm[]> = {
  de: parseGlossary('de', de),
  en: parseGlossary('en', en),
};

/** Looks a term up; an unknown id is a writing error and throws. */
export function term(lang: Lang, id: string): GlossaryTerm {
  const found = glossary[lang].find((t) => t.id === id);
  if (!found) throw new Error(`Unknown glossary term "${id}" (content/glossary/${lang}.json)`);
  return found;
}
