import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { createFontStack } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { fromBuffer } from '@capsizecss/unpack';
import { FACES, type FamilyKey } from './faces';
import { instanceFile, webFont } from './fonts';

/**
 * The web fonts of the built site. The stylesheet and the pages name each family's font
 * by a placeholder URL (PLACEHOLDER + family + ".woff2"); once every page is written,
 * finishWebFonts() reads the text of all of them (and of the scripts), cuts one WOFF2 per
 * family to exactly those characters plus ALWAYS, writes it under a content hash, and puts the real URL where the
 * placeholder was. The stylesheet is renamed after its new content, so a cached old
 * stylesheet never points at a font that is gone.
 */

/** The path segment of the placeholder URLs; nothing else in the site contains it. */
export const PLACEHOLDER = '__type__/';

const FAMILIES = Object.keys(FACES) as FamilyKey[];
const FALLBACK_METRICS = { arial, timesNewRoman } as const;

/** The placeholder URL of a family's web font under a base path ("/" or "/sub/"). */
export function placeholderUrl(family: FamilyKey, base = '/'): string {
  return `${base.endsWith('/') ? base : `${base}/`}${PLACEHOLDER}${family}.woff2`;
}

function cssDeclarations(props: Record<string, string | number | undefined>): string {
  return Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${v}`)
    .join(';');
}

/**
 * The site's @font-face rules and font stacks (--font-sans, --font-serif): each family's web
 * font at its placeholder URL, then a fallback face on a local font whose size, ascent, descent
 * and line gap capsize computes from the real font's metrics (read from its static instance),
 * so the swap to the web font moves no line.
 */
export async function facesCss(base = '/', build = true): Promise<string> {
  const rules: string[] = [];
  const stacks: string[] = [];
  const fallbackStacks: string[] = [];
  for (const family of FAMILIES) {
    const face = FACES[family];
    const { wght } = face.webAxes;
    rules.push(
      `@font-face{${cssDeclarations({
        fontFamily: `"${face.name}"`,
        fontStyle: 'normal',
        fontWeight: typeof wght === 'number' ? wght : `${wght.min} ${wght.max}`,
        fontDisplay: 'swap',
        // In a build the placeholder hides in local() (Vite resolves every url() and warns about
        // one it cannot find); finishWebFonts() turns it into the url() of the real file.
        src: build ? `local("${placeholderUrl(family, base)}")` : `url("${placeholderUrl(family, base)}") format("woff2")`,
      })}}`,
    );
    const metrics = await fromBuffer(readFileSync(instanceFile(family, face.instanceWeights[0] as number)));
    const local = FALLBACK_METRICS[face.fallback.metrics];
    const { fontFamily, fontFaces } = createFontStack([{ ...metrics, familyName: face.name }, local], { fontFaceFormat: 'styleObject' });
    for (const f of fontFaces) {
      const { src: _src, ...rest } = f['@font-face'];
      rules.push(`@font-face{${cssDeclarations({ ...rest, src: face.fallback.local.map((n) => `local("${n}")`).join(',') })}}`);
    }
    // capsize's stack ends with the local font's own name; the generic family closes it.
    stacks.push(`--font-${family}:${fontFamily},${face.fallback.generic}`);
    // The same stack without the web font, for the first paint of a first visit (src/build/boot.ts).
    const [first, ...others] = fontFamily.split(/\s*,\s*/);
    if (first?.replace(/"/g, '') !== face.name || others.length === 0) throw new Error(`capsize's stack for ${face.name} does not start with it: ${fontFamily}`);
    fallbackStacks.push(`--font-${family}:${others.join(', ')},${face.fallback.generic}`);
  }
  return `${rules.join('\n')}\n:root{${stacks.join(';')}}\nhtml[data-fonts=later]{${fallbackStacks.join(';')}}\n`;
}

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The characters of an HTML document or a script: its markup with character references
 * decoded (&#8209;, &#x2011;, &nbsp;) and JSON/JS escapes too (\u2011 in embedded figure
 * states). Tags, attribute names and code are ASCII, which every font carries anyway.
 */
export function htmlCharacters(html: string): Set<string> {
  const text = html
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => NAMED[n.toLowerCase()] ?? m)
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return new Set(text);
}

const shortHash = (b: Buffer | string) => createHash('sha256').update(b).digest('base64url').slice(0, 10);

/** What finishWebFonts() wrote: each family's font (path under the output folder) and its size. */
export type WebFontReport = Record<FamilyKey, { file: string; bytes: number }>;

/**
 * After the build: cuts the web fonts to the text of every page in `outDir`, writes them to
 * `<outDir>/<assets>/<family>.<hash>.woff2`, and replaces the placeholder URLs in the pages
 * (preloads and the inline stylesheet, absolute with the base) and in stylesheet files
 * (relative to the stylesheet).
 */
export async function finishWebFonts(outDir: string, base: string, assets = '_astro'): Promise<WebFontReport> {
  const pages = filesUnder(outDir, '.html');
  const chars = new Set<string>();
  // The pages, and the scripts: a string a script puts on screen is set in the same fonts.
  for (const p of [...pages, ...filesUnder(join(outDir, assets), '.js')]) for (const c of htmlCharacters(readFileSync(p, 'utf8'))) chars.add(c);
  const text = [...chars].join('');
  const report = {} as WebFontReport;
  const urls = {} as Record<FamilyKey, string>;
  for (const family of FAMILIES) {
    const bytes = await webFont(family, text);
    const name = `${family}.${shortHash(bytes)}.woff2`;
    writeFileSync(join(outDir, assets, name), bytes);
    report[family] = { file: `${assets}/${name}`, bytes: bytes.length };
    urls[family] = name;
  }
  const root = base.endsWith('/') ? base : `${base}/`;
  // The placeholders are exactly placeholderUrl(family, base): a pattern that starts with a
  // literal stays linear (an open prefix such as [^"']* rescanned every long run of path data
  // and payload JSON, and took 74 of the build's 85 seconds).
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const url = `${escape(root)}${escape(PLACEHOLDER)}(${FAMILIES.join('|')})\\.woff2`;
  const placeholder = new RegExp(url, 'g');
  const localPlaceholder = new RegExp(`local\\(\\s*["']?${url}["']?\\s*\\)`, 'g');
  // Stylesheets: the new URL is relative (the font sits beside them); the name follows the content.
  const renamed = new Map<string, string>();
  for (const css of filesUnder(join(outDir, assets), '.css')) {
    const before = readFileSync(css, 'utf8');
    const after = before.replace(localPlaceholder, (_, f: FamilyKey) => `url(${urls[f]}) format("woff2")`);
    if (after === before) continue;
    const stem = basename(css, '.css').replace(/\.[\w-]+$/, '');
    const next = join(dirname(css), `${stem}.${shortHash(after)}.css`);
    writeFileSync(css, after);
    renameSync(css, next);
    renamed.set(`${root}${relative(outDir, css)}`, `${root}${relative(outDir, next)}`);
  }
  // Pages: the stylesheet written into their <style> (absolute URL: the page sits anywhere), then preloads.
  for (const page of pages) {
    let html = readFileSync(page, 'utf8');
    const before = html;
    html = html.replace(localPlaceholder, (_, f: FamilyKey) => `url(${root}${assets}/${urls[f]}) format("woff2")`);
    html = html.replace(placeholder, (_, f: FamilyKey) => `${root}${assets}/${urls[f]}`);
    for (const [from, to] of renamed) html = html.split(from).join(to);
    if (html !== before) writeFileSync(page, html);
  }
  return report;
}
