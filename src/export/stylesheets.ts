import { readFileSync } from 'node:fs';
import figureRaw from '../styles/figure.css?raw';
import tokensRaw from '../styles/tokens.css?raw';

/**
 * The site's stylesheets as text, for the downloads to resolve. Vite inlines them
 * (?raw) at build time. Vitest empties every .css import, ?raw included, unless its
 * `css` option is on, so under test the same files are read from disk instead.
 */
function text(raw: string, relative: string): string {
  return raw.trim() ? raw : readFileSync(new URL(relative, import.meta.url), 'utf8');
}

/** src/styles/tokens.css */
export const TOKENS_CSS: string = text(tokensRaw, '../styles/tokens.css');
/** src/styles/figure.css */
export const FIGURE_CSS: string = text(figureRaw, '../styles/figure.css');
