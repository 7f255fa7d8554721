import { ampCode, embedCode, embedUrl } from '../embed/code';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/lang';
import { copyText } from './clipboard';

/**
 * Makes each "Share / embed" disclosure (ShareMenu.astro) live: the code follows the choosers and the
 * figure's current state, the preview iframe loads when the menu opens, and the copy
 * buttons confirm (or fall back to selecting the text where the Clipboard API is refused).
 * Everything is set through DOM properties; nothing is parsed as HTML.
 */

/** What the menu needs per language: the iframe title, the chapter's path and the AMP link text. */
interface LangTexts {
  title: string;
  chapter: string;
  ampMore: string;
}

/** The menu's per-language texts (data-per-lang, JSON written at build time); anything malformed counts as missing. */
function readPerLang(json: string | undefined): Partial<Record<Lang, LangTexts>> {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Partial<Record<Lang, LangTexts>> = {};
    for (const [lang, v] of Object.entries(parsed)) {
      if (!isLang(lang) || !v || typeof v !== 'object') continue;
      const { title, chapter, ampMore } = v as Record<string, unknown>;
      out[lang] = { title: String(title ?? ''), chapter: String(chapter ?? ''), ampMore: String(ampMore ?? '') };
    }
    return out;
  } catch {
    return {};
  }
}

function init(menu: HTMLDetailsElement): void {
  const q = <T extends Element>(sel: string) => menu.querySelector<T>(sel);
  const stage = menu.closest('.fig-frame')?.querySelector<HTMLElement>('figure-stage');
  const code = q<HTMLTextAreaElement>('[data-share-code]');
  const amp = q<HTMLTextAreaElement>('[data-share-amp]');
  const link = q<HTMLInputElement>('[data-share-link]');
  const status = q<HTMLElement>('[data-share-status]');
  const langSel = q<HTMLSelectElement>('[data-share-lang]');
  const stateSel = q<HTMLSelectElement>('[data-share-state]');
  const themeSel = q<HTMLSelectElement>('[data-share-theme]');
  const previewBox = q<HTMLElement>('[data-share-preview]');
  if (!code || !link || !status || !langSel || !stateSel || !themeSel || !previewBox) return;
  const d = menu.dataset;
  // The code names the public site (SITE + BASE, what embed.js trusts); the preview frames this origin's copy.
  const localRoot = new URL(d['base'] ?? '/', location.origin).href;
  const siteRoot = d['siteRoot'] || localRoot;
  let iframe: HTMLIFrameElement | null = null;
  const perLang = readPerLang(d['perLang']);

  for (const el of menu.querySelectorAll<HTMLElement>('[hidden][data-share-copy], [hidden][data-share-copy-link], [hidden][data-share-close]')) el.hidden = false;

  const current = (): string => stage?.dataset['shown'] ?? 'summary';

  const update = (): void => {
    const lang = isLang(langSel.value) ? langSel.value : DEFAULT_LANG;
    const texts = perLang[lang];
    const step = stateSel.value === 'current' ? current() : 'summary';
    const theme = themeSel.value === 'dark' || themeSel.value === 'auto' ? themeSel.value : 'light';
    const chapter = texts?.chapter || location.pathname;
    const url = new URL(chapter, location.origin);
    const story = new URL(chapter, siteRoot);
    const opts = {
      siteRoot,
      lang,
      figure: d['figure'] ?? '',
      step,
      theme,
      title: texts?.title ?? '',
      height: Number(d['height']) || 900,
      integrity: d['integrity'],
      storyUrl: story.href,
    } as const;
    code.value = embedCode(opts);
    if (amp) amp.value = ampCode({ ...opts, width: 700, more: texts?.ampMore ?? '' });
    url.hash = current();
    link.value = url.href;
    if (menu.open) {
      const src = new URL(embedUrl({ ...opts, siteRoot: localRoot }));
      if (!iframe) {
        iframe = document.createElement('iframe');
        iframe.loading = 'lazy';
        iframe.height = String(opts.height);
        previewBox.append(iframe);
        previewBox.hidden = false;
      }
      iframe.title = opts.title;
      if (iframe.src !== src.href) iframe.src = src.href;
    }
  };

  const copy = (text: string, field: HTMLTextAreaElement | HTMLInputElement): Promise<boolean> =>
    copyText(text, { status, copied: d['copied'] ?? '', failed: d['copyFailed'] ?? '', fallback: () => field });

  // The panel floats over the page (on a phone it covers its own toggle): opened by the
  // reader, it takes the focus, so the next Tab lands on its first control and the focus
  // is never hidden behind it. Escape and Close hand the focus back to the toggle.
  let openedByReader = false;
  q('summary')?.addEventListener('click', () => {
    openedByReader = !menu.open;
  });
  menu.addEventListener('toggle', () => {
    if (menu.open && openedByReader) q<HTMLElement>('[data-share-panel]')?.focus({ preventScroll: true });
    openedByReader = false;
    update();
  });
  for (const sel of [langSel, stateSel, themeSel]) sel.addEventListener('change', update);
  stage?.addEventListener('figure:state', () => {
    if (menu.open) update();
  });
  q('[data-share-copy]')?.addEventListener('click', () => void copy(code.value, code));
  q('[data-share-copy-link]')?.addEventListener('click', () => void copy(link.value, link));
  q('[data-share-close]')?.addEventListener('click', () => {
    menu.open = false;
    q<HTMLElement>('summary')?.focus();
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      q<HTMLElement>('summary')?.focus();
    }
  });
}

for (const menu of document.querySelectorAll<HTMLDetailsElement>('details[data-share]')) init(menu);
