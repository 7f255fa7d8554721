import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/lang';

export type Chapter = CollectionEntry<'chapters'>;

/** The language of a chapter entry, from its folder (content/chapters/<lang>/…). */
export function chapterLang(entry: Chapter): Lang {
  return entry.id.startsWith('en/') ? 'en' : 'de';
}

/** All chapters of one language, in reading order. */
export async function chaptersIn(lang: Lang): Promise<Chapter[]> {
  const all = await getCollection('chapters');
  return all.filter((c) => chapterLang(c) === lang).sort((a, b) => a.data.number - b.data.number);
}

/** The same chapter in the other language (same number), if it exists. */
export async function twinOf(entry: Chapter, lang: Lang): Promise<Chapter | undefined> {
  return (await chaptersIn(lang)).find((c) => c.data.number === entry.data.number);
}

/** Chapters planned for the site: the landing page and contents list show all of them. */
export const CHAPTER_COUNT = 5;

/** The chapter that tells a figure's story in a language (embeds link back to it). */
export async function chapterForFigure(lang: Lang, figureId: string): Promise<Chapter | undefined> {
  return (await chaptersIn(lang)).find((c) => c.data.figure === figureId);
}
