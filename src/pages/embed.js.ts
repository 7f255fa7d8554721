import type { APIRoute } from 'astro';
import { siteLoader } from '../embed/loader';

/** /embed.js: the parent-side loader with this build's origin written in (src/embed/loader.ts). */
export const GET: APIRoute = () =>
  new Response(siteLoader().source, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
