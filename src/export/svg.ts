import { layoutFrames, stateSvg, type LayoutFrames } from '../figures/frames';
import { escapeXml, round } from '../figures/marks';
import { SUMMARY, type FigureModule, type LayoutName } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { FACES } from '../type/faces';
import { downloadFont } from '../type/fonts';
import { tonePalette, TYPE_SIZES, TYPE_WEIGHTS } from './palette';
import { creditLine, sourceLine } from './sources';
import { markStyle } from './style';
import { textElements, wrapText, type TextStyle } from './text';

/**
 * The standalone SVG of a figure: the page's own marks (stateSvg from
 * src/figures/frames.ts, not a second drawing) framed by a title line, the source
 * line and the credit, with the mark styles and the site's Inter embedded, so the
 * file renders the same anywhere.
 */

export interface StandaloneOptions {
  figure: FigureModule;
  lang: Lang;
  /** Defaults to the summary state. */
  state?: string;
  /** Defaults to the wide layout. */
  layout?: LayoutName;
  /**
   * Embed Inter as a data: URL (default true), so the file renders in the site's
   * type anywhere. The PNG renderer loads the font itself and skips it.
   */
  embedFont?: boolean;
}

/** Margin around the figure, in the layout's user units. */
const PAD = 20;
const TITLE: TextStyle = { size: TYPE_SIZES.s, weight: TYPE_WEIGHTS.bold, caps: true, letterSpacing: 0.04 * TYPE_SIZES.s };
const TITLE_LEADING = 18;
const FOOT: TextStyle = { size: TYPE_SIZES.xs, weight: TYPE_WEIGHTS.regular };
const FOOT_LEADING = 16;
/** Baseline offset of a first line below its top edge, and descent below the last baseline (in em). */
const ASCENT = 0.76;
const DESCENT = 0.26;

/** The marks of one state in one layout as a nested <svg> at (x, y), scaled to width × height. Marks the state lacks are omitted. */
export function figureBody(opts: { figure: FigureModule; lang: Lang; state: string; layout: LayoutName; x: number; y: number; width?: number; height?: number }): string {
  const frames = layoutFrames(opts.figure, opts.layout, opts.lang);
  const marks = frames.states[opts.state];
  if (!marks) throw new Error(`Figure "${opts.figure.id}" has no state "${opts.state}"`);
  const shown = new Set(marks.map((m) => m.key));
  // Only this state: the page's SVG carries every state's marks hidden, ready to morph; a file needs none of them.
  const only: LayoutFrames = { ...frames, keys: frames.keys.filter((k) => shown.has(k)), states: { [opts.state]: marks } };
  return stateSvg(only, opts.state, {
    x: String(round(opts.x)),
    y: String(round(opts.y)),
    width: String(round(opts.width ?? frames.width)),
    height: String(round(opts.height ?? frames.height)),
    overflow: 'visible',
  });
}

let fontFaceCache: string | undefined;

/** @font-face for the site's Inter as a data: URL (family "Inter", the web font's weights; see downloadFont). */
export function fontFaceCss(): string {
  const { wght } = FACES.sans.webAxes;
  const weights = typeof wght === 'number' ? wght : `${wght.min} ${wght.max}`;
  fontFaceCache ??= `@font-face{font-family:"Inter";font-style:normal;font-weight:${weights};src:url(data:font/woff2;base64,${downloadFont().toString('base64')}) format("woff2")}`;
  return fontFaceCache;
}

/** A <style> element; its text holds no "<" or "&", so it needs no escaping or CDATA. */
export function styleElement(css: string): string {
  if (/[<&]/.test(css)) throw new Error('style: unexpected "<" or "&" in CSS');
  return `<style>${css}</style>`;
}

/** The figure as a self-contained SVG document (see StandaloneOptions for the defaults). */
export function standaloneSvg(opts: StandaloneOptions): string {
  const { figure, lang } = opts;
  const state = opts.state ?? SUMMARY;
  const layout = opts.layout ?? 'wide';
  if (!figure.states.includes(state)) throw new Error(`Figure "${figure.id}" has no state "${state}"`);
  const tones = tonePalette(figure.accent);
  const { width: figW, height: figH } = figure.layouts[layout];
  const width = figW + 2 * PAD;
  const inner = width - 2 * PAD;
  const title = figure.title(lang);

  const titleLines = wrapText(title.toLocaleUpperCase(lang), inner, TITLE);
  const titleY = PAD + ASCENT * TITLE.size;
  const figY = titleY + (titleLines.length - 1) * TITLE_LEADING + DESCENT * TITLE.size + 10;
  const footLines = [...wrapText(sourceLine(figure, lang), inner, FOOT), ...wrapText(creditLine(lang), inner, FOOT)];
  const footY = figY + figH + 14 + ASCENT * FOOT.size;
  const height = Math.ceil(footY + (footLines.length - 1) * FOOT_LEADING + DESCENT * FOOT.size + PAD);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" lang="${lang}">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(figure.alt(state, lang))}</desc>`,
    styleElement(opts.embedFont === false ? markStyle(figure.accent) : `${fontFaceCss()}\n${markStyle(figure.accent)}`),
    `<rect width="${width}" height="${height}" fill="${tones.paper}"/>`,
    textElements({ ...TITLE, lines: titleLines, x: PAD, y: titleY, lineHeight: TITLE_LEADING, fill: tones.muted }),
    figureBody({ figure, lang, state, layout, x: PAD, y: figY }),
    textElements({ ...FOOT, lines: footLines, x: PAD, y: footY, lineHeight: FOOT_LEADING, fill: tones.muted }),
    '</svg>',
  ].join('\n');
}

/** Width and height of an SVG document, from its root width/height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  return { width: num('width'), height: num('height') };
}
