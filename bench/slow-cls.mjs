// Layout shift on a slow network: a cold deep link (#<step>) to every chapter at 400 kbit/s and
// 400 ms latency (CDP Network.emulateNetworkConditions), at 375 and 1280 px. CLS as Chromium's
// web-vitals define it: the largest session window of layout-shift entries without recent input
// (gaps under 1 s, windows up to 5 s), observed from before the first byte until the page has
// been quiet for a while after load. Used by bench.mjs; `node bench/slow-cls.mjs <dir>` measures a
// built site on its own (it serves the directory) and prints the rows as JSON.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { LANGS } from '../src/i18n/lang.ts';
import { headersFor, serveDir, siteHeaderRules } from '../test/support/static-server.ts';

export const SLOW = { latency: 400, kbps: 400 };
export const CLS_TARGET = 0.05;
const VIEWPORTS = [
  ['phone 375×740', { width: 375, height: 740 }],
  ['desktop 1280×800', { width: 1280, height: 800 }],
];

/** Collects layout shifts into window.__cls from the very start of the document. */
const OBSERVE = () => {
  const w = /** @type {any} */ (window);
  w.__cls = { max: 0, windows: [], sources: [] };
  let current = 0;
  let first = 0;
  let last = 0;
  new PerformanceObserver((list) => {
    for (const e of /** @type {any[]} */ (list.getEntries())) {
      if (e.hadRecentInput) continue;
      if (current && (e.startTime - last > 1000 || e.startTime - first > 5000)) current = 0;
      if (!current) first = e.startTime;
      current += e.value;
      last = e.startTime;
      w.__cls.max = Math.max(w.__cls.max, current);
      for (const s of e.sources ?? []) {
        const n = s.node;
        if (n && w.__cls.sources.length < 5) w.__cls.sources.push(`${n.nodeName?.toLowerCase()}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ')[0]}` : ''} ${e.value.toFixed(3)}`);
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

/**
 * Loads each deep link cold (a fresh context: empty cache) on the slow network and returns one
 * row per link and viewport: { url, viewport, cls, sources }.
 */
export async function slowDeepLinkCls(browser, origin, links) {
  const rows = [];
  for (const link of links) {
    for (const [name, viewport] of VIEWPORTS) {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      await page.addInitScript(OBSERVE);
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW.latency, downloadThroughput: (SLOW.kbps * 1000) / 8, uploadThroughput: (SLOW.kbps * 1000) / 8 });
      await page.goto(`${origin}${link}`, { waitUntil: 'networkidle', timeout: 120_000 });
      await page.evaluate(() => document.fonts.ready);
      // Late shifts (a script arriving, a font swap) land within this second of quiet.
      await page.waitForTimeout(1500);
      const cls = await page.evaluate(() => /** @type {any} */ (window).__cls);
      rows.push({ url: link, viewport: name, cls: Number(cls.max.toFixed(3)), sources: cls.sources });
      await ctx.close();
    }
  }
  return rows;
}

/** A deep link per chapter: its middle step (a link someone shares from the middle of the story). */
export function deepLinks(dir, chapters) {
  return chapters.map((path) => {
    const steps = [...readFileSync(join(dir, path, 'index.html'), 'utf8').matchAll(/data-step-id="([^"]+)"/g)].map((m) => m[1]);
    return `${path}#${steps[Math.floor(steps.length / 2)] ?? ''}`;
  });
}

/** The bench README section. */
export function slowClsTable(rows) {
  if (!rows?.length) return [];
  const lines = ['## Layout shift on a slow network', '', `A cold deep link to the middle step of every chapter at ${SLOW.kbps} kbit/s and ${SLOW.latency} ms latency, cache off. Target: CLS ≤ ${CLS_TARGET}.`, ''];
  lines.push('| Deep link | Viewport | CLS | Shifted first |', '|---|---|--:|---|');
  for (const r of rows) lines.push(`| \`${r.url}\` | ${r.viewport} | ${r.cls <= CLS_TARGET ? r.cls : `**${r.cls} ✗**`} | ${r.sources.map((s) => `\`${s}\``).join(', ')} |`);
  return [...lines, ''];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  // The benchmark's server (test/support/static-server.ts): the build's _headers, brotli or gzip.
  const rules = siteHeaderRules(dir);
  const server = await serveDir(dir, { compress: true, headers: (path) => headersFor(rules, path) });
  const { origin } = server;
  const chapters = LANGS.flatMap((l) => readdirSync(join(dir, l)).map((s) => `/${l}/${s}/`)).filter((p) => {
    try {
      return readFileSync(join(dir, p, 'index.html'), 'utf8').includes('<figure-stage');
    } catch {
      return false;
    }
  });
  const only = process.env.BENCH_PAGES?.split(',').filter(Boolean);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const rows = await slowDeepLinkCls(browser, origin, only?.length ? only : deepLinks(dir, chapters));
  console.log(JSON.stringify(rows, null, 1));
  await browser.close();
  await server.close();
}
