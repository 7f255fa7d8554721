import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { ALWAYS, FACES, WEB_FEATURES, type FamilyKey } from './faces';

/**
 * The type pipeline (build time, Node only). HarfBuzz's hb-subset, through subset-font,
 * cuts every font the project uses from the two source fonts on npm:
 *   - webFont(): WOFF2 for the pages, subset to the given text, axes cut as in FACES;
 *   - the static TrueType instances (instanceFile()) resvg draws the PNGs with and
 *     measure() shapes text with.
 * Instances are written once to a cache folder keyed by the source, the options and
 * subset-font's version, because resvg loads fonts from files.
 */

/** Resolves a package file from the project (works both from src/ and from a bundled chunk in dist/). */
function resolvePackageFile(spec: string): string {
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(base).resolve(spec);
    } catch {
      // try the next base
    }
  }
  throw new Error(`type: cannot find ${spec}; run npm ci (it is a devDependency)`);
}

const sourceCache = new Map<FamilyKey, Buffer>();

/** The bytes of a family's source font (see FACES). */
export function sourceFont(family: FamilyKey): Buffer {
  let b = sourceCache.get(family);
  if (!b) {
    b = readFileSync(resolvePackageFile(FACES[family].source));
    sourceCache.set(family, b);
  }
  return b;
}

const SUBSET_FONT_VERSION: string = (JSON.parse(readFileSync(resolvePackageFile('subset-font/package.json'), 'utf8')) as { version: string }).version;

/** The cut of one static instance: the family's source at one weight, every glyph kept, hinting dropped (resvg does not hint). */
function instanceOptions(family: FamilyKey, weight: number) {
  return { targetFormat: 'truetype' as const, keepAllGlyphs: true, noHinting: true, variationAxes: { wght: weight, opsz: FACES[family].webAxes.opsz } };
}

/**
 * What a standalone SVG download embeds: Inter with the web font's axes and features, cut
 * to Latin (Basic, Latin-1, Extended-A), general punctuation and the signs in ALWAYS, so a
 * file renders in the site's type anywhere. src/type/fonts.test.ts checks that every
 * character a download writes is in it.
 */
export const DOWNLOAD_TEXT: string = (() => {
  const out: string[] = [];
  const range = (a: number, b: number) => {
    for (let c = a; c <= b; c++) out.push(String.fromCodePoint(c));
  };
  range(0x20, 0x7e);
  range(0xa0, 0x17f);
  range(0x2010, 0x2044);
  return subsetText(out.join(''));
})();

function downloadOptions() {
  return { targetFormat: 'woff2' as const, variationAxes: FACES.sans.webAxes, keepFeatures: [...WEB_FEATURES] };
}

const CACHE_DIR = join(tmpdir(), 'ghibli-gpus-type');

/** A cached product of subset-font: made once per source, options and subset-font version; returns its path. */
async function cached(name: string, family: FamilyKey, options: object, text: string | undefined): Promise<string> {
  const hash = createHash('sha256').update(sourceFont(family)).update(JSON.stringify(options)).update(text ?? '').update(SUBSET_FONT_VERSION).digest('hex').slice(0, 16);
  const file = join(CACHE_DIR, `${name}-${hash}`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  const bytes = await subsetFont(sourceFont(family), text, options);
  // A private name, then a rename: parallel builds and test workers never read half a file.
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, bytes);
  renameSync(part, file);
  return file;
}

/** Every static instance and the download font, made before any module that measures or renders text runs (top-level await). */
const INSTANCES: ReadonlyMap<string, string> = new Map(
  await Promise.all([
    ...(Object.keys(FACES) as FamilyKey[]).flatMap((family) =>
      FACES[family].instanceWeights.map(async (weight) => [`${family}:${weight}`, await cached(`${family}-${weight}.ttf`, family, instanceOptions(family, weight), undefined)] as const),
    ),
    cached('sans-download.woff2', 'sans', downloadOptions(), DOWNLOAD_TEXT).then((file) => ['download', file] as const),
  ]),
);

/** The WOFF2 a standalone SVG embeds (see DOWNLOAD_TEXT). */
export function downloadFont(): Buffer {
  return readFileSync(INSTANCES.get('download') as string);
}

/** The static TrueType instance of a family at a weight (a weight without one is an error naming those there are). */
export function instanceFile(family: FamilyKey, weight: number): string {
  const file = INSTANCES.get(`${family}:${weight}`);
  if (!file) throw new Error(`type: no ${FACES[family].name} instance at weight ${weight}; there are ${FACES[family].instanceWeights.join(', ')} (src/type/faces.ts)`);
  return file;
}

/** The static instances resvg may draw with: every sans weight (downloads and previews are set in Inter only). */
export function renderFontFiles(): string[] {
  return FACES.sans.instanceWeights.map((w) => instanceFile('sans', w));
}

/** OpenType name ID 1: the font family name. */
const FAMILY_NAME_ID = 1;
let familyCache: string | undefined;

/**
 * The family name inside the static instances (the source's own, "Inter Variable"), which
 * resvg matches font-family against; read from the font, not assumed.
 */
export function renderFamily(): string {
  familyCache ??= new hb.Face(new hb.Blob(new Uint8Array(readFileSync(renderFontFiles()[0] as string)))).getName(FAMILY_NAME_ID, 'en');
  return familyCache;
}

/** Every character of a text, once, plus the characters every web font carries (ALWAYS). */
export function subsetText(text: string): string {
  return [...new Set([...ALWAYS, ...text])].filter((c) => c >= ' ').join('');
}

/** A family's web font: WOFF2 cut to the characters of `text` (plus ALWAYS), the axes and the features of FACES. */
export async function webFont(family: FamilyKey, text: string): Promise<Buffer> {
  return subsetFont(sourceFont(family), subsetText(text), {
    targetFormat: 'woff2',
    variationAxes: FACES[family].webAxes,
    keepFeatures: [...WEB_FEATURES],
  });
}
