/**
 * The one copy-to-clipboard of the site (share menu, "link to this step", citations).
 * The Clipboard API may be missing or refused (no permission, an insecure context, an
 * embedding frame); then the text is selected where the reader sees it, so a keyboard
 * shortcut or the context menu copies it by hand, and the status line says so.
 */

/** What to say, and where, once copying worked or did not. */
export interface CopyOptions {
  /** The live region (role="status") that announces the outcome; none, nothing is said. */
  status?: HTMLElement | null | undefined;
  /** Said when the text is on the clipboard. */
  copied: string;
  /** Said when it is not and the text was selected instead. */
  failed: string;
  /**
   * The element that shows the text, to select when copying is refused: a field (its value
   * is selected) or any element (its contents are). A function, so a caller can create the
   * field only when it is needed.
   */
  fallback: () => HTMLElement;
}

/** A text field, whose value select() selects (checked by tag name, so it also holds across frames). */
function isField(el: HTMLElement): el is HTMLInputElement | HTMLTextAreaElement {
  return el.localName === 'input' || el.localName === 'textarea';
}

/** Selects what an element shows: a field's value, or the element's contents, and focuses it. */
export function selectForCopy(el: HTMLElement): void {
  if (isField(el)) {
    el.focus();
    el.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  el.focus();
}

/**
 * Puts `text` on the clipboard and announces it; where that is refused, selects the
 * fallback element instead and announces that. Resolves to whether the text was copied.
 */
export async function copyText(text: string, opts: CopyOptions): Promise<boolean> {
  let ok = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    ok = false;
    selectForCopy(opts.fallback());
  }
  if (opts.status) opts.status.textContent = ok ? opts.copied : opts.failed;
  return ok;
}
