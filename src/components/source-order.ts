/**
 * The order of a chapter page's source list, which is also the numbering of its source
 * markers (Src.astro): every fact the page cites, in order of first citation (the prose
 * first, so markers count up 1, 2, 3 as the reader meets them), then the chapter's own
 * facts it does not cite. Each fact once, so the same fact keeps its number.
 */
export function sourceOrder(cited: readonly string[], own: readonly string[]): string[] {
  return [...new Set([...cited, ...own])];
}
