// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { typePipeline } from './src/type/integration.ts';
import { cspHashes } from './src/build/csp-hashes.ts';
import { firstPaint } from './src/build/first-paint.ts';

/**
 * SITE is the public origin (used for canonical URLs, hreflang and the sitemap);
 * BASE is the sub-path the site is served under ("/" unless deployed in a folder).
 */
const site = process.env.SITE ?? 'https://ghibli-gpus.example.org';
const base = process.env.BASE ?? '/';

export default defineConfig({
  output: 'static',
  // OUT_DIR lets two builds (a test run and a dev's screenshot build) not overwrite each other.
  outDir: process.env.OUT_DIR ?? './dist',
  site,
  base,
  trailingSlash: 'always',
  // All CSS is one stylesheet (cssCodeSplit off), written into every page's <head>: the
  // first paint then waits for no request but the page itself. The Content-Security-Policy
  // allows that one <style> by its hash, written at build (cspHashes, src/build/), never by
  // 'unsafe-inline'. Scripts ship as files, started by one inline boot script (firstPaint below).
  build: { format: 'directory', inlineStylesheets: 'always' },
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
  // typePipeline: the web fonts, cut to the built pages' text after the build (src/type/);
  // firstPaint: story pages fetch their fonts and scripts only after the first paint, through one
  // inline boot script (src/build/first-paint.ts, boot.ts);
  // cspHashes then hashes the pages' final <style> and inline <script> for the policy (src/build/), so it comes last.
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/404') }), typePipeline(), firstPaint(), cspHashes()],
  devToolbar: { enabled: false },
});
