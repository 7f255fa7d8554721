import { escapeXml } from '../figures/marks';
import { crc32, deflateSync } from 'node:zlib';
import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { creditLine, figureSources, LICENCE } from './sources';

/**
 * What travels inside a downloaded picture, so it stays attributable when it is
 * passed on without its page: title, credit, licence, sources and the URL to cite.
 * SVG: a <metadata> element with Dublin Core and Creative Commons RDF (what
 * Inkscape and the CC licence chooser write). PNG: iTXt chunks (UTF-8) with the
 * PNG specification's keywords.
 */
export interface PictureMetadata {
  title: string;
  description: string;
  credit: string;
  licence: string;
  licenceUrl: string;
  /** The page to cite and link (the story). */
  url: string;
  sources: string[];
  language: Lang;
}

/** The metadata of one state of a figure. */
export function pictureMetadata(figure: FigureModule, lang: Lang, state: string, url: string): PictureMetadata {
  return {
    title: figure.title(lang),
    description: figure.alt(state, lang),
    credit: creditLine(lang),
    licence: LICENCE.name,
    licenceUrl: LICENCE.url,
    url,
    sources: figureSources(figure, lang),
    language: lang,
  };
}

/** The SVG <metadata> element for a picture. */
export function svgMetadata(m: PictureMetadata): string {
  const e = escapeXml;
  return (
    `<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#">` +
    `<cc:Work rdf:about="${e(m.url)}">` +
    `<dc:title>${e(m.title)}</dc:title>` +
    `<dc:description>${e(m.description)}</dc:description>` +
    `<dc:creator>${e(m.credit)}</dc:creator>` +
    `<dc:rights>${e(`${m.credit} – ${m.licence} ${m.licenceUrl}`)}</dc:rights>` +
    `<dc:identifier>${e(m.url)}</dc:identifier>` +
    m.sources.map((s) => `<dc:source>${e(s)}</dc:source>`).join('') +
    `<dc:language>${e(m.language)}</dc:language>` +
    `<cc:license rdf:resource="${e(m.licenceUrl)}"/>` +
    `</cc:Work></rdf:RDF></metadata>`
  );
}

/** Keyword → text for the PNG (keywords from the PNG specification, plus URL and License). */
export function pngText(m: PictureMetadata): [string, string][] {
  return [
    ['Title', m.title],
    ['Description', m.description],
    ['Author', m.credit],
    ['Copyright', `${m.credit} – ${m.licence} ${m.licenceUrl}`],
    ['License', m.licenceUrl],
    ['URL', m.url],
    ['Source', m.sources.join(' · ')],
  ];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** One PNG chunk: length, type, data, CRC over type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An iTXt chunk (UTF-8 text, compressed when that is shorter). */
function itxt(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error(`PNG keyword "${keyword}" is not 1–79 Latin characters`);
  const raw = new TextEncoder().encode(text);
  const packed = deflateSync(raw);
  const compressed = packed.length < raw.length;
  const head = new TextEncoder().encode(keyword);
  // keyword \0 compression-flag compression-method language-tag \0 translated-keyword \0 text
  const data = new Uint8Array(head.length + 5 + (compressed ? packed.length : raw.length));
  data.set(head, 0);
  let i = head.length;
  data[i++] = 0;
  data[i++] = compressed ? 1 : 0;
  data[i++] = 0;
  data[i++] = 0;
  data[i++] = 0;
  data.set(compressed ? packed : raw, i);
  return chunk('iTXt', data);
}

/** A copy of a PNG with iTXt chunks inserted right after IHDR (before the image data, where readers look first). */
export function withPngText(png: Uint8Array, entries: readonly [string, string][]): Uint8Array<ArrayBuffer> {
  if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('withPngText: not a PNG');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const extra = entries.map(([k, v]) => itxt(k, v));
  const size = png.length + extra.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of extra) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** A copy of an SVG document with the <metadata> element as the first child of its root. */
export function withSvgMetadata(svg: string, m: PictureMetadata): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) throw new Error('withSvgMetadata: not an SVG document');
  const at = root.index + root[0].length;
  return `${svg.slice(0, at)}\n${svgMetadata(m)}${svg.slice(at)}`;
}
