// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { typePipeline } from './src/type/integration.ts';

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
  // Scripts and styles always ship as files: the Content-Security-Policy then needs
  // no 'unsafe-inline' and no per-page hashes (see public/_headers). All CSS is one
  // file (cssCodeSplit off): one render-blocking request per page, cached across pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
  // typePipeline: the web fonts, cut to the built pages' text after the build (src/type/).
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/404') }), typePipeline()],
  devToolbar: { enabled: false },
});
