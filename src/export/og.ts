import { escapeXml, round } from '../figures/marks';
import { SUMMARY, type FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/t';
import { tonePalette, TYPE_WEIGHTS } from './palette';
import { svgToPng } from './png';
import { creditLine } from './sources';
import { figureBody, styleElement } from './svg';
import { markStyle } from './style';
import { textElements, wrapText, type TextStyle } from './text';

/**
 * The social preview (Open Graph / Twitter card) of a figure: 1200 × 630, the
 * site's name, the figure's title, the summary state of the wide layout scaled
 * to fit, and the credit. Built from the standalone pieces (figureBody, the mark
 * style), so the preview is the page's drawing too.
 */

export const OG_SIZE = { width: 1200, height: 630 } as const;

const MARGIN = 64;
const TOP = 52;
const SITE: TextStyle = { size: 24, weight: TYPE_WEIGHTS.bold, letterSpacing: 0.3 };
const TITLE: TextStyle = { size: 42, weight: TYPE_WEIGHTS.bold };
const TITLE_LEADING = 50;
const CREDIT: TextStyle = { size: 20, weight: TYPE_WEIGHTS.regular };

/** What ogImage() and ogSvg() draw: a figure in a language (always its summary state). */
export interface OgOptions {
  figure: FigureModule;
  lang: Lang;
}

/** The preview as an SVG document (what ogImage renders). */
export function ogSvg({ figure, lang }: OgOptions): string {
  const { width, height } = OG_SIZE;
  const tones = tonePalette(figure.accent);
  const inner = width - 2 * MARGIN;
  const siteY = TOP + 0.76 * SITE.size;
  // At most two title lines; the figure gets the rest.
  const wrapped = wrapText(figure.title(lang), inner, TITLE);
  const titleLines = wrapped.length > 2 ? [wrapped[0] as string, `${wrapped[1] as string} …`] : wrapped;
  const titleY = siteY + 16 + 0.76 * TITLE.size;
  const creditY = height - 36;
  const top = titleY + (titleLines.length - 1) * TITLE_LEADING + 0.26 * TITLE.size + 16;
  const bottom = creditY - 0.76 * CREDIT.size - 16;
  const wide = figure.layouts.wide;
  const scale = Math.min(inner / wide.width, (bottom - top) / wide.height);
  const figW = wide.width * scale;
  const figH = wide.height * scale;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" lang="${lang}">`,
    `<title>${escapeXml(figure.title(lang))}</title>`,
    `<desc>${escapeXml(figure.alt(SUMMARY, lang))}</desc>`,
    styleElement(markStyle(figure.accent)),
    `<rect width="${width}" height="${height}" fill="${tones.paper}"/>`,
    `<rect width="${width}" height="8" fill="${tones.accent}"/>`,
    textElements({ ...SITE, lines: [t(lang, 'site.name')], x: MARGIN, y: siteY, lineHeight: 0, fill: tones.accent }),
    textElements({ ...TITLE, lines: titleLines, x: MARGIN, y: titleY, lineHeight: TITLE_LEADING, fill: tones.ink }),
    figureBody({ figure, lang, state: SUMMARY, layout: 'wide', x: (width - figW) / 2, y: top + (bottom - top - figH) / 2, width: figW, height: figH }),
    textElements({ ...CREDIT, lines: [creditLine(lang)], x: MARGIN, y: round(creditY), lineHeight: 0, fill: tones.muted }),
    '</svg>',
  ].join('\n');
}

/** The preview as a 1200 × 630 PNG. */
export function ogImage(opts: OgOptions): Uint8Array<ArrayBuffer> {
  return svgToPng(ogSvg(opts), 1);
}
