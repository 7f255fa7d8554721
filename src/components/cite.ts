import { apa, bibtex, type CiteInput } from '../cite/citation';
import { copyText } from './clipboard';

/**
 * The citation box in the browser. The page was built on some day; the reader
 * retrieves it today, so APA's "Retrieved" and BibTeX's urldate move to the
 * reader's date. Copy buttons: where the Clipboard API is refused, the block's text
 * is selected so the reader can copy it by hand.
 */
const RENDER: Record<string, (c: CiteInput) => string> = { apa, bibtex };

/** The reader's calendar day as YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

for (const section of document.querySelectorAll<HTMLElement>('[data-cite-input]')) {
  let input: CiteInput | null = null;
  try {
    input = JSON.parse(section.dataset['citeInput'] ?? 'null') as CiteInput | null;
  } catch {
    input = null;
  }
  if (!input || typeof input.date !== 'string') continue;
  const now = localToday();
  if (input.retrieved === now) continue;
  const current = { ...input, retrieved: now };
  for (const block of section.querySelectorAll<HTMLElement>('[data-cite-kind]')) {
    const render = RENDER[block.dataset['citeKind'] ?? ''];
    if (render) block.textContent = render(current);
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-cite-copy]')) {
  const block = document.getElementById(button.dataset['citeCopy'] ?? '');
  const section = button.closest<HTMLElement>('[data-copied]');
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  if (!block || !section || !status) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    void copyText(block.textContent ?? '', { status, copied: section.dataset['copied'] ?? '', failed: section.dataset['copyFailed'] ?? '', fallback: () => block });
  });
}
