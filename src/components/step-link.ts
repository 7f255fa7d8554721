import { copyText } from './clipboard';

/**
 * "Link to this step" beside each figure (rendered by FigureFrame.astro, which loads this
 * script): copies the address of the current step (the URL follows the active step), or
 * hands it to the Web Share API on touch devices that offer it. Where the Clipboard API is
 * refused, the link is put in a selected field instead.
 */
function initStepLink(button: HTMLButtonElement): void {
  const status = button.parentElement?.querySelector<HTMLElement>('[data-step-link-status]');
  const d = button.dataset;
  const canShare = typeof navigator.share === 'function' && matchMedia('(pointer: coarse)').matches;
  button.textContent = (canShare ? d['labelShare'] : d['labelCopy']) ?? button.textContent;
  button.hidden = false;

  /** The read-only field that shows the link where it cannot be copied; made on first need. */
  const field = (href: string): HTMLInputElement => {
    let input = button.parentElement?.querySelector<HTMLInputElement>('input[data-step-link-field]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'text';
      input.readOnly = true;
      input.className = 'fig__steplink-field';
      input.dataset['stepLinkField'] = '';
      input.setAttribute('aria-label', d['labelCopy'] ?? '');
      button.after(input);
    }
    input.value = href;
    return input;
  };

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
    await copyText(href, { status, copied: d['copied'] ?? '', failed: d['copyFailed'] ?? '', fallback: () => field(href) });
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-step-link]')) initStepLink(button);
