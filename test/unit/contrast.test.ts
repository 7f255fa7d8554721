import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * WCAG 2.2 AA contrast of the colour tokens, light and dark, for every pairing
 * the site uses, SVG text included (axe does not measure text drawn in SVG).
 */
const css = readFileSync(join(import.meta.dirname, '../../src/styles/tokens.css'), 'utf8');

/** The colour tokens of one rule: hex values, and tokens that name another (`--accent-2: var(--slate)`). */
function block(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6}|var\(--[\w-]+\))/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** Follows var() references to a hex colour within one token set. */
function resolve(tokens: Record<string, string>): Record<string, string> {
  const hex = (v: string | undefined, depth = 0): string => {
    const ref = /^var\(--([\w-]+)\)$/.exec(v ?? '')?.[1];
    return ref && depth < 5 ? hex(tokens[ref], depth + 1) : (v ?? '#000000');
  };
  return Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, hex(v)]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** contrast(a, b): the WCAG contrast ratio of two hex colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const light = resolve(block(':root {'));
const dark = resolve({ ...block(':root {'), ...block("[data-theme='dark'] {") });
const ACCENTS = ['vermilion', 'teal', 'indigo', 'ochre', 'plum', 'slate'];

describe('contrast()', () => {
  it('gives 21 for black on white and 1 for equal colours', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });
});

for (const [name, t] of [['light', light], ['dark', dark]] as const) {
  describe(`${name} tokens`, () => {
    const c = (a: string, b: string) => contrast(t[a] ?? '#000000', t[b] ?? '#000000');
    it('body and muted text reach 4.5:1 on the page and on cards', () => {
      for (const bg of ['paper', 'paper-raised']) {
        expect(c('ink', bg), `ink/${bg}`).toBeGreaterThanOrEqual(4.5);
        expect(c('muted', bg), `muted/${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
    it('every accent reads as text (4.5:1) and carries paper-coloured labels (4.5:1)', () => {
      for (const a of ACCENTS) {
        expect(c(a, 'paper'), `${a} text on paper`).toBeGreaterThanOrEqual(4.5);
        expect(c('paper', a), `paper text on ${a}`).toBeGreaterThanOrEqual(4.5);
      }
    });
    it('ink labels read on soft (dimmed) fills, and bars stand out from the page (3:1)', () => {
      expect(c('ink', 'soft')).toBeGreaterThanOrEqual(4.5);
      for (const a of ACCENTS) expect(c(a, 'paper'), a).toBeGreaterThanOrEqual(3);
    });
    // Figures draw "background" text (rivals, the links of a chain not yet reached) in a
    // text tone, never faded with opacity: each text tone must read on its own, on the page,
    // on cards and on the neutral fills a label can sit on.
    it('every text tone a figure can use reads at 4.5:1 on the page, on cards and on neutral fills', () => {
      for (const tone of ['ink', 'muted', 'accent-2']) {
        for (const bg of ['paper', 'paper-raised', 'soft', 'grid']) expect(c(tone, bg), `${tone} text on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
    it('the focus ring stands out from the page (3:1)', () => {
      expect(c('focus', 'paper')).toBeGreaterThanOrEqual(3);
    });
  });
}
