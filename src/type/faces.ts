/**
 * The site's two type families and the few choices made about them, in one place:
 * where each comes from on npm, which axes the web font keeps, which weights get a
 * static instance (for resvg and for measure()), and which layout features survive
 * the cut. src/type/fonts.ts makes the fonts; nothing else names a font file.
 */

/** A family as the CSS and measure() know it. */
export type FamilyKey = 'sans' | 'serif';

export interface Face {
  /** The CSS family name the site's @font-face declares. */
  name: string;
  /** The source font, resolved from node_modules (a variable WOFF2 with every glyph the family has). */
  source: string;
  /** Why this package: what it has that the others lack. */
  package: string;
  /**
   * Axes of the web font: a range keeps the axis (cut to it), a number pins it. The range is
   * exactly the weights the CSS uses (test/unit/type.test.ts compares it with the stylesheets).
   */
  webAxes: { wght: number | { min: number; max: number }; opsz: number };
  /** Weights with a static TrueType instance: what resvg draws and what measure() reads. */
  instanceWeights: readonly number[];
  /** Metrics of the local font the fallback face stands on, from @capsizecss/metrics, and the local names that carry them. */
  fallback: { metrics: 'arial' | 'timesNewRoman'; local: readonly string[]; generic: string };
}

export const FACES: Readonly<Record<FamilyKey, Face>> = {
  sans: {
    name: 'Inter',
    // inter-ui 4.1 is Inter's own release (OFL 1.1): unlike every Fontsource subset it has ≈ and →.
    source: 'inter-ui/variable/InterVariable.woff2',
    package: 'inter-ui',
    // opsz 14 is Inter's text design, the one the site has always shown (Fontsource's "wght" files).
    webAxes: { wght: { min: 400, max: 700 }, opsz: 14 },
    instanceWeights: [400, 450, 500, 600, 700],
    // Liberation Sans and Arimo are metric clones of Arial, so Arial's overrides fit them too.
    fallback: { metrics: 'arial', local: ['Arial', 'Liberation Sans', 'Arimo'], generic: 'sans-serif' },
  },
  serif: {
    // Adobe's own release of Source Serif 4 (OFL 1.1), every glyph of the family; opsz 14 matches
    // the Fontsource file the site used before, so body text keeps its look and its line length.
    name: 'Source Serif 4',
    source: 'source-serif/WOFF2/VAR/SourceSerif4Variable-Roman.ttf.woff2',
    package: 'source-serif',
    // The serif only sets body text, at 400: one pinned weight is a third of the size of a range.
    webAxes: { wght: 400, opsz: 14 },
    instanceWeights: [400],
    fallback: { metrics: 'timesNewRoman', local: ['Times New Roman', 'Liberation Serif', 'Tinos'], generic: 'serif' },
  },
};

/**
 * OpenType features the web fonts keep: kerning, ligatures, marks and locale forms (what a
 * browser applies by default) and tabular figures (figure.css asks for `tnum`). Inter's
 * alternates (cv*, ss*, calt) and the serif's small caps would double the files for nothing.
 */
export const WEB_FEATURES = ['kern', 'liga', 'ccmp', 'locl', 'mark', 'mkmk', 'tnum'] as const;

/**
 * Characters every web font carries beyond the text of the built pages and scripts (which
 * finishWebFonts reads in full): digits and ASCII punctuation, Latin-1 punctuation and the
 * no-break space, the typographic quotes, dashes and spaces both languages use, and the
 * currency, math and arrow signs the figures write. Text that a script shows later (figure
 * states, popovers, the share menu) is in the HTML or the scripts, so the build sees it.
 */
export const ALWAYS = [
  ' !"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~',
  '\u00a0¡§¶·¿«»',
  '\u2009\u202f\u2010\u2011\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2039\u203a',
  '$€£¥¢',
  '+\u2212×÷=≈≠±≤≥%‰°',
  '←↑→↓',
].join('');
