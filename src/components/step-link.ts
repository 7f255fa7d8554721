/**
 * "Link to this step" beside each figure (rendered by FigureFrame.astro, which loads this
 * script): copies the address of the current step (the URL follows the
 * active step), or hands it to the Web Share API on touch devices that offer it.
 * Where the Clipboard API is refused, the link is put in a selected field instead.
 */
function initStepLink(button: HTMLButtonElement): void {
  const status = button.parentElement?.querySelector<HTMLElement>('[data-step-link-status]');
  const d = button.dataset;
  const canShare = typeof navigator.share === 'function' && matchMedia('(pointer: coarse)').matches;
  button.textContent = (canShare ? d['labelShare'] : d['labelCopy']) ?? button.textContent;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const href = location.href;
    if (canShare) {
      try {
        await navigator.share({ title: document.title, url: href });
        return;
      } catch {
        // Dismissed or refused: fall through to copying.
      }
    }
    try {
      await navigator.clipboard.writeText(href);
      if (status) status.textContent = d['copied'] ?? '';
    } catch {
      let field = button.parentElement?.querySelector<HTMLInputElement>('input[data-step-link-field]');
      if (!field) {
        field = document.createElement('input');
        field.type = 'text';
        field.readOnly = true;
        field.className = 'fig__steplink-field';
        field.dataset['stepLinkField'] = '';
        field.setAttribute('aria-label', d['labelCopy'] ?? '');
        button.after(field);
      }
      field.value = href;
      field.focus();
      field.select();
      if (status) status.textContent = d['copyFailed'] ?? '';
    }
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-step-link]')) initStepLink(button);
