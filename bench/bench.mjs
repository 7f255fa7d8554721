#!/usr/bin/env node
// Performance benchmark (`npm run bench`; not a test). Builds the site into a temp dir,
// serves it on 127.0.0.1 with the headers of its _headers and gzip/brotli, then measures
//   1. the full build time,
//   2. per page: HTML / CSS / JS / font / other bytes (gzip for text, fonts as shipped) and requests,
//   3. Lighthouse 12 (mobile + desktop) for every chapter and one embed page: scores, LCP, CLS, TBT,
//      and, for every chapter, its floor page (the same HTML without any stylesheet, font or script,
//      served at /__floor__/<path> by the same server) in the same run: the LCP ratio page/floor is
//      what holds on a noisy machine,
//   4. long tasks while a script scrolls through every chapter under a 4× CPU slowdown,
// and writes bench/results.json and bench/README.md (tables, with every missed target marked).
// Always Debian's Chromium (CHROME_PATH, default /usr/bin/chromium); never a downloaded browser.
// Options (env): BENCH_PAGES=/de/der-ansturm/,… limits Lighthouse and scrolling to those pages;
// BENCH_RUNS=3 runs Lighthouse three times per page and form and keeps the median run (LCP and CLS
// are also reported as medians of their own); BENCH_FORMS=mobile skips desktop; BENCH_SCROLL=0 skips
// the long-task scrolling.
// `node bench/bench.mjs --report` only rewrites bench/README.md from bench/results.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { freePort, headersFor, pagesIn, serveDir, siteHeaderRules } from '../test/support/static-server.ts';
import { deepLinks, slowClsTable, slowDeepLinkCls } from './slow-cls.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
process.env.CHROME_PATH = CHROME;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 1);
const FORMS = (process.env.BENCH_FORMS ?? 'mobile,desktop').split(',').filter((f) => f === 'mobile' || f === 'desktop');
const SCROLL = process.env.BENCH_SCROLL !== '0';
/** Where a chapter's floor page is served: its HTML with no stylesheet, font or script. */
const FLOOR = '/__floor__';
const TARGETS = { mobilePerformance: 98, accessibility: 100, bestPractices: 100, seo: 100, cls: 0, longTaskMs: 50, mobileLcpMs: 1200, floorRatio: 1.3, fontKB: 40, renderBlocking: 1 };
const log = (...a) => console.log('[bench]', ...a);

// ---------------------------------------------------------------------------------------------
// Build and serve
// ---------------------------------------------------------------------------------------------

/** A CLI build's environment (no Vite variables inherited from a test runner). */
function buildEnv(site) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*)$/.test(k)) delete env[k];
  delete env.BASE;
  return { ...env, SITE: site, ASTRO_TELEMETRY_DISABLED: '1' };
}

function build(outDir, site) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], { cwd: root, env: buildEnv(site), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`astro build failed:\n${out.slice(-3000)}`))));
  });
}

const TEXT = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.csv', '.txt']);

/**
 * A chapter's floor page: its HTML with every stylesheet, font preload, style element and script
 * removed, so what is left is the cost of the document alone on this server at this moment.
 */
export function floorHtml(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<link\b[^>]*\brel="(?:stylesheet|preload|modulepreload)"[^>]*>/gi, '');
}

/**
 * The site as a real host serves it (test/support/static-server.ts, the tests' server): the headers
 * of the build's _headers (public/_headers with the inline style's hash), index.html for
 * directories, 404.html, brotli or gzip for text; and every chapter's floor page under FLOOR,
 * with the headers of the chapter itself.
 */
