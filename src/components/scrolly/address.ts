/**
 * The address follows the reader: the URL fragment names the active step (replaceState,
 * no history entry per step) and links marked [data-keep-step] (the language switch)
 * carry it, so the twin page opens at the same step.
 */
export function followAddress(id: string, fromReader: boolean): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-step]')) {
    const url = new URL(a.href);
    url.hash = id;
    a.href = url.href;
  }
  // The first, automatic step on load leaves the address alone.
  if (fromReader && location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
}
