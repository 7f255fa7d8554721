import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, launch, linkProblems, pagesIn, serveDir, type StaticServer } from '../support';

/**
 * Gate 7, sub-path: the site built with BASE=/some/sub/path/ (into its own outDir) and
 * served under that prefix passes the link gate, and every chapter renders with its
 * figure, changes state on a deep link, and requests nothing outside the prefix; the
 * share menu and the language switch stay under the prefix too.
 * SUBPATH_DIST=<dir> reuses an existing sub-path build (for quick local runs).
 */
const root = join(import.meta.dirname, '../../..');
const BASE = '/some/sub/path/';
const SITE = 'https://ghibli-gpus.example.org';
const reuse = process.env['SUBPATH_DIST'];
const out = reuse ?? join(tmpdir(), `gg-subpath-${process.pid}`);

let browser: Browser;
let server: StaticServer;
let page: Page;
let chapters: { path: string; lang: string }[] = [];

/** The environment of a plain CLI build: vitest puts Vite's own variables (BASE_URL = "/", MODE …) into process.env, and a build would take them. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
  return { ...env, BASE, SITE, ASTRO_TELEMETRY_DISABLED: '1' };
}

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
      cwd: root,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => {
      if (code === 0) {
        console.log(`[subpath] built with BASE=${BASE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new Error(`astro build with BASE=${BASE} failed:\n${log.slice(-4000)}`));
    });
  });
}

beforeAll(async () => {
  if (!reuse || !existsSync(join(out, 'index.html'))) await build();
  // Chapters: a page in a language folder that shows a figure (glossary and sources pages do not).
  chapters = pagesIn(out)
    .filter((p) => /^\/(de|en)\/[^/]+\/$/.test(p) && readFileSync(join(out, p, 'index.html'), 'utf8').includes('<figure-stage'))
    .map((p) => ({ path: p, lang: p.slice(1, 3) }));
  server = await serveDir(out, { prefix: BASE });
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  // Its own build runs while other browser files share the cores: allow it well past the
  // suite's 180 s hook limit (a build that fails still fails the file at once).
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (!reuse) rmSync(out, { recursive: true, force: true });
});

describe(`built with BASE=${BASE}`, () => {
  it('self-check: a root-relative link that ignores the base is flagged', () => {
    const problems = linkProblems({ dir: out, base: '/other/base/', site: SITE });
    expect(problems.filter((p) => p.includes('outside the base /other/base/')).length).toBeGreaterThan(10);
  });

  it('passes the link gate: every reference resolves under the base', () => {
    expect(chapters.length).toBeGreaterThan(0);
    expect(linkProblems({ dir: out, base: BASE, site: SITE })).toEqual([]);
  });

  it('the server really serves under the prefix only', async () => {
    expect((await fetch(`${server.origin}${BASE}`)).status).toBe(200);
    expect((await fetch(`${server.origin}/`)).status).toBe(404);
    expect((await fetch(`${server.origin}${BASE}no-such-page/`)).status).toBe(404);
  });

  it('every chapter renders its figure, follows a deep link and loads nothing outside the prefix', async () => {
    const problems: string[] = [];
    for (const { path } of chapters) {
      const requests: string[] = [];
      const onRequest = (r: { url(): string }) => requests.push(r.url());
      const onResponse = (r: { url(): string; status(): number }) => {
        if (r.status() >= 400) problems.push(`${path}: ${r.status()} for ${r.url()}`);
      };
      const onError = (e: Error) => problems.push(`${path}: ${e.message}`);
      page.on('request', onRequest);
      page.on('response', onResponse);
      page.on('pageerror', onError);

      await page.goto(`${server.origin}${BASE}${path.slice(1)}`);
      await booted(page);
      await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'), null, { timeout: 10_000 });
      const steps = await page.locator('[data-step-id]').evaluateAll((els) => els.map((e) => e.id));
      const figure = await page.evaluate(() => {
        const svg = [...document.querySelectorAll<SVGSVGElement>('figure-stage svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0);
        const r = svg?.getBoundingClientRect();
        const style = svg ? getComputedStyle(svg) : null;
        return { width: r?.width ?? 0, height: r?.height ?? 0, visible: style?.visibility === 'visible' && style.display !== 'none', marks: svg?.querySelectorAll('[data-key]').length ?? 0 };
      });
      if (!(figure.width > 200 && figure.height > 150 && figure.visible && figure.marks > 3)) problems.push(`${path}: figure not drawn (${JSON.stringify(figure)})`);
      // Styles arrived: the sticky figure column is laid out by CSS.
      const sticky = await page.evaluate(() => getComputedStyle(document.querySelector('.scrolly__graphic') as Element).position);
      if (sticky !== 'sticky') problems.push(`${path}: stylesheet missing (figure column is "${sticky}")`);

      // Deep link to the second step: the figure changes state.
      const target = steps[1] ?? '';
      await page.goto(`${server.origin}${BASE}${path.slice(1)}?deep#${target}`);
      await booted(page);
      await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
      await expect.poll(() => page.locator('figure-stage').getAttribute('data-shown'), { timeout: 5000 }).toBe(target);

      // Links made at run time stay under the prefix: language switch, share code, share link, downloads.
      await page.locator('details[data-share] > summary').click();
      // The menu fills itself on its toggle event; wait for it before reading.
      await expect.poll(() => page.locator('[data-share-link]').inputValue()).toContain('#');
      const live = await page.evaluate(() => ({
        lang: document.querySelector<HTMLAnchorElement>('a.lang-switch')?.href ?? '',
        code: document.querySelector<HTMLTextAreaElement>('[data-share-code]')?.value ?? '',
        link: document.querySelector<HTMLInputElement>('[data-share-link]')?.value ?? '',
        downloads: [...document.querySelectorAll<HTMLAnchorElement>('[data-share-download]')].map((a) => a.href),
        anchors: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
      }));
      const origin = server.origin;
      const inside = (u: string) => !u.startsWith(origin) || u.startsWith(`${origin}${BASE}`);
      if (!live.lang.startsWith(`${origin}${BASE}`) || !live.lang.endsWith(`#${target}`)) problems.push(`${path}: language switch → ${live.lang}`);
      const embedSrc = /src="([^"]+)"/.exec(live.code)?.[1] ?? '';
      if (!embedSrc.includes(`${BASE}embed/`)) problems.push(`${path}: share code embeds ${embedSrc || '(nothing)'}`);
      if (!/embed\.js"/.test(live.code) || !live.code.includes(`${BASE}embed.js`)) problems.push(`${path}: share code loads the wrong embed.js`);
      if (!live.link.includes(`${BASE}${path.slice(1)}`) || !live.link.endsWith(`#${target}`)) problems.push(`${path}: share link ${live.link}`);
      for (const u of [...live.downloads, ...live.anchors]) if (!inside(u)) problems.push(`${path}: link outside the prefix ${u}`);
      // The preview iframe loads the embed page under the prefix.
      const preview = page.locator('[data-share-preview] iframe').first().contentFrame();
      await preview.locator('figure-stage[data-shown]').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');

      for (const u of requests) if (!inside(u) && !u.startsWith('data:')) problems.push(`${path}: requested ${u}`);
      page.off('request', onRequest);
      page.off('response', onResponse);
      page.off('pageerror', onError);
    }
    expect(problems).toEqual([]);
  });

  it('the language switch lands on the twin chapter under the prefix', async () => {
    const first = chapters[0];
    expect(first).toBeDefined();
    await page.goto(`${server.origin}${BASE}${(first?.path ?? '/').slice(1)}`);
    await booted(page);
    await page.locator('a.lang-switch').click();
    await page.waitForURL((u) => u.pathname.startsWith(`${BASE}${first?.lang === 'de' ? 'en' : 'de'}/`));
    // The twin page's own boot script ran, its modules imported from under the prefix.
    await booted(page);
    await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
    expect(await page.locator('figure-stage').count()).toBe(1);
  });

  it('every embed page renders its figure under the prefix', async () => {
    // Figure pages only (/embed/<lang>/404.html is the "this graphic has moved" note).
    const embeds = pagesIn(out).filter((p) => p.startsWith('/embed/') && p.endsWith('/'));
    expect(embeds.length).toBeGreaterThan(0);
    // About 70 pages: four tabs share them, so a busy machine does not run out the clock.
    const queue = [...embeds];
    const tab = async (): Promise<void> => {
      const p = await page.context().newPage();
      for (let path = queue.shift(); path; path = queue.shift()) {
        const res = await p.goto(`${server.origin}${BASE}${path.slice(1)}?step=summary`);
        expect(res?.status(), path).toBe(200);
        await p.waitForFunction(() => document.querySelector('figure-stage')?.getAttribute('data-shown') === 'summary', null, { timeout: 20_000 });
        const sheets = await p.evaluate(() => document.styleSheets.length);
        expect(sheets, `${path} stylesheets`).toBeGreaterThan(0);
      }
      await p.close();
    };
    await Promise.all([tab(), tab(), tab(), tab()]);
    expect(queue).toEqual([]);
  }, 240_000);
});