function serve(dir, port) {
  const rules = siteHeaderRules(dir);
  return serveDir(dir, {
    port,
    compress: true,
    headers: (path) => headersFor(rules, path),
    virtual: (path) => {
      if (!path.startsWith(`${FLOOR}/`) || !path.endsWith('/')) return undefined;
      const page = path.slice(FLOOR.length);
      const file = join(dir, page, 'index.html');
      if (!existsSync(file)) return undefined;
      return { as: 'index.html', body: floorHtml(readFileSync(file, 'utf8')), headers: headersFor(rules, page) };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

/** Loads a page, scrolls to the end, and sums what it fetched by kind (gzip -9 for text; fonts and images as shipped). */
async function weigh(browser, origin, dir, path) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const seen = [];
  page.on('request', (r) => seen.push({ url: r.url(), type: r.resourceType() }));
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  });
  await page.waitForLoadState('networkidle');
  // Chromium marks each resource that held up the first paint (Resource Timing renderBlockingStatus).
  const renderBlocking = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((e) => e.renderBlockingStatus === 'blocking').map((e) => new URL(e.name).pathname),
  );
  await ctx.close();
  const bytes = { html: 0, css: 0, js: 0, font: 0, other: 0 };
  for (const { url, type } of seen) {
    const u = new URL(url);
    if (u.origin !== origin) continue;
    let file = decodeURIComponent(u.pathname);
    if (file.endsWith('/')) file += 'index.html';
    if (!existsSync(join(dir, file))) file = '/404.html';
    const raw = readFileSync(join(dir, file));
    const size = TEXT.has(extname(file)) ? gzipSync(raw, { level: 9 }).length : raw.length;
    const kind = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : type === 'font' ? 'font' : 'other';
    bytes[kind] += size;
  }
  return { ...bytes, requests: seen.filter((s) => !s.url.startsWith('data:')).length, renderBlocking };
}

/** The tables of Lighthouse's largest-contentful-paint-element audit: the element, then the phases. */
const lcpItems = (lhr) => lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];

async function runLighthouse(port, url, form) {
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] };
  const result = await lighthouse(url, flags, form === 'desktop' ? desktopConfig : undefined);
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const failing = (id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ref.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    failingAudits: {
      performance: failing('performance'),
      accessibility: failing('accessibility'),
      bestPractices: failing('best-practices'),
      seo: failing('seo'),
    },
    // Where the points went: the elements behind each failing non-performance audit and every layout shift.
    details: Object.fromEntries(
      [...failing('accessibility'), ...failing('best-practices'), ...failing('seo'), 'layout-shifts']
        .map((id) => [id, (lhr.audits[id]?.details?.items ?? []).slice(0, 5).map((item) => `${item.node?.selector ?? item.node?.snippet ?? item.url ?? item.description ?? ''}${item.score != null ? ` (${Number(item.score).toFixed(3)})` : ''}`)])
        .filter(([, items]) => items.length),
    ),
    runWarnings: lhr.runWarnings ?? [],
    // What the largest paint is and where its time goes (TTFB, load delay, load time, render delay).
    lcpElement: lcpItems(lhr)[0]?.items?.[0]?.node?.selector ?? null,
    lcpPhases: Object.fromEntries((lcpItems(lhr)[1]?.items ?? []).map((p) => [p.phase, Math.round(p.timing)])),
    firstPaintMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? NaN),
  };
}

/** Scrolls a chapter top to bottom with the mouse wheel under a 4× CPU slowdown; long tasks seen meanwhile. */
async function scrollLongTasks(browser, url, viewport) {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 600 ? 2 : 1, hasTouch: false });
  await ctx.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      const shown = document.querySelector('figure-stage')?.getAttribute('data-shown') ?? '';
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration, shown, scrollY: Math.round(scrollY) });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  const start = await page.evaluate(() => performance.now());
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  const shownStates = new Set();
  for (let i = 0; i < 400; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(40);
    if (i % 10 === 0) {
      const { atEnd, shown } = await page.evaluate(() => ({
        atEnd: scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
        shown: document.querySelector('figure-stage')?.getAttribute('data-shown'),
      }));
      shownStates.add(shown);
      if (atEnd) break;
    }
  }
  await page.waitForTimeout(700); // let the last tween finish
  const tasks = await page.evaluate((t0) => window.__longTasks.filter((t) => t.start >= t0), start);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await ctx.close();
  return {
    longTasks: tasks.length,
    longestMs: Math.round(tasks.reduce((m, t) => Math.max(m, t.duration), 0)),
    statesSeen: shownStates.size,
    // When each one happened: the figure state just after it and the scroll position.
    tasks: tasks.map((t) => ({ startMs: Math.round(t.start), durationMs: Math.round(t.duration), shown: t.shown, scrollY: t.scrollY })),
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round(((s[m - 1] + s[m]) / 2) * 1000) / 1000;
};

