import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, fit, frameOf, HOST_ORIGIN, routeWorld, SITE_ORIGIN, verdict } from './embed-hosts';
import { dist, launch, url } from './support';

/**
 * Every figure's embed code (the oEmbed html, the same code the share menu gives) in
 * the hosts a newsroom has, at four article widths: our loader, NPR's pym.js, a plain
 * iframe, a host whose CSP blocks our script, one that serves its own copy of it, a CMS
 * that strips scripts and style attributes, and a sandboxed iframe (WordPress). Each
 * embed must be "sized": the whole graphic visible, no inner scroll bar, nothing cut.
 * EMBED_SHOTS=<dir> also saves a screenshot of each embed in each host there.
 */
const root = join(import.meta.dirname, '../..');
const pymJs = readFileSync(join(root, 'node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');
const loaderJs = readFileSync(join(dist, 'embed.js'), 'utf8');
const figures = readdirSync(join(dist, 'oembed/en')).map((f) => f.replace(/\.json$/, '')).sort();
const codes = figures.map((f) => (JSON.parse(readFileSync(join(dist, 'oembed/en', `${f}.json`), 'utf8')) as { html: string }).html);
const WIDTHS = [320, 375, 768, 1280];
/** pym container ids a CMS generates: dots, colons, non-ASCII all occur. */
const PYM_IDS = ['chart.1', 'graphic:2', 'é-3', 'pym_4', 'x'.repeat(100)];
const shots = process.env['EMBED_SHOTS'];
let browser: Browser;

const iframeOnly = (code: string) => code.split('\n')[0] ?? '';
const srcOf = (code: string) => /src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&') ?? '';
const heightOf = (code: string) => /height="(\d+)"/.exec(code)?.[1] ?? '';
const wrap = (i: number, html: string) => `<div class="slot" id="slot${i}" style="margin:16px 0">${html}</div>`;
const CSP_STRICT = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src ${SITE_ORIGIN}; img-src 'self'`;

/** The host setups: how each turns an embed code into its page. */
const HOSTS: Record<string, { resizes: boolean; page: () => { html: string; headers?: Record<string, string> } }> = {
  'own loader': { resizes: true, page: () => ({ html: article(codes.map((c, i) => wrap(i, c)).join('')) }) },
  'pym.js': {
    resizes: true,
    page: () => ({
      html: article(
        figures.map((_, i) => wrap(i, `<div id="${PYM_IDS[i]}"></div>`)).join('') +
          `<script src="/pym.js"></script><script>${figures.map((_, i) => `new pym.Parent(${JSON.stringify(PYM_IDS[i])}, ${JSON.stringify(srcOf(codes[i] ?? ''))}, { title: 'Graphic' });`).join('')}</script>`,
      ),
    }),
  },
  'plain iframe': {
    resizes: false,
    page: () => ({ html: article(codes.map((c, i) => wrap(i, `<iframe src="${srcOf(c)}" width="100%" height="${heightOf(c)}" frameborder="0" title="Graphic"></iframe>`)).join('')) }),
  },
  'strict CSP': { resizes: false, page: () => ({ html: article(codes.map((c, i) => wrap(i, c)).join('')), headers: { 'content-security-policy': CSP_STRICT } }) },
  'strict CSP, own copy of embed.js': {
    resizes: true,
    page: () => ({
      html: article(codes.map((c, i) => wrap(i, iframeOnly(c))).join('') + '<script src="/embed.js" async></script>'),
      headers: { 'content-security-policy': CSP_STRICT },
    }),
  },
  'stripped scripts and styles': {
    resizes: false,
    page: () => ({ html: article(codes.map((c, i) => wrap(i, iframeOnly(c).replace(/\sstyle="[^"]*"/, ''))).join('')) }),
  },
  'sandbox (allow-scripts)': {
    resizes: true,
    page: () => ({ html: article(codes.map((c, i) => wrap(i, c.replace('<iframe ', '<iframe sandbox="allow-scripts" '))).join('')) }),
  },
};

beforeAll(async () => {
  browser = await launch();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const table: Record<string, Record<number, string>> = {};

describe('embed codes in newsroom hosts', () => {
  it('the codes come from the build, one per figure, with a whole-number height and our loader', () => {
    expect(figures.length).toBeGreaterThan(0);
    for (const c of codes) {
      expect(c).toMatch(/<iframe src="https:\/\/[^"]+\/embed\/en\/[^"]+" title="[^"]+" height="\d+"/);
      expect(c).toContain(`${SITE_ORIGIN}/embed.js`);
    }
  });

  for (const [name, host] of Object.entries(HOSTS)) {
    for (const width of WIDTHS) {
      it(`${name} at ${width} px: every figure is sized (no inner scroll bar, nothing cut)`, async () => {
        const ctx = await browser.newContext({ viewport: { width, height: 900 } });
        await routeWorld(ctx, { target: url(''), headers: 'headers' }, (path) => {
          if (path === '/pym.js') return { html: pymJs, headers: { 'content-type': 'text/javascript' } };
          if (path === '/embed.js') return { html: loaderJs, headers: { 'content-type': 'text/javascript' } };
          return path === '/' ? host.page() : null;
        });
        const page = await ctx.newPage();
        await page.goto(`${HOST_ORIGIN}/`);
        const verdicts: string[] = [];
        for (let i = 0; i < figures.length; i++) {
          const sel = `#slot${i} iframe`;
          const frame = await frameOf(page, sel);
          // Resized by script: the frame ends up as tall as its content, not just tall enough
          // (wait: fonts and layout settle first).
          if (host.resizes) {
            await expect.poll(async () => `${await verdict(page, frame, sel)} ${(await fit(page, frame, sel)).diff <= 2 ? 'fitted' : 'not fitted'}`).toBe('sized fitted');
          }
          verdicts.push(`${figures[i]}: ${await verdict(page, frame, sel)}`);
        }
        if (shots) {
          // One viewport per embed (full-page shots leave out-of-process frames blank).
          for (let i = 0; i < figures.length; i++) {
            await page.locator(`#slot${i}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
            await page.screenshot({ path: join(shots, `${name.replace(/[^a-z0-9]+/gi, '-')}-${width}-${figures[i]}.png`) });
          }
        }
        (table[name] ??= {})[width] = verdicts.every((v) => v.endsWith('sized')) ? 'sized' : verdicts.filter((v) => !v.endsWith('sized')).join(', ');
        expect(verdicts.filter((v) => !v.endsWith(': sized'))).toEqual([]);
        await ctx.close();
      });
    }
  }

  afterAll(() => {
    console.log(`\nhost × width\n${Object.entries(table).map(([h, row]) => `${h}: ${WIDTHS.map((w) => `${w}=${row[w] ?? '?'}`).join(' | ')}`).join('\n')}`);
  });
});
