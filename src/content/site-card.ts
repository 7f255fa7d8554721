import { creditLine, markStyle, OG_SIZE, svgToPng, tonePalette, TYPE_WEIGHTS } from '../export';
import { figureBody, styleElement } from '../export/svg';
import { textElements, wrapText, type TextStyle } from '../export/text';
import { escapeXml } from '../figures/marks';
import { SUMMARY, type FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/t';

/**
 * The site card: the social preview of every page that is not a chapter (landing,
 * sources, glossary, classroom pages, 404). 1200 × 630, drawn from the site's own
 * pieces: its name and tagline in the export type, and the five chapter figures in
 * their summary state (the same marks as the pages, via figureBody), in reading order.
 * It uses the export renderer's parts (src/export) and adds no drawing of its own.
 */

const MARGIN = 64;
const NAME: TextStyle = { size: 52, weight: TYPE_WEIGHTS.bold };
const TAGLINE: TextStyle = { size: 26, weight: TYPE_WEIGHTS.regular };
const CREDIT: TextStyle = { size: 20, weight: TYPE_WEIGHTS.regular };
const GAP = 24;

/** The site card as an SVG document. `figures` are the chapters' figures in reading order. */
export function siteCardSvg(lang: Lang, figures: readonly FigureModule[]): string {
  const { width, height } = OG_SIZE;
  const tones = tonePalette('vermilion');
  const inner = width - 2 * MARGIN;
  const nameY = 48 + 0.76 * NAME.size;
  const tagLines = wrapText(t(lang, 'site.tagline'), inner, TAGLINE).slice(0, 2);
  const tagY = nameY + 20 + 0.76 * TAGLINE.size;
  const top = tagY + (tagLines.length - 1) * 34 + 32;
  const creditY = height - 36;
  const bottom = creditY - 0.76 * CREDIT.size - 16;
  // The figures in two rows (three, then two), each scaled into its cell and centred.
  const rows = [figures.slice(0, 3), figures.slice(3)].filter((r) => r.length);
  const rowH = (bottom - top - GAP * (rows.length - 1)) / rows.length;
  const perRow = Math.max(...rows.map((r) => r.length));
  const cellW = (inner - GAP * (perRow - 1)) / perRow;
  const thumbs = rows.flatMap((row, r) => {
    const rowW = row.length * cellW + (row.length - 1) * GAP;
    return row.map((figure, i) => {
      const { width: w, height: h } = figure.layouts.wide;
      const scale = Math.min(cellW / w, rowH / h);
      const x = MARGIN + (inner - rowW) / 2 + i * (cellW + GAP) + (cellW - w * scale) / 2;
      const y = top + r * (rowH + GAP) + (rowH - h * scale) / 2;
      return figureBody({ figure, lang, state: SUMMARY, layout: 'wide', x, y, width: w * scale, height: h * scale });
    });
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" lang="${lang}">`,
    `<title>${escapeXml(t(lang, 'site.name'))}</title>`,
    `<desc>${escapeXml(t(lang, 'site.tagline'))}</desc>`,
    styleElement(markStyle('vermilion')),
    `<rect width="${width}" height="${height}" fill="${tones.paper}"/>`,
    `<rect width="${width}" height="8" fill="${tones.accent}"/>`,
    textElements({ ...NAME, lines: [t(lang, 'site.name')], x: MARGIN, y: nameY, lineHeight: 0, fill: tones.ink }),
    textElements({ ...TAGLINE, lines: tagLines, x: MARGIN, y: tagY, lineHeight: 34, fill: tones.muted }),
    ...thumbs,
    textElements({ ...CREDIT, lines: [creditLine(lang)], x: MARGIN, y: creditY, lineHeight: 0, fill: tones.muted }),
    '</svg>',
  ].join('\n');
}

/** The site card as a 1200 × 630 PNG. */
export function siteCardPng(lang: Lang, figures: readonly FigureModule[]): Uint8Array<ArrayBuffer> {
  return svgToPng(siteCardSvg(lang, figures), 1);
}
