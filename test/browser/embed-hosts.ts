import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { dist, headersFor, siteHeaderRules, CONTENT_TYPES } from './support';

/**
 * Host pages the way a newsroom has them, for the embed tests: the built site is
 * reached under its real public origin (SITE, written into embed.js at build), which
 * Playwright routes to a local server, so origins, CORS, CSP and sandboxes behave
 * as on the web. Host pages live on other origins routed the same way.
 */

/** The site's public origin (SITE at build), from the landing page's canonical link. */
export const SITE_ORIGIN = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1] ?? 'invalid:').origin;
/** A second origin of the same newsroom (www vs the bare domain) for a second loader. */
export const WWW_ORIGIN = SITE_ORIGIN.replace('://', '://www.');
/** The newspaper whose article embeds the graphic. */
export const HOST_ORIGIN = 'https://news.example.net';

export interface RouteOptions {
  /** Where the site's files come from (a local preview or nginx). */
  target: string;
  /** "headers": add public/_headers for the path (what Netlify / Cloudflare send); "passthrough": the target's own. */
  headers: 'headers' | 'passthrough';
  /** Extra responses by absolute URL (e.g. a second origin's loader). */
  extra?: Record<string, { body: string; type: string; headers?: Record<string, string> }>;
}

/** Routes SITE_ORIGIN and WWW_ORIGIN to `target`, host pages to `pages` (path → [html, headers]). */
export async function routeWorld(ctx: BrowserContext, opts: RouteOptions, pages: (path: string, q: URLSearchParams) => { html: string; headers?: Record<string, string> } | null): Promise<void> {
  const rules = siteHeaderRules(dist);
  for (const origin of [SITE_ORIGIN, WWW_ORIGIN]) {
    await ctx.route(`${origin}/**`, async (route) => {
      const u = new URL(route.request().url());
      const extra = opts.extra?.[`${u.origin}${u.pathname}`];
      if (extra) {
        await route.fulfill({ status: 200, body: extra.body, headers: { 'content-type': extra.type, ...(extra.headers ?? {}) } });
        return;
      }
      const res = await fetch(`${opts.target}${u.pathname}${u.search}`, { redirect: 'manual' });
      const body = Buffer.from(await res.arrayBuffer());
      let headers: Record<string, string>;
      if (opts.headers === 'passthrough') {
        headers = Object.fromEntries([...res.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)));
      } else {
        const ext = /\.[a-z0-9]+$/.exec(u.pathname)?.[0] ?? '.html';
        headers = { 'content-type': res.headers.get('content-type') ?? CONTENT_TYPES[ext] ?? 'application/octet-stream', ...headersFor(rules, u.pathname) };
        const location = res.headers.get('location');
        if (location) headers['location'] = location;
      }
      await route.fulfill({ status: res.status, body, headers });
    });
  }
  await ctx.route(`${HOST_ORIGIN}/**`, async (route) => {
    const u = new URL(route.request().url());
    const page = pages(u.pathname, u.searchParams);
    if (!page) {
      await route.fulfill({ status: 404, body: 'not found', headers: { 'content-type': 'text/plain' } });
      return;
    }
    await route.fulfill({ status: 200, body: page.html, headers: { 'content-type': 'text/html; charset=utf-8', ...(page.headers ?? {}) } });
  });
}

/** A host article around some markup. */
export function article(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host article</title></head><body style="margin:0;padding:0 0 40px;font-family:Georgia,serif;background:#fff;color:#111"><h1 style="font-size:24px;margin:8px">A news site</h1>${body}<p style="margin:8px">After the graphic.</p></body></html>`;
}

/** The iframe element's height, its document's content height, and how the document overflows. */
export async function fit(page: Page, frame: Frame, selector: string): Promise<{ iframeH: number; contentH: number; scroll: number; diff: number }> {
  const iframeH = await page.locator(selector).evaluate((el) => el.getBoundingClientRect().height);
  const doc = await frame.evaluate(() => {
    const root = document.documentElement;
    return { h: root.getBoundingClientRect().height, scroll: root.scrollHeight - root.clientHeight };
  });
  return { iframeH, contentH: doc.h, scroll: doc.scroll, diff: Math.abs(iframeH - doc.h) };
}

/** The frame of an iframe, loaded (scrolled into view first: embed codes are lazy). */
export async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector}: no frame`);
  await frame.waitForLoadState('load');
  await frame.waitForFunction(() => document.querySelector('figure-stage') !== null && document.fonts.status === 'loaded');
  return frame;
}

/**
 * How an embed sits in its host: "sized" (the frame holds all of the content, no
 * scroll bar), "scrolled" (an inner scroll bar) or "cut" (content below the frame's
 * bottom edge with no way to reach it).
 */
export async function verdict(page: Page, frame: Frame, selector: string): Promise<'sized' | 'cut' | 'scrolled'> {
  const f = await fit(page, frame, selector);
  if (f.scroll <= 1 && f.contentH <= f.iframeH + 1) return 'sized';
  const scrolling = await page.locator(selector).getAttribute('scrolling');
  const overflowY = await frame.evaluate(() => getComputedStyle(document.documentElement).overflowY);
  return scrolling === 'no' || overflowY === 'hidden' ? 'cut' : 'scrolled';
}
