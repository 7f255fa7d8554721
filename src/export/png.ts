import { Resvg } from '@resvg/resvg-js';
import { renderFamily, renderFontFiles } from '../type/fonts';
import { standaloneSvg, type StandaloneOptions } from './svg';

/**
 * Renders an SVG document to PNG with resvg, in the site's Inter only: the static
 * instances of src/type/ (no system fonts: the result must not depend on the machine
 * that builds it). Any family the SVG names falls back to them.
 * `scale` 2 gives a sharp image on high-density screens and in print.
 */
export function svgToPng(svg: string, scale = 2): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: renderFontFiles(), loadSystemFonts: false, defaultFontFamily: renderFamily(), sansSerifFamily: renderFamily() },
    logLevel: 'error',
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The standalone SVG of a figure (same options and defaults) as a PNG at twice its size; same drawing, font loaded by the renderer. */
export function figurePng(opts: StandaloneOptions): Uint8Array<ArrayBuffer> {
  return svgToPng(standaloneSvg({ ...opts, embedFont: false }), 2);
}
