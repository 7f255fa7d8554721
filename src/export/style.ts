import { FIGURE_CSS } from './stylesheets';
import type { FigureModule } from '../figures/types';
import { FONT_FAMILY, LIGHT_TOKENS, resolveTokens, tonePalette } from './palette';

/**
 * The stylesheet a standalone figure carries: exactly the mark rules of
 * src/styles/figure.css (mk-*, tone-*, ts-*, tw-*, sw-*, dashed, filled, stroked),
 * with every var() resolved to the light theme and the figure's accent, so the file
 * looks like the page without the page's CSS. Rules are copied, not rewritten: a
 * change to figure.css reaches the downloads.
 */

/** Classes that belong to marks (see markClass in src/figures/marks.ts). */
const MARK_CLASS = /^(mk|mk-[a-z]+|tone-[a-z0-9-]+|ts-[a-z]+|tw-[a-z]+|sw-\d+|dashed|filled|stroked)$/;

/** One top-level CSS rule: its selector list and its declarations. */
export interface CssRule {
  selectors: string[];
  body: string;
}

/** Top-level rules of a stylesheet (at-rule blocks such as @container are skipped), comments removed. */
export function topLevelRules(css: string): CssRule[] {
  const s = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{', i);
    if (open < 0) break;
    const prelude = s.slice(i, open).trim();
    // Find the matching brace (at-rules nest).
    let depth = 1;
    let j = open + 1;
    for (; j < s.length && depth > 0; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') depth--;
    }
    if (!prelude.startsWith('@')) {
      rules.push({ selectors: prelude.split(',').map((x) => x.trim()), body: s.slice(open + 1, j - 1).trim() });
    }
    i = j;
  }
  return rules;
}

/** True when every selector of the rule is made only of mark classes (".mk-text.tone-ink"). */
export function isMarkRule(rule: CssRule): boolean {
  return rule.selectors.every((sel) => {
    const m = /^(\.[a-z0-9-]+)+$/.exec(sel);
    return m !== null && sel.slice(1).split('.').every((c) => MARK_CLASS.test(c));
  });
}

/** The mark rules of figure.css, resolved for one figure's accent. */
export function markStyle(accent: FigureModule['accent'], css: string = FIGURE_CSS): string {
  const tones = tonePalette(accent);
  const tokens = { ...LIGHT_TOKENS, accent: tones.accent, 'accent-2': tones['accent-2'], 'font-sans': FONT_FAMILY };
  return topLevelRules(css)
    .filter(isMarkRule)
    .map((r) => `${r.selectors.join(',')}{${resolveTokens(r.body, tokens).replace(/\s*\n\s*/g, ' ')}}`)
    .join('\n');
}
