// Readers the tests check files with, each on a library that knows its format, so a test
// confirms the file and not a parser of our own: CSV with csv-parse, XML with saxes (a
// strict, spec-conformant XML parser: it refuses what an XML processor must refuse), PNG
// images with pngjs and PNG chunks with png-chunks-extract.
import { parse as parseCsv } from 'csv-parse/sync';
import extractChunks from 'png-chunks-extract';
import { PNG } from 'pngjs';
import { SaxesParser } from 'saxes';
import { inflateSync } from 'node:zlib';

/**
 * Reads RFC 4180 CSV strictly: every record ends in CRLF (the last one too), a quote only
 * opens or closes a whole field, every record has as many fields as the first.
 */
export function readCsv(text: string, opts: { delimiter?: string } = {}): string[][] {
  if (!text.endsWith('\r\n')) throw new Error('CSV: the last record lacks its CRLF');
  // csv-parse takes a bare LF outside quotes as part of a field; RFC 4180 has none.
  if (/(^|[^\r])\n/.test(text.replace(/"(?:[^"]|"")*"/g, '""'))) throw new Error('CSV: bare LF outside a quoted field');
  return parseCsv(text, { delimiter: opts.delimiter ?? ',', record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false }) as string[][];
}

/** One element of an XML document: its name, attributes, child elements and its own text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The text directly inside this element (entities decoded), children's text excluded. */
  text: string;
}

/** Parses an XML document (SVG, sitemaps, pdftotext's XHTML); throws on anything not well-formed. */
export function readXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (text) => {
    const el = stack.at(-1);
    if (el) el.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (failure) throw new Error(`XML: ${failure.message}`);
  if (!root) throw new Error('XML: no root element');
  return root;
}

/** Every element of a tree in document order, the root first; `skip` leaves out an element and all inside it. */
export function elementsOf(root: XmlElement, skip: (el: XmlElement) => boolean = () => false): XmlElement[] {
  if (skip(root)) return [];
  return [root, ...root.children.flatMap((c) => elementsOf(c, skip))];
}

/** A decoded PNG: its size and the RGBA value of a pixel. */
export interface Png {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number, number];
}

/** Decodes a PNG (any colour type and depth pngjs reads), checking its signature and checksums. */
export function readPng(bytes: Uint8Array): Png {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return {
    width: png.width,
    height: png.height,
    pixel(x, y) {
      const o = (y * png.width + x) * 4;
      return [png.data[o] ?? 0, png.data[o + 1] ?? 0, png.data[o + 2] ?? 0, png.data[o + 3] ?? 0];
    },
  };
}

/**
 * The text chunks of a PNG as keyword → text: tEXt (Latin-1) and iTXt (UTF-8, inflated when
 * its compression flag is set). The chunks come from png-chunks-extract; the fields inside
 * a chunk are laid out by the PNG specification (keyword, NUL, …).
 */
export function pngText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder();
  for (const { name, data } of extractChunks(bytes)) {
    const z = data.indexOf(0);
    if (name === 'tEXt') out[latin1.decode(data.subarray(0, z))] = latin1.decode(data.subarray(z + 1));
    else if (name === 'iTXt') {
      // keyword NUL, compression flag, compression method, language tag NUL, translated keyword NUL, text
      const compressed = data[z + 1] === 1;
      const afterLang = data.indexOf(0, z + 3);
      const text = data.subarray(data.indexOf(0, afterLang + 1) + 1);
      out[utf8.decode(data.subarray(0, z))] = utf8.decode(compressed ? inflateSync(text) : text);
    }
  }
  return out;
}