/** Per chapter page: what the first paint costs (fonts, blocking requests) and what it gives (LCP against the floor, CLS). */
function firstPaintTable(r) {
  const rows = r.lighthouse.filter((l) => !l.error && l.form === 'mobile' && l.floorLcpMs);
  if (!rows.length) return [];
  const lines = [
    '## First paint (chapter pages, Lighthouse mobile)',
    '',
    `Median of ${r.runs} run${r.runs > 1 ? 's' : ''} each. Floor: the same chapter HTML with every stylesheet, font and script removed, served by the same server, each run right after the page's own, so the ratio LCP / floor LCP holds on a busy machine where the absolute numbers do not. HTML (gzip -9, the stylesheet inside it), fonts and render-blocking requests as the page loads them at 1280 px (Resource Timing \`renderBlockingStatus\`). Targets: LCP ≤ ${TARGETS.mobileLcpMs} ms, ratio ≤ ${TARGETS.floorRatio}, CLS ${TARGETS.cls}, fonts ≤ ${TARGETS.fontKB} KB, at most ${TARGETS.renderBlocking} blocking request.`,
    '',
    '| Page | HTML KB | Fonts KB | Render-blocking | LCP ms | Floor LCP ms | LCP / floor | CLS | Performance |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const l of rows) {
    const w = r.pages.find((p) => p.path === l.path);
    const blocking = w?.renderBlocking?.length;
    lines.push(
      `| \`${l.path}\` | ${w ? kb(w.html) : '?'} | ${w ? mark(w.font / 1024 <= TARGETS.fontKB, kb(w.font)) : '?'} | ${blocking == null ? '?' : mark(blocking <= TARGETS.renderBlocking, blocking)} | ${mark(l.lcpMedianMs <= TARGETS.mobileLcpMs, l.lcpMedianMs)} | ${l.floorLcpMs} | ${mark(l.lcpRatio <= TARGETS.floorRatio, l.lcpRatio.toFixed(2))} | ${mark(l.clsMedian <= TARGETS.cls, l.clsMedian)} | ${l.performance} |`,
    );
  }
  return [...lines, ''];
}
const mark = (ok, text) => (ok ? `${text}` : `**${text} ✗**`);

