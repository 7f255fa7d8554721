import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The Content-Security-Policy for what the build writes inline: the stylesheet every page carries
 * in its <head> (astro.config.mjs: inlineStylesheets 'always') and the boot script of the story
 * pages (src/build/first-paint.ts). A policy allows an inline <style> or <script> only by the hash
 * of its exact text, and that text changes with every edit, so the hashes are written at build:
 * once every page is final (after the type pipeline has put the font URLs in and firstPaint() has
 * written the boot script), cspHashes() hashes each <style> and each inline script of every page and
 *   - puts them where public/_headers says STYLE_HASHES (style-src) and SCRIPT_HASHES (script-src),
 *   - writes <outDir>/_nginx.conf, which deploy/nginx.conf includes for $gg_style_hashes and
 *     $gg_script_hashes.
 * No 'unsafe-inline' is ever needed; a style or script the build did not write stays blocked.
 */

/** Where public/_headers wants the hashes of the build's inline styles (in style-src). */
export const STYLE_HASHES = '{inline-style-hashes}';

/** Where public/_headers wants the hashes of the build's inline scripts (in script-src). */
export const SCRIPT_HASHES = '{inline-script-hashes}';

/** The file deploy/nginx.conf includes: it defines $gg_style_hashes for this build. */
export const NGINX_INCLUDE = '_nginx.conf';

/** The text of every <style> element of an HTML document, exactly as the browser hashes it. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1] ?? '');
}

/**
 * The text of every inline <script> a browser runs: no src, and no type or a JavaScript one
 * (classic or module). Data blocks (application/json, application/ld+json) run nothing and need no hash.
 */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/(?:^|\s)src\s*=/i.test(attrs)) continue;
    const type = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attrs);
    const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
    if (value === '' || value === 'module' || value === 'text/javascript' || value === 'application/javascript') out.push(m[2] ?? '');
  }
  return out;
}

/** A CSP hash source for a style's or script's text: 'sha256-<base64 of the UTF-8 bytes>'. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The hash sources of a build: for style-src and for script-src. */
export interface SiteHashes {
  styles: readonly string[];
  scripts: readonly string[];
}

/** _headers with STYLE_HASHES and SCRIPT_HASHES replaced by the hash sources (space-separated). */
export function fillHeaders(text: string, hashes: SiteHashes): string {
  if (!text.includes(STYLE_HASHES)) throw new Error(`_headers: no ${STYLE_HASHES} to put the inline style hashes in`);
  if (hashes.scripts.length && !text.includes(SCRIPT_HASHES)) throw new Error(`_headers: no ${SCRIPT_HASHES} to put the inline script hashes in`);
  return text.split(STYLE_HASHES).join(hashes.styles.join(' ')).split(SCRIPT_HASHES).join(hashes.scripts.join(' '));
}

/** The nginx include: $gg_style_hashes and $gg_script_hashes, this build's hash sources, for the CSP maps in deploy/nginx.conf. */
export function nginxInclude(hashes: SiteHashes): string {
  return [
    '# Written by the build (src/build/csp-hashes.ts); deploy/nginx.conf includes it. The hashes of the',
    '# inline stylesheet and boot script of this build, for style-src and script-src: they change with',
    '# every edit, so they live here.',
    `map $uri $gg_style_hashes { default "${hashes.styles.join(' ')}"; }`,
    `map $uri $gg_script_hashes { default "${hashes.scripts.join(' ')}"; }`,
    '',
  ].join('\n');
}

/** Every .html file under `dir`, at any depth (the build's pages). */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** The hash sources of every inline style and inline script in the built pages of `outDir`, sorted, each once. */
export function siteHashes(outDir: string): SiteHashes {
  const styles = new Set<string>();
  const scripts = new Set<string>();
  for (const page of htmlFiles(outDir)) {
    const html = readFileSync(page, 'utf8');
    for (const css of inlineStyles(html)) styles.add(hashSource(css));
    for (const js of inlineScripts(html)) scripts.add(hashSource(js));
  }
  return { styles: [...styles].sort(), scripts: [...scripts].sort() };
}

/**
 * The integration. Put it after every integration that edits pages in astro:build:done
 * (the type pipeline writes the font URLs into the styles): hooks run in array order.
 */
export function cspHashes(): AstroIntegration {
  return {
    name: 'csp-hashes',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const hashes = siteHashes(outDir);
        const headers = join(outDir, '_headers');
        writeFileSync(headers, fillHeaders(readFileSync(headers, 'utf8'), hashes));
        writeFileSync(join(outDir, NGINX_INCLUDE), nginxInclude(hashes));
        const n = (k: number, what: string) => `${k} inline ${what} hash${k === 1 ? '' : 'es'}`;
        logger.info(`${n(hashes.styles.length, 'style')}, ${n(hashes.scripts.length, 'script')} → _headers, ${NGINX_INCLUDE}`);
      },
    },
  };
}
