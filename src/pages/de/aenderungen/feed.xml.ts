import type { APIRoute } from 'astro';
import { changesFeed } from '../../../changes/feed';

/** /de/aenderungen/feed.xml: the Atom feed of every dated change and correction. */
export const GET: APIRoute = ({ site }) =>
  new Response(changesFeed('de', site), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
