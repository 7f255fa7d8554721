/**
 * The embed code a journalist copies: an <iframe> that works on its own at a fixed
 * height (hosts that strip scripts), plus our loader script that resizes it.
 * Pure and tiny: used at build time (oEmbed) and in the share menu.
 */

export interface EmbedOptions {
  /** Absolute URL of the site root, ending in "/" (origin + base). */
  siteRoot: string;
  lang: string;
  figure: string;
  /** A state id; omitted or "summary" gives the default. */
  step?: string | undefined;
  theme?: 'auto' | 'light' | 'dark' | undefined;
  title: string;
  height: number;
}

/** Escapes a value for a double-quoted HTML attribute. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The embed page URL for the options: /embed/<lang>/<figure>/?step=…&theme=… */
export function embedUrl(o: Pick<EmbedOptions, 'siteRoot' | 'lang' | 'figure' | 'step' | 'theme'>): string {
  const url = new URL(`embed/${o.lang}/${o.figure}/`, o.siteRoot);
  if (o.step && o.step !== 'summary') url.searchParams.set('step', o.step);
  if (o.theme && o.theme !== 'auto') url.searchParams.set('theme', o.theme);
  return url.href;
}

/** The HTML snippet to paste: iframe (lazy, titled, fixed fallback height) and the loader. */
export function embedCode(o: EmbedOptions): string {
  const src = embedUrl(o);
  const loader = new URL('embed.js', o.siteRoot).href;
  return (
    `<iframe src="${attr(src)}" title="${attr(o.title)}" width="100%" height="${Math.round(o.height)}" ` +
    `loading="lazy" style="border:0;width:100%;max-width:100%" data-gg-embed></iframe>\n` +
    `<script src="${attr(loader)}" async></script>`
  );
}

/** A sensible fixed height for the iframe: the wide drawing plus title, source and table toggle. */
export function defaultEmbedHeight(wide: { width: number; height: number }): number {
  return Math.round(wide.height + 190);
}
