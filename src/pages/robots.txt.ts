import type { APIRoute } from 'astro';
import { BASE, absolute } from '../i18n/routes';

/** robots.txt: everything may be crawled (embed pages name their chapter as canonical); the sitemap is named absolutely. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(`${BASE}sitemap-index.xml`, site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
