/**
 * The embed code a journalist copies: an <iframe> that works on its own at a fixed
 * height (plain iframes, hosts that strip scripts or block ours), plus our loader
 * script that resizes it, and the AMP variant. Pure and tiny: used at build time
 * (oEmbed, share menu) and in the browser (share menu choosers).
 */

export type EmbedTheme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  /** Absolute URL of the site root, ending in "/" (origin + base). */
  siteRoot: string;
  lang: string;
  figure: string;
  /** A state id; omitted or "summary" gives the default. */
  step?: string | undefined;
  /** Light unless asked otherwise (newspaper pages are light; "auto" follows the reader's OS). */
  theme?: EmbedTheme | undefined;
  title: string;
  /** Fixed height in CSS px for hosts where no script resizes the iframe. */
  height: number;
  /** Absolute URL of the story, the link a host keeps if it drops the iframe. */
  storyUrl?: string | undefined;
  /** Subresource Integrity value of /embed.js ("sha384-…"); with it the script tag carries integrity and crossorigin. */
  integrity?: string | undefined;
}

/** Escapes a value for a double-quoted HTML attribute or for text. */
function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The embed page URL: /embed/<lang>/<figure>/<step>/ (complete without JavaScript),
 * the summary at /embed/<lang>/<figure>/, ?theme=dark|auto when not light.
 */
export function embedUrl(o: Pick<EmbedOptions, 'siteRoot' | 'lang' | 'figure' | 'step' | 'theme'>): string {
  const step = o.step && o.step !== 'summary' ? `${encodeURIComponent(o.step)}/` : '';
  const url = new URL(`embed/${encodeURIComponent(o.lang)}/${encodeURIComponent(o.figure)}/${step}`, o.siteRoot);
  if (o.theme === 'dark' || o.theme === 'auto') url.searchParams.set('theme', o.theme);
  return url.href;
}

/** The iframe alone: titled, lazy, full width, a whole-number fixed height, and a link inside for hosts that drop frames. */
export function embedIframe(o: EmbedOptions): string {
  const fallback = o.storyUrl ? `<a href="${esc(o.storyUrl)}">${esc(o.title)}</a>` : '';
  return (
    `<iframe src="${esc(embedUrl(o))}" title="${esc(o.title)}" height="${Math.ceil(o.height)}" ` +
    `loading="lazy" style="display:block;border:0;width:100%;max-width:100%;height:${Math.ceil(o.height)}px" data-gg-embed>${fallback}</iframe>`
  );
}

/** The HTML snippet to paste: the iframe and the loader (with SRI when the hash is known). */
export function embedCode(o: EmbedOptions): string {
  const loader = new URL('embed.js', o.siteRoot).href;
  const sri = o.integrity ? ` integrity="${esc(o.integrity)}" crossorigin="anonymous"` : '';
  return `${embedIframe(o)}\n<script src="${esc(loader)}"${sri} async></script>`;
}

/**
 * The AMP variant: amp-iframe, resizable (the embed page already sends AMP's
 * embed-size message), with the overflow button AMP requires for growing, and the
 * sandbox flags the story link needs to open in a new tab.
 */
export function ampCode(o: EmbedOptions & { width: number; more: string }): string {
  return (
    `<amp-iframe src="${esc(embedUrl(o))}" title="${esc(o.title)}" width="${Math.round(o.width)}" height="${Math.ceil(o.height)}" ` +
    `layout="responsive" resizable frameborder="0" ` +
    `sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads">\n` +
    `  <div overflow tabindex="0" role="button" aria-label="${esc(o.more)}">${esc(o.more)}</div>\n</amp-iframe>`
  );
}
