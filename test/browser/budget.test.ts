import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtChapters, builtPages, dist } from './support';

/**
 * The JavaScript a page loads, measured from dist/: entry scripts, modulepreloads,
 * their static imports (followed recursively) and inline scripts, gzip level 9.
 */
const BUDGET = { chapter: 30 * 1024, other: 30 * 1024 };

function htmlOf(page: string): string {
  return readFileSync(join(dist, page.endsWith('/') ? `${page}index.html` : page), 'utf8');
}

function pageScripts(html: string): { files: string[]; inline: string[] } {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) files.add(m[1] ?? '');
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1] ?? '');
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

describe('JavaScript budget', () => {
  it('pageScripts() finds the entry script and its static imports on a chapter page', () => {
    const ch = builtChapters()[0];
    expect(ch).toBeDefined();
    const { files } = pageScripts(htmlOf(ch?.path ?? '/'));
    expect(files.length).toBeGreaterThan(0);
  });

  it('every page loads at most 30 KB of gzipped JavaScript', () => {
    const chapterPaths = new Set(builtChapters().map((c) => c.path));
    const sizes = builtPages().map((p) => ({ page: p, bytes: gzipBytes(p), chapter: chapterPaths.has(p) }));
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`[budget] largest JS: ${largest?.page} ${largest?.bytes} B gzip; chapters: ${sizes.filter((s) => s.chapter).map((s) => `${s.page} ${s.bytes} B`).join(', ')}`);
    for (const s of sizes) expect(s.bytes, s.page).toBeLessThanOrEqual(s.chapter ? BUDGET.chapter : BUDGET.other);
    expect(Math.max(...sizes.filter((s) => s.chapter).map((s) => s.bytes))).toBeGreaterThan(1000);
  });
});
