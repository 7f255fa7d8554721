import { langOfPath } from '../i18n/routes';

/**
 * A host that knows only one 404 page (astro preview, many static hosts) serves the German
 * one for every path. For a path in another language this puts that language first: the
 * document's language and title, its section on top with the page heading. Hosts that pick
 * the page by path (deploy/nginx.conf) serve en/404/ directly.
 */
const root = document.querySelector<HTMLElement>('[data-notfound]');
const want = langOfPath(location.pathname);
if (root && root.dataset['notfound'] !== want) {
  const mine = root.querySelector<HTMLElement>(`[data-notfound-lang="${want}"]`);
  const first = root.firstElementChild as HTMLElement | null;
  if (mine && first && mine !== first) {
    const titles = JSON.parse(root.dataset['titles'] ?? '{}') as Record<string, string>;
    document.documentElement.lang = want;
    document.title = titles[want] ?? document.title;
    first.lang = root.dataset['notfound'] ?? '';
    mine.removeAttribute('lang');
    // Headings swap with their sections: the first is the page's h1.
    const h1 = first.querySelector('h1');
    const h2 = mine.querySelector('h2');
    if (h1 && h2) {
      const a = document.createElement('h2');
      a.textContent = h1.textContent;
      const b = document.createElement('h1');
      b.textContent = h2.textContent;
      h1.replaceWith(a);
      h2.replaceWith(b);
    }
    for (const k of root.querySelectorAll('.kicker')) k.removeAttribute('aria-hidden');
    first.querySelector('.kicker')?.setAttribute('aria-hidden', 'true');
    root.prepend(mine);
  }
}
