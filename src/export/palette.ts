import { TYPE } from '../figures/kit/type';
import { TOKENS_CSS } from './stylesheets';
import type { Tone } from '../figures/marks';
import type { FigureModule } from '../figures/types';

/**
 * Concrete colours for downloads and previews. Files leave the site without its
 * stylesheet, so the light theme's tokens are read from src/styles/tokens.css (the
 * same file the pages use) and resolved to plain values here.
 */

/** The custom properties declared in the first `:root {` block of a stylesheet, comments removed. */
export function parseRootTokens(css: string): Record<string, string> {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const start = clean.search(/(^|\})\s*:root\s*\{/);
  if (start < 0) throw new Error('tokens.css: no ":root {" block');
  const open = clean.indexOf('{', start === 0 ? 0 : start + 1);
  const close = clean.indexOf('}', open);
  const tokens: Record<string, string> = {};
  for (const decl of clean.slice(open + 1, close).split(';')) {
    const m = /^\s*--([\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(decl);
    if (m) tokens[m[1] as string] = m[2] as string;
  }
  return tokens;
}

/** Resolves `var(--name)` references (nested ones too) against a token set; throws on an unknown name. */
export function resolveTokens(value: string, tokens: Readonly<Record<string, string>>, depth = 0): string {
  if (depth > 10) throw new Error(`tokens: var() cycle in "${value}"`);
  return value.replace(/var\(\s*--([\w-]+)\s*(?:,\s*([^)]*))?\)/g, (_, name: string, fallback?: string) => {
    const v = tokens[name] ?? fallback;
    if (v === undefined) throw new Error(`tokens: --${name} is not defined`);
    return resolveTokens(v, tokens, depth + 1);
  });
}

/** The light theme, as declared in src/styles/tokens.css. */
export const LIGHT_TOKENS: Readonly<Record<string, string>> = parseRootTokens(TOKENS_CSS);

/** One concrete colour per tone, for a figure's accent (accent-2 is the site's second accent, slate). */
export function tonePalette(accent: FigureModule['accent'], tokens: Readonly<Record<string, string>> = LIGHT_TOKENS): Record<Tone, string> {
  const c = (name: string) => resolveTokens(`var(--${name})`, tokens);
  return {
    ink: c('ink'),
    muted: c('muted'),
    accent: c(accent),
    'accent-2': c('accent-2'),
    grid: c('grid'),
    paper: c('paper'),
    soft: c('soft'),
  };
}

/** Type sizes of the mark text roles, in SVG user units: the figure kit's (src/figures/kit/type.ts). */
export const TYPE_SIZES = TYPE.size;

/** Font weights of the mark text roles: the figure kit's. */
export const TYPE_WEIGHTS = TYPE.weight;

/** The font family downloads name: the embedded (SVG) or loaded (PNG) Inter. */
export const FONT_FAMILY = 'Inter, sans-serif';
