/** Words a reader manages per minute in running text with figures to look at. */
const WORDS_PER_MINUTE = 180;

/** Counts the words a reader reads in an MDX body: tags and frontmatter syntax are not words. */
export function wordCount(mdx: string): number {
  const text = mdx
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#*_>`-]+/g, ' ')
    .replace(/\{[^}]*\}/g, ' ');
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;
}

/** readingMinutes(): whole minutes, at least one. */
export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.round(wordCount(mdx) / WORDS_PER_MINUTE));
}
