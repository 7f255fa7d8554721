import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtChapters, builtPages, decodeEntities, dist } from './support';

/**
 * The JavaScript a page loads, measured from dist/: entry scripts, modulepreloads, the modules
 * a boot script imports, their static imports (followed recursively) and inline scripts, gzip level 9.
 * Embed pages (/embed/…) live inside other sites' articles: 10 KB; everything else 30 KB.
 */
const BUDGET = { chapter: 30 * 1024, embed: 10 * 1024, other: 30 * 1024 };
type Kind = keyof typeof BUDGET;

function kindOf(page: string, chapters: Set<string>): Kind {
  if (chapters.has(page)) return 'chapter';
  // /embed/<lang>/404.html (the "this graphic has moved" note) is plain HTML, not an embed.
  return page.startsWith('/embed/') && page.endsWith('/') ? 'embed' : 'other';
}

function htmlOf(page: string): string {
  return readFileSync(join(dist, page.endsWith('/') ? `${page}index.html` : page), 'utf8');
}

function pageScripts(html: string): { files: string[]; inline: string[] } {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) files.add(m[1] ?? '');
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1] ?? '');
  // A story page's modules, which its boot script imports after the first paint (src/build/first-paint.ts).
  for (const m of html.matchAll(/<script\b[^>]*\bdata-modules="([^"]*)"/g)) {
    for (const u of JSON.parse(decodeEntities(m[1] ?? '[]')) as string[]) files.add(u);
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="application\/(ld\+)?json"/.test(m[1] ?? ''))
    .map((m) => m[2] ?? '')
    .filter((s) => s.trim());
  // Follow static imports ("import … from './x.js'", "import './x.js'"), not dynamic import().
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop() ?? '';
    const path = join(dist, file);
    if (!existsSync(path)) throw new Error(`script ${file} is referenced but not built`);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g)) {
      const spec = m[1] ?? '';
      const resolved = new URL(spec, `http://x${file}`).pathname;
      if (!files.has(resolved)) {
        files.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return { files: [...files], inline };
}

function gzipBytes(page: string): number {
  const { files, inline } = pageScripts(htmlOf(page));
  const parts = [...files.map((f) => readFileSync(join(dist, f))), ...inline.map((s) => Buffer.from(s))];
  return parts.reduce((sum, buf) => sum + gzipSync(buf, { level: 9 }).length, 0);
}

/**
 * The fonts a page can load: every WOFF2 it preloads and every one its stylesheets' @font-face
 * rules (inline or linked) name (an upper bound: a face the page never uses is not fetched), as shipped.
 */
const FONT_BUDGET = 40 * 1024;

function pageFonts(page: string): string[] {
  const html = htmlOf(page);
  const fonts = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*rel="preload"[^>]*href="([^"]+\.woff2)"/g)) fonts.add(m[1] ?? '');
  // The site's stylesheet sits in a <style> of the page (URLs absolute); a standalone page may link one.
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
    for (const u of (m[1] ?? '').matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) fonts.add(new URL(u[1] ?? '', `http://x${page}`).pathname);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const href = m[1] ?? '';
    const css = readFileSync(join(dist, href), 'utf8');
    for (const u of css.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) fonts.add(new URL(u[1] ?? '', `http://x${href}`).pathname);
  }
  return [...fonts];
}

describe('font budget', () => {
  it('pageFonts() finds the preloaded and the @font-face fonts of a chapter page, and they exist', () => {
    const fonts = pageFonts(builtChapters()[0]?.path ?? '/');
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) expect(existsSync(join(dist, f)), f).toBe(true);
  });

  it('chapter pages load at most 40 KB of fonts', () => {
    for (const { path } of builtChapters()) {
      const bytes = pageFonts(path).reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
      console.log(`[budget] fonts ${path}: ${bytes} B`);
      expect(bytes, path).toBeLessThanOrEqual(FONT_BUDGET);
      expect(bytes, path).toBeGreaterThan(5000);
    }
  });
});

describe('JavaScript budget', () => {
  it('pageScripts() finds the entry script and its static imports on a chapter page', () => {
    const ch = builtChapters()[0];
    expect(ch).toBeDefined();
    const { files } = pageScripts(htmlOf(ch?.path ?? '/'));
    expect(files.length).toBeGreaterThan(0);
  });

  it('kindOf() tells chapter, embed and other pages apart', () => {
    const chapters = new Set(builtChapters().map((c) => c.path));
    expect(kindOf(builtChapters()[0]?.path ?? '', chapters)).toBe('chapter');
    expect(kindOf('/embed/de/users-race/', chapters)).toBe('embed');
    expect(kindOf('/', chapters)).toBe('other');
  });

  it('chapter pages load at most 30 KB of gzipped JavaScript, embed pages 10 KB, other pages 30 KB', () => {
    const chapterPaths = new Set(builtChapters().map((c) => c.path));
    const sizes = builtPages().map((p) => ({ page: p, bytes: gzipBytes(p), kind: kindOf(p, chapterPaths) }));
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`[budget] largest JS: ${largest?.page} ${largest?.bytes} B gzip; chapters: ${sizes.filter((s) => s.kind === 'chapter').map((s) => `${s.page} ${s.bytes} B`).join(', ')}`);
    for (const kind of ['chapter', 'embed', 'other'] as const) {
      const top = sizes.filter((s) => s.kind === kind).sort((a, b) => b.bytes - a.bytes)[0];
      if (top) console.log(`[budget] largest ${kind} page: ${top.page} ${top.bytes} B gzip (budget ${BUDGET[kind]} B)`);
    }
    for (const s of sizes) expect(s.bytes, `${s.page} (${s.kind})`).toBeLessThanOrEqual(BUDGET[s.kind]);
    expect(Math.max(...sizes.filter((s) => s.kind === 'chapter').map((s) => s.bytes))).toBeGreaterThan(1000);
    // Embed pages run a script too (child.ts): a measurement of 0 would mean the scan missed it.
    expect(Math.min(...sizes.filter((s) => s.kind === 'embed').map((s) => s.bytes))).toBeGreaterThan(500);
  });
});
