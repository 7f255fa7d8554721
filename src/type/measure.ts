import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { FACES, type FamilyKey } from './faces';
import { instanceFile } from './fonts';

/**
 * Text metrics from the site's own fonts: HarfBuzz shapes the text with the static
 * instance resvg draws with (src/type/fonts.ts), so a width here is the width in the
 * PNGs and, to the rounding of a browser's shaper, on the page. Kerning and ligatures
 * are applied, as the browser applies them.
 */

/** How a run of text is set. */
export interface MeasureStyle {
  /** Font size in px (or SVG user units). */
  size: number;
  /** A weight with a static instance (FACES[family].instanceWeights). */
  weight: number;
  /** Defaults to 'sans' (Inter), the family of every figure label. */
  family?: FamilyKey;
}

interface Shaper {
  font: hb.Font;
  upem: number;
}

const shapers = new Map<string, Shaper>();

function shaper(family: FamilyKey, weight: number): Shaper {
  const key = `${family}:${weight}`;
  let s = shapers.get(key);
  if (!s) {
    const face = new hb.Face(new hb.Blob(new Uint8Array(readFileSync(instanceFile(family, weight)))));
    s = { font: new hb.Font(face), upem: face.upem };
    shapers.set(key, s);
  }
  return s;
}

const widths = new Map<string, number>();

/** Advance width of one line of text in px at the given size, weight and family (shaped by HarfBuzz). */
export function measure(text: string, style: MeasureStyle): number {
  if (!(style.size > 0) || !Number.isFinite(style.size)) throw new Error(`measure: size must be a positive number, got ${style.size}`);
  const family = style.family ?? 'sans';
  if (!FACES[family]) throw new Error(`measure: unknown family "${String(family)}"; there are ${Object.keys(FACES).join(', ')}`);
  const key = `${family}:${style.weight}:${text}`;
  let units = widths.get(key);
  if (units === undefined) {
    const { font, upem } = shaper(family, style.weight);
    const buffer = new hb.Buffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    units = buffer.getGlyphPositions().reduce((sum, p) => sum + p.xAdvance, 0) / upem;
    widths.set(key, units);
  }
  return units * style.size;
}