function markdown(r) {
  const lines = [];
  lines.push('# Performance benchmark', '');
  lines.push(`Written by \`npm run bench\` (bench/bench.mjs) on ${r.date}. Raw numbers: [results.json](results.json).`, '');
  lines.push(`Machine: ${r.machine.cpus} × ${r.machine.cpu}, load average (1/5/15 min) ${r.machine.load.map((x) => x.toFixed(1)).join(' / ')} at start, ${(r.machine.loadAtEnd ?? []).map((x) => x.toFixed(1)).join(' / ')} at the end; ${r.machine.chromium}; Lighthouse ${r.machine.lighthouse}; Node ${r.machine.node}. Timings (build, TBT, long tasks) depend on the machine and on what else runs on it.`, '');
  lines.push(`Targets: Lighthouse mobile performance ≥ ${TARGETS.mobilePerformance}; accessibility, best practices and SEO = 100; CLS = 0; no long task over ${TARGETS.longTaskMs} ms while scrolling (4× CPU slowdown). A missed target is **bold with ✗**.`, '');
  lines.push('## Build', '', `Full \`astro build\`: **${r.buildSeconds.toFixed(1)} s** (${r.pages.length} pages).`, '');
  lines.push('## Page weight', '', 'Everything a page loads at 1280 px when scrolled to the end. Text resources as gzip -9; fonts (woff2) and images as shipped. KB = 1024 bytes.', '');
  lines.push('| Page | HTML KB | CSS KB | JS KB | Fonts KB | Other KB | Requests |', '|---|--:|--:|--:|--:|--:|--:|');
  for (const p of r.pages) lines.push(`| \`${p.path}\` | ${kb(p.html)} | ${kb(p.css)} | ${kb(p.js)} | ${kb(p.font)} | ${kb(p.other)} | ${p.requests} |`);
  lines.push(
    '',
    '## Lighthouse',
    '',
    `Lighthouse 12, default mobile (simulated slow 4G, 4× CPU) and desktop configs, against Debian Chromium; ${r.runs > 1 ? `median of ${r.runs} runs each` : 'one run each (BENCH_RUNS=3 for medians)'}. LCP and TBT in ms. The performance target applies to mobile; desktop performance is shown for information. Embed pages carry \`noindex\` on purpose.`,
    '',
  );
  lines.push('| Page | Form | Performance | Accessibility | Best practices | SEO | LCP | CLS | TBT |', '|---|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const l of r.lighthouse) {
    if (l.error) {
      lines.push(`| \`${l.path}\` | ${l.form} | **error ✗** | | | | | | ${l.error.slice(0, 60)} |`);
      continue;
    }
    const perfOk = l.form !== 'mobile' || l.performance >= TARGETS.mobilePerformance;
    const seoNote = l.noindex ? ' (noindex by design)' : '';
    lines.push(
      `| \`${l.path}\` | ${l.form} | ${mark(perfOk, l.performance)} | ${mark(l.accessibility >= 100, l.accessibility)} | ${mark(l.bestPractices >= 100, l.bestPractices)} | ${mark(l.seo >= 100 || !!l.noindex, `${l.seo}${seoNote}`)} | ${l.lcpMs} | ${mark(l.cls <= TARGETS.cls, l.cls)} | ${l.tbtMs} |`,
    );
  }
  const misses = r.lighthouse.filter((l) => !l.error).flatMap((l) =>
    Object.entries(l.failingAudits)
      .filter(([, ids]) => ids.length)
      .map(([cat, ids]) => `- \`${l.path}\` ${l.form}, ${cat}: ${ids.join(', ')}`),
  );
  if (misses.length) lines.push('', 'Audits below full marks (weighted audits only):', '', ...misses);
  const culprits = r.lighthouse.filter((l) => !l.error && l.details).flatMap((l) =>
    Object.entries(l.details).map(([id, items]) => `- \`${l.path}\` ${l.form}, ${id}: ${items.map((i) => `\`${i}\``).join(', ')}`),
  );
  if (culprits.length) lines.push('', 'Elements behind them (first five each):', '', ...culprits);
  lines.push('', ...firstPaintTable(r));
  lines.push(...slowClsTable(r.slowCls));
  lines.push('## Long tasks while scrolling', '', 'Each chapter scrolled top to bottom with the mouse wheel (120 px every 40 ms) under CDP `Emulation.setCPUThrottlingRate {rate: 4}`; a `PerformanceObserver` for `longtask` (buffered) is injected before any page script. Only tasks that start after scrolling starts count.', '');
  lines.push('| Page | Viewport | Long tasks (> 50 ms) | Longest ms | States seen |', '|---|---|--:|--:|--:|');
  for (const s of r.scrolling) {
    if (s.error) {
      lines.push(`| \`${s.path}\` | ${s.viewport} | **error ✗** | ${s.error.slice(0, 60)} | |`);
      continue;
    }
    lines.push(`| \`${s.path}\` | ${s.viewport} | ${mark(s.longTasks === 0, s.longTasks)} | ${mark(s.longestMs <= TARGETS.longTaskMs, s.longestMs)} | ${s.statesSeen} |`);
  }
  const summary = [];
  const lhOk = r.lighthouse.every((l) => !l.error && (l.form !== 'mobile' || l.performance >= TARGETS.mobilePerformance) && l.accessibility >= 100 && l.bestPractices >= 100 && (l.seo >= 100 || l.noindex) && l.cls <= TARGETS.cls);
  const scrollOk = r.scrolling.every((s) => !s.error && s.longTasks === 0);
  summary.push(`- Lighthouse targets: ${lhOk ? 'all met' : '**missed somewhere ✗** (see above)'}.`);
  const fp = r.lighthouse.filter((l) => !l.error && l.form === 'mobile' && l.floorLcpMs);
  const fpOk = fp.every((l) => {
    const w = r.pages.find((p) => p.path === l.path);
    return l.lcpMedianMs <= TARGETS.mobileLcpMs && l.lcpRatio <= TARGETS.floorRatio && l.clsMedian <= TARGETS.cls && w && w.font / 1024 <= TARGETS.fontKB && (w.renderBlocking?.length ?? Infinity) <= TARGETS.renderBlocking;
  });
  if (fp.length) summary.push(`- First paint (LCP, floor ratio, CLS, fonts, blocking requests): ${fpOk ? 'all met' : '**missed somewhere ✗** (see above)'}.`);
  summary.push(`- Long tasks while scrolling: ${!r.scrolling.length ? 'not measured in this run (BENCH_SCROLL=0)' : scrollOk ? 'none' : '**some ✗** (see above)'}.`);
  lines.push('', '## Summary', '', ...summary, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { cpus, loadavg } = await import('node:os');
  const lhVersion = JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const outDir = mkdtempSync(join(tmpdir(), 'gg-bench-'));
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', load: loadavg(), node: process.version, lighthouse: lhVersion, chromium: '' },
    targets: TARGETS,
    runs: RUNS,
    buildSeconds: 0,
    pages: [],
    lighthouse: [],
    scrolling: [],
  };
  let server;
  let browser;
  try {
    log(`building into ${outDir} (SITE=${origin}, so canonical URLs match the local origin) …`);
    results.buildSeconds = await build(outDir, origin);
    log(`built in ${results.buildSeconds.toFixed(1)} s`);
    server = await serve(outDir, port);
    const all = pagesIn(outDir);
    const pages = all.filter((p) => p !== '/404.html');
    // Chapters: pages in a language folder that show a figure (not the glossary or sources pages).
    const chapters = pages.filter((p) => /^\/(de|en)\/[^/]+\/$/.test(p) && readFileSync(join(outDir, p, 'index.html'), 'utf8').includes('<figure-stage'));
    // One embed page with a figure (not the "moved" notice, /embed/<lang>/404.html).
    const isEmbedFigure = (p) => p.startsWith('/embed/') && p.endsWith('/') && readFileSync(join(outDir, p, 'index.html'), 'utf8').includes('<figure-stage');
    const embed = pages.find((p) => p.startsWith('/embed/de/') && isEmbedFigure(p)) ?? pages.find(isEmbedFigure);
    const only = process.env.BENCH_PAGES?.split(',').filter(Boolean);
    const lhPages = [...chapters, ...(embed ? [embed] : [])].filter((p) => !only || only.includes(p));

    browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
    results.machine.chromium = `Chromium ${browser.version()}`;
    for (const path of [...pages, '/no-such-page/']) {
      const w = await weigh(browser, origin, outDir, path);
      results.pages.push({ path: path === '/no-such-page/' ? '/404.html (via /no-such-page/)' : path, ...w });
      log(`weighed ${path}: ${w.requests} requests`);
    }

    for (const path of chapters.filter((p) => SCROLL && (!only || only.includes(p)))) {
      for (const [name, viewport] of [['phone 390×844', { width: 390, height: 844 }], ['desktop 1280×800', { width: 1280, height: 800 }]]) {
        try {
          const s = await scrollLongTasks(browser, `${origin}${path}`, viewport);
          results.scrolling.push({ path, viewport: name, ...s });
          log(`scrolled ${path} at ${name}: ${s.longTasks} long tasks, longest ${s.longestMs} ms`);
        } catch (e) {
          results.scrolling.push({ path, viewport: name, error: String(e?.message ?? e) });
          log(`scrolling ${path} failed: ${e?.message ?? e}`);
        }
      }
    }
    // Layout shift on a slow network, cold deep links (bench/slow-cls.mjs).
    results.slowCls = await slowDeepLinkCls(browser, origin, deepLinks(outDir, chapters.filter((p) => !only || only.includes(p))));
    log(`slow deep links: CLS up to ${Math.max(0, ...results.slowCls.map((r) => r.cls))}`);
    await browser.close();
    browser = undefined;

    const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS, logLevel: 'silent' });
    try {
      for (const path of lhPages) {
        for (const form of FORMS) {
          try {
            // Several runs (BENCH_RUNS) → the run with the median performance score, as Lighthouse advises.
            // A chapter's floor page runs right after each run of the page itself, so both see the same load.
            const withFloor = chapters.includes(path);
            const runs = [];
            const floorLcp = [];
            for (let i = 0; i < RUNS; i++) {
              runs.push(await runLighthouse(chrome.port, `${origin}${path}`, form));
              if (withFloor) floorLcp.push((await runLighthouse(chrome.port, `${origin}${FLOOR}${path}`, form)).lcpMs);
            }
            // A run Lighthouse could not score (it happens) does not count; none scored → an error row.
            const scored = runs.filter((x) => typeof x.performance === 'number').sort((a, b) => a.performance - b.performance);
            if (!scored.length) throw new Error('Lighthouse returned no performance score in any run; rerun');
            const l = scored[Math.floor(scored.length / 2)];
            const lcpMedianMs = median(scored.map((x) => x.lcpMs));
            const clsMedian = median(scored.map((x) => x.cls));
            const floorLcpMs = withFloor ? median(floorLcp.filter(Number.isFinite)) : null;
            const lcpRatio = floorLcpMs ? Number((lcpMedianMs / floorLcpMs).toFixed(2)) : null;
            results.lighthouse.push({ path, form, noindex: path.startsWith('/embed/'), runs: scored.length, performanceRange: [scored[0].performance, scored.at(-1).performance], ...l, lcpMedianMs, clsMedian, floorLcpMs, lcpRatio });
            log(`lighthouse ${form} ${path}: perf ${l.performance}, a11y ${l.accessibility}, bp ${l.bestPractices}, seo ${l.seo}, LCP ${lcpMedianMs} ms (floor ${floorLcpMs ?? '–'}, ratio ${lcpRatio ?? '–'}), CLS ${clsMedian}, TBT ${l.tbtMs} ms`);
          } catch (e) {
            results.lighthouse.push({ path, form, error: String(e?.message ?? e) });
            log(`lighthouse ${form} ${path} failed: ${e?.message ?? e}`);
          }
        }
      }
    } finally {
      chrome.kill();
    }
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  results.machine.loadAtEnd = loadavg();
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(root, 'bench/README.md'), markdown(results));
  log('wrote bench/results.json and bench/README.md');
}

/** An entry from an older results.json without a performance score becomes an error row. */
function normalise(r) {
  r.lighthouse = r.lighthouse.map((l) => (l.error || typeof l.performance === 'number' ? l : { path: l.path, form: l.form, error: 'Lighthouse returned no performance score; rerun' }));
  return r;
}

// `node bench/bench.mjs --report` rewrites bench/README.md from bench/results.json without measuring.
if (process.argv.includes('--report')) {
  const r = normalise(JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')));
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(join(root, 'bench/README.md'), markdown(r));
  log('rewrote bench/README.md from bench/results.json');
} else main().catch((e) => {
  console.error(e);
  process.exit(1);
});
