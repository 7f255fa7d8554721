/**
 * Glossary terms open their definition in place: the link's default (the glossary
 * page) is kept for readers without JavaScript or without popover support.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-term-pop]')) {
  const pop = document.getElementById(link.dataset['termPop'] ?? '');
  if (!pop || typeof pop.togglePopover !== 'function') continue;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    pop.togglePopover();
  });
  pop.addEventListener('toggle', (event) => {
    const open = (event as ToggleEvent).newState === 'open';
    link.setAttribute('aria-expanded', String(open));
    if (open) pop.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
    else if (pop.contains(document.activeElement)) link.focus();
  });
}
