import raw from '../../content/data/changes.json';
import type { Lang } from '../i18n/lang';

/** A correction fixes something that was wrong; an update adds or re-dates something that was right when written. */
export type ChangeKind = 'correction' | 'update';

/** One dated change to the site, as listed on /de/aenderungen/ and /en/changes/ and in their Atom feeds. */
export interface Change {
  /** Stable id: the anchor #change-<id> and the feed entry's id. */
  id: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** Chapter number 1–5, or null for the whole site (landing, glossary, sources, UI). */
  chapter: number | null;
  kind: ChangeKind;
  /** What changed, in one line. */
  title: Record<Lang, string>;
  /** What changed and why; for corrections, what it said before. */
  text: Record<Lang, string>;
}

const KINDS: readonly ChangeKind[] = ['correction', 'update'];

/** Checks one entry of content/data/changes.json; throws with the entry's id, so a bad edit fails the build. */
export function parseChange(entry: unknown): Change {
  const e = entry as Partial<Change>;
  const id = typeof e.id === 'string' ? e.id : '(no id)';
  const fail = (why: string): never => {
    throw new Error(`content/data/changes.json: change "${id}" ${why}`);
  };
  if (!/^[a-z0-9-]+$/.test(id)) fail('needs a lowercase id made of a-z, 0-9 and -');
  if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date) || Number.isNaN(Date.parse(e.date))) fail('needs a date YYYY-MM-DD');
  if (!(e.chapter === null || (Number.isInteger(e.chapter) && (e.chapter as number) >= 1 && (e.chapter as number) <= 5))) {
    fail('needs a chapter 1–5 or null for the whole site');
  }
  if (!e.kind || !KINDS.includes(e.kind)) fail(`has an unknown kind (${String(e.kind)})`);
  for (const field of ['title', 'text'] as const) {
    const v = e[field];
    if (!v || typeof v.de !== 'string' || typeof v.en !== 'string' || !v.de || !v.en) fail(`needs "${field}" in de and en`);
  }
  return e as Change;
}

/** Parses and orders a list of raw entries: newest first, then by id; duplicate ids are an error. */
export function parseChanges(entries: readonly unknown[]): Change[] {
  const list = entries.map(parseChange);
  const seen = new Set<string>();
  for (const c of list) {
    if (seen.has(c.id)) throw new Error(`content/data/changes.json: change id "${c.id}" appears twice`);
    seen.add(c.id);
  }
  return list.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** Every change to the site, newest first. */
export const changes: readonly Change[] = parseChanges(raw.changes);

/** The changes that concern one chapter (its own, not site-wide ones), newest first. */
export function changesFor(chapter: number): Change[] {
  return changes.filter((c) => c.chapter === chapter);
}

/** The anchor of a date's group on the changes page, so a chapter's "last edited" stamp links to that day. */
export function changeDayAnchor(date: string): string {
  return `d-${date}`;
}
