/**
 * Copy buttons for the citation blocks. Where the Clipboard API is refused, the
 * block's text is selected so the reader can copy it by hand.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-cite-copy]')) {
  const block = document.getElementById(button.dataset['citeCopy'] ?? '');
  const section = button.closest<HTMLElement>('[data-copied]');
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  if (!block || !section || !status) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(block.textContent ?? '');
      status.textContent = section.dataset['copied'] ?? '';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(block);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      block.focus();
      status.textContent = section.dataset['copyFailed'] ?? '';
    }
  });
}
