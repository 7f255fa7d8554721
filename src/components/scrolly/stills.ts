/**
 * Each step's own picture of the figure (StepStill.astro) ships inside <noscript>: a
 * reader without JavaScript sees it, a reader with JavaScript downloads no extra file
 * and builds no extra DOM. Where the page needs the stills anyway (print, and screens
 * too short to pin the figure), they are made from that same build-time markup.
 */
export function showStills(root: ParentNode): void {
  for (const ns of root.querySelectorAll<HTMLElement>('noscript[data-step-still]')) {
    // With scripting on, a <noscript>'s content is its raw markup: our own, written at build.
    const template = document.createElement('template');
    template.innerHTML = ns.textContent ?? '';
    ns.replaceWith(template.content);
  }
}

/**
 * On paper a link's target is printed after it (print.css): as an absolute URL whose hyphens
 * never end a line (a non-breaking hyphen, held to the next character by a word joiner: the
 * URL may break anywhere else).
 */
export function printableLinks(root: ParentNode): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (a.getAttribute('href')?.startsWith('#')) continue;
    a.dataset['printHref'] = a.href.replace(/-/g, '\u2011\u2060');
  }
}
