import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instanceFont } from './instance';
import { addSymbols } from './symbols';
import { woff2ToSfnt } from './woff2';

/** The site's Inter (variable, Latin subset), as the pages load it. */
export const INTER_WOFF2 = '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2';

/** Weights the figures use: regular (450) and bold (700), as in figure.css. */
export const RENDER_WEIGHTS = [450, 700] as const;

/** Bump when the font pipeline changes, so cached fonts are rebuilt. */
const FONT_PIPELINE_VERSION = 'v1';

let woff2Cache: Uint8Array | undefined;
let fileCache: string[] | undefined;

/**
 * The bytes of the site's Inter WOFF2 file. Resolved from this module and, when the
 * code runs bundled (astro build puts chunks elsewhere), from the project root.
 */
export function interWoff2(): Uint8Array {
  if (woff2Cache) return woff2Cache;
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      woff2Cache = new Uint8Array(readFileSync(createRequire(base).resolve(INTER_WOFF2)));
      return woff2Cache;
    } catch {
      // try the next base
    }
  }
  throw new Error(`Cannot find ${INTER_WOFF2}; is @fontsource-variable/inter installed?`);
}

/**
 * Static TrueType fonts for the PNG renderer: Inter at 450 and 700, with ≈ and →
 * added, written once to a cache folder (keyed by the source font's hash) and
 * returned as file paths, because resvg-js loads fonts from files.
 */
export function renderFontFiles(): string[] {
  if (fileCache && fileCache.every((f) => existsSync(f))) return fileCache;
  const woff2 = interWoff2();
  const hash = createHash('sha256').update(woff2).update(FONT_PIPELINE_VERSION).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'ghibli-gpus-fonts');
  mkdirSync(dir, { recursive: true });
  let sfnt: Uint8Array | undefined;
  fileCache = RENDER_WEIGHTS.map((weight) => {
    const file = join(dir, `inter-${weight}-${hash}.ttf`);
    if (!existsSync(file)) {
      sfnt ??= woff2ToSfnt(woff2);
      // Write under a private name, then rename: parallel builds never read half a file.
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, addSymbols(instanceFont(sfnt, { wght: weight })));
      renameSync(part, file);
    }
    return file;
  });
  return fileCache;
}
