import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The Content-Security-Policy for the stylesheet every page carries in its <head>
 * (astro.config.mjs: inlineStylesheets 'always'). A policy allows an inline <style> only
 * by the hash of its exact text, and that text changes with every CSS edit, so the
 * hashes are written at build: once every page is final (after the type pipeline has put
 * the font URLs in), cspHashes() hashes each <style> element of every page and
 *   - puts the hashes where public/_headers (copied to <outDir>/_headers) says STYLE_HASHES,
 *   - writes <outDir>/_nginx.conf, which deploy/nginx.conf includes for $gg_style_hashes.
 * No 'unsafe-inline' is ever needed; a style the build did not write stays blocked.
 */

/** Where public/_headers wants the hashes of the build's inline styles (in style-src). */
export const STYLE_HASHES = '{inline-style-hashes}';

/** The file deploy/nginx.conf includes: it defines $gg_style_hashes for this build. */
export const NGINX_INCLUDE = '_nginx.conf';

/** The text of every <style> element of an HTML document, exactly as the browser hashes it. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1] ?? '');
}

/** A CSP hash source for a style's text: 'sha256-<base64 of the UTF-8 bytes>'. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** _headers with STYLE_HASHES replaced by the hash sources (space-separated). */
export function fillHeaders(text: string, hashes: readonly string[]): string {
  if (!text.includes(STYLE_HASHES)) throw new Error(`_headers: no ${STYLE_HASHES} to put the inline style hashes in`);
  return text.split(STYLE_HASHES).join(hashes.join(' '));
}

/** The nginx include: $gg_style_hashes is this build's hash sources, for the CSP maps in deploy/nginx.conf. */
export function nginxInclude(hashes: readonly string[]): string {
  return [
    '# Written by the build (src/build/csp-hashes.ts); deploy/nginx.conf includes it. The hashes of the',
    '# inline stylesheets of this build, for style-src: they change with every CSS edit, so they live here.',
    `map $uri $gg_style_hashes { default "${hashes.join(' ')}"; }`,
    '',
  ].join('\n');
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** The hash sources of every inline style in the built pages of `outDir`, sorted, each once. */
export function siteStyleHashes(outDir: string): string[] {
  const hashes = new Set<string>();
  for (const page of htmlFiles(outDir)) for (const css of inlineStyles(readFileSync(page, 'utf8'))) hashes.add(styleHash(css));
  return [...hashes].sort();
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
        const hashes = siteStyleHashes(outDir);
        const headers = join(outDir, '_headers');
        writeFileSync(headers, fillHeaders(readFileSync(headers, 'utf8'), hashes));
        writeFileSync(join(outDir, NGINX_INCLUDE), nginxInclude(hashes));
        logger.info(`${hashes.length} inline style hash${hashes.length === 1 ? '' : 'es'} → _headers, ${NGINX_INCLUDE}`);
      },
    },
  };
}
