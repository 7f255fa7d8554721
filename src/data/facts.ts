import raw from '../../content/data/facts.json';
import type { Lang } from '../i18n/lang';

/** How a fact reached the site; see ../shared/facts.md for the definitions. */
export type FactKind = 'article' | 'context' | 'derived' | 'illustrative';

export interface Fact {
  id: string;
  chapter: number;
  kind: FactKind;
  claim: Record<Lang, string>;
  source: Record<Lang, string>;
  short: Record<Lang, string>;
  derivedFrom?: string[];
  arithmetic?: Record<Lang, string>;
  /** ISO date (YYYY-MM-DD) of the event or the source; required for `since-` facts. */
  date?: string;
  /** The source page, only where someone has seen that exact page (never a guessed address). */
  url?: string;
}

const KINDS: readonly FactKind[] = ['article', 'context', 'derived', 'illustrative'];

/**
 * Checks one raw entry of content/data/facts.json and returns it typed.
 * Throws with the fact id in the message, so a bad edit fails the build loudly.
 */
export function parseFact(entry: unknown): Fact {
  const e = entry as Partial<Fact>;
  const id = typeof e.id === 'string' ? e.id : '(no id)';
  const fail = (why: string): never => {
    throw new Error(`content/data/facts.json: fact "${id}" ${why}`);
  };
  if (!/^[a-z0-9-]+$/.test(id)) fail('needs a lowercase id made of a-z, 0-9 and -');
  if (typeof e.chapter !== 'number' || e.chapter < 1 || e.chapter > 5) fail('needs a chapter 1-5');
  if (!e.kind || !KINDS.includes(e.kind)) fail(`has an unknown kind (${String(e.kind)})`);
  for (const field of ['claim', 'source', 'short'] as const) {
    const v = e[field];
    if (!v || typeof v.de !== 'string' || typeof v.en !== 'string' || !v.de || !v.en) {
      fail(`needs "${field}" in de and en`);
    }
  }
  if (e.kind === 'derived' && (!e.arithmetic || !e.derivedFrom?.length)) {
    fail('is derived, so it needs "derivedFrom" and "arithmetic"');
  }
  if (e.date !== undefined && !(typeof e.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.date))) {
    fail('has a "date" that is not YYYY-MM-DD');
  }
  if (id.startsWith('since-') && e.kind !== 'derived' && !e.date) {
    fail('happened after the article, so it needs a "date"');
  }
  if (e.url !== undefined && !(typeof e.url === 'string' && /^https:\/\/[^\s"<>]+$/.test(e.url))) {
    fail('has a "url" that is not an https address');
  }
  return e as Fact;
}

export const facts: readonly Fact[] = raw.facts.map(parseFact);

const byId = new Map(facts.map((f) => [f.id, f]));

/** Looks a fact up by id; an unknown id is a programming error and throws. */
export function fact(id: string): Fact {
  const f = byId.get(id);
  if (!f) throw new Error(`Unknown fact id "${id}" (not in content/data/facts.json)`);
  return f;
}

/** True for facts about events after the article (spring 2025): shown as dated context. */
export function isSince(f: Fact): boolean {
  return f.id.startsWith('since-');
}

/** True when the id names a fact on the sheet. */
export function isFactId(id: string): boolean {
  return byId.has(id);
}
