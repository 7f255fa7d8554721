import { placeNear } from './term-place';

/**
 * Glossary terms open their definition in place, next to the term (below it, or above
 * where the screen has no room): the link's default (the glossary page) is kept for
 * readers without JavaScript or without popover support.
 */

function place(link: HTMLElement, pop: HTMLElement): void {
  // The link may wrap over two lines: anchor on the line the reader tapped first.
  const r = link.getClientRects()[0] ?? link.getBoundingClientRect();
  const box = pop.getBoundingClientRect();
  const at = placeNear(r, box, { width: document.documentElement.clientWidth, height: innerHeight });
  pop.style.margin = '0';
  pop.style.inset = 'auto';
  pop.style.left = `${at.left}px`;
  pop.style.top = `${at.top}px`;
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-term-pop]')) {
  const pop = document.getElementById(link.dataset['termPop'] ?? '');
  if (!pop || typeof pop.togglePopover !== 'function') continue;
  const follow = (): void => place(link, pop);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    if (pop.matches(':popover-open')) {
      pop.hidePopover();
      return;
    }
    // Shown and placed in one task: the reader never sees it anywhere but at the term.
    pop.showPopover();
    follow();
  });
  pop.addEventListener('toggle', (event) => {
    const open = (event as ToggleEvent).newState === 'open';
    link.setAttribute('aria-expanded', String(open));
    if (open) {
      addEventListener('scroll', follow, { passive: true });
      addEventListener('resize', follow);
      pop.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
    } else {
      removeEventListener('scroll', follow);
      removeEventListener('resize', follow);
      if (pop.contains(document.activeElement)) link.focus();
    }
  });
}
