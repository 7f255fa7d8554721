/**
 * Downloads and social previews of figures, built from the same marks as the
 * pages: standalone SVG and PNG (with licence metadata), CSV, JSON, xlsx and the
 * 1200 × 630 preview image.
 * The routes in src/pages/downloads and src/pages/og only call these.
 */
export { BOM, csvCell, CSV_DIALECT, CSV_HEADER, figureCsv, toCsv, type CsvCell } from './csv';
export { figureJson, figureJsonText, type FigureJson, type JsonDataPoint } from './json';
export { pictureMetadata, pngText, svgMetadata, withPngText, withSvgMetadata, type PictureMetadata } from './metadata';
export { ogImage, ogSvg, OG_SIZE, type OgOptions } from './og';
export { tonePalette, TYPE_SIZES, TYPE_WEIGHTS, LIGHT_TOKENS } from './palette';
export { figurePng, svgToPng } from './png';
export { creditLine, figureSources, sourceLine, LICENCE } from './sources';
export { markStyle } from './style';
export { standaloneSvg, svgSize, type StandaloneOptions } from './svg';
export { figureXlsx, type XlsxOptions } from './xlsx';
