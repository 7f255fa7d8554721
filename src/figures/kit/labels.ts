import type { Lang } from '../../i18n/lang';
import { defineStrings } from '../../i18n/t';
import type { Mark, TextMark, Tone } from '../marks';
import { textWidth, type LabelStyle } from './measure';
import { roundedRect, type Box } from './shapes';
import { INTER_METRICS, sizeOf } from './type';
import de from './strings.de.json';
import en from './strings.en.json';

const strings = defineStrings<keyof typeof de>(de, { en });

/** What a tag says about the marks beside it. One look for one meaning, on every figure. */
export type TagKind = 'context' | 'schematic' | 'simulation' | 'derived' | 'illustrative' | 'notDisclosed';

/** The tag's text in a language (capitals). */
export function tagText(kind: TagKind, lang: Lang): string {
  return strings[lang][`tag.${kind}`];
}

const TAG_STYLE: LabelStyle = { size: 'xs', weight: 'bold', letterSpacing: 0 };
const TAG_PAD = 5;
/** Height of a tag's box: the xs role's cap height plus padding above and below. */
export const TAG_HEIGHT = Math.ceil(sizeOf('xs') * INTER_METRICS.capHeight) + 2 * TAG_PAD;

export interface Tag {
  marks: Mark[];
  width: number;
  height: number;
}

/**
 * tag({ key, kind, x, y, lang }): a small outlined label ("KONTEXT", "SCHEMATISCH", …) whose
 * box has its top-left corner at (x, y), or its top-right when anchor is 'end'. Context and
 * derived facts, schematic and simulated parts all say so with the same look; the kind only
 * changes the word. Returns the marks and the box size for placing what follows.
 */
export function tag(o: { key: string; kind: TagKind; x: number; y: number; lang: Lang; anchor?: 'start' | 'end'; tone?: Tone }): Tag {
  const text = tagText(o.kind, o.lang);
  const width = Math.ceil(textWidth(text, TAG_STYLE)) + 2 * TAG_PAD + 2;
  const left = o.anchor === 'end' ? o.x - width : o.x;
  const tone = o.tone ?? 'muted';
  const box = `${o.key}-box`;
  return {
    width,
    height: TAG_HEIGHT,
    marks: [
      { kind: 'rect', key: box, tone: 'paper', x: left, y: o.y, width, height: TAG_HEIGHT, rx: 3 },
      { kind: 'path', key: `${o.key}-outline`, tone, d: roundedRect({ x: left + 0.5, y: o.y + 0.5, width: width - 1, height: TAG_HEIGHT - 1 }, 3) },
      { kind: 'text', key: `${o.key}-text`, tone, x: left + width / 2, y: o.y + TAG_HEIGHT - TAG_PAD, text, size: 'xs', weight: 'bold', anchor: 'middle', on: box },
    ],
  };
}

export interface BarLabelOptions extends LabelStyle {
  key: string;
  text: string;
  /** The bar, and the key of its mark. */
  bar: Box & { key: string };
  /** Space between the label and the bar's end. Defaults to 6. */
  pad?: number;
  /** Bars grow rightwards (horizontal, default) or upwards. */
  orient?: 'horizontal' | 'vertical';
}

/**
 * barLabel(options): a bar's value, inside its end when the measured text fits (set in
 * paper on the bar) and beside it otherwise (set in ink). Which one is decided by measure(),
 * never by a guessed character width.
 */
export function barLabel(o: BarLabelOptions): TextMark {
  const size = o.size ?? 's';
  const weight = o.weight ?? 'bold';
  const pad = o.pad ?? 6;
  const w = textWidth(o.text, { size, weight });
  const capHeight = sizeOf(size) * INTER_METRICS.capHeight;
  const base = { kind: 'text' as const, key: o.key, text: o.text, size, weight };
  if ((o.orient ?? 'horizontal') === 'horizontal') {
    const y = o.bar.y + o.bar.height / 2 + capHeight / 2;
    const inside = w + 2 * pad <= o.bar.width && capHeight + 4 <= o.bar.height;
    return inside
      ? { ...base, tone: 'paper', x: o.bar.x + o.bar.width - pad, y, anchor: 'end', on: o.bar.key }
      : { ...base, tone: 'ink', x: o.bar.x + o.bar.width + pad, y, anchor: 'start' };
  }
  const x = o.bar.x + o.bar.width / 2;
  const inside = w + 2 * pad <= o.bar.width && capHeight + 2 * pad <= o.bar.height;
  return inside
    ? { ...base, tone: 'paper', x, y: o.bar.y + pad + capHeight, anchor: 'middle', on: o.bar.key }
    : { ...base, tone: 'ink', x, y: o.bar.y - pad, anchor: 'middle' };
}
