import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, builtChapters, builtPages, dist, headersFor, launch, parseTags, serveDir, siteHeaderRules, type StaticServer } from '../support';

/**
 * Security: no inline event handlers or style attributes in any page, and no <style> or inline
 * <script> the page's policy does not name by its hash (the one inline script is a story page's
 * boot script, src/build/first-paint.ts); every page gets a Content-Security-Policy
 * from the built _headers (public/_headers with the build's style and script hashes) that needs no
 * 'unsafe-inline', has object-src 'none', base-uri 'self', and frame-ancestors 'self' (story
 * pages) or * (embed pages). Then every page is loaded in Chromium under exactly those
 * headers (a small server applies _headers) and must not trigger a single violation.
 */
const rules = siteHeaderRules(dist);
const pages = builtPages();
const isEmbed = (p: string) => p.startsWith('/embed/');

/** A policy as directive → sources. */
function parseCsp(value: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

function htmlOf(page: string): string {
  return readFileSync(join(dist, page.endsWith('/') ? `${page}index.html` : page), 'utf8');
}

/** A CSP hash source for an inline element's text (worked out here, not taken from the build). */
const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The style-src and script-src sources of the policy _headers gives a page. */
function sources(page: string): { styleSrc: string[]; scriptSrc: string[] } {
  const csp = parseCsp(headersFor(rules, page)['content-security-policy'] ?? '');
  return { styleSrc: csp.get('style-src') ?? csp.get('default-src') ?? [], scriptSrc: csp.get('script-src') ?? csp.get('default-src') ?? [] };
}

/** An inline <script> a browser would run: no src, and not a data block. */
const runsInline = (tag: { name: string; attrs: Record<string, string>; text?: string }) =>
  tag.name === 'script' && tag.attrs['src'] === undefined && !/^application\/(ld\+)?json$/i.test(tag.attrs['type'] ?? '');

/** What a strict CSP would block in a page's markup, given the policy's style-src and script-src sources. */
function inlineProblems(html: string, { styleSrc, scriptSrc }: { styleSrc: string[]; scriptSrc: string[] }): string[] {
  const out: string[] = [];
  for (const tag of parseTags(html)) {
    for (const name of tag.names) if (/^on/.test(name)) out.push(`<${tag.name} ${name}=…> inline event handler`);
    if (tag.names.includes('style')) out.push(`<${tag.name} style="${tag.attrs['style']}"> inline style attribute`);
    for (const [name, value] of Object.entries(tag.attrs)) if (/^\s*javascript:/i.test(value)) out.push(`<${tag.name} ${name}="${value}"> javascript: URL`);
    if (runsInline(tag) && (tag.text ?? '').trim() && !scriptSrc.includes(sha256Source(tag.text ?? ''))) out.push(`inline <script> whose hash ${sha256Source(tag.text ?? '')} the policy does not name`);
    if (tag.name === 'style' && !styleSrc.includes(sha256Source(tag.text ?? ''))) out.push(`inline <style> element whose hash ${sha256Source(tag.text ?? '')} the policy does not name`);
  }
  return out;
}

describe('markup a strict CSP allows', () => {
  it('self-check: inline handlers, scripts, styles and javascript: URLs are found', () => {
    const none = { styleSrc: ["'self'"], scriptSrc: ["'self'"] };
    const found = inlineProblems('<a href="javascript:void 0" onclick="x()">a</a><p style="color:red">p</p><script>alert(1)</script><script type="application/json">{}</script><style>p{}</style><svg onload="x()"></svg>', none);
    expect(found).toHaveLength(6);
    // A <style> or an inline <script> passes only with the hash of its exact text, each in its own directive.
    expect(inlineProblems('<style>p{}</style>', { ...none, styleSrc: ["'self'", sha256Source('p{}')] })).toEqual([]);
    expect(inlineProblems('<style>p{} </style>', { ...none, styleSrc: ["'self'", sha256Source('p{}')] })).toHaveLength(1);
    expect(inlineProblems('<script data-modules="[]">boot()</script>', { ...none, scriptSrc: ["'self'", sha256Source('boot()')] })).toEqual([]);
    expect(inlineProblems('<script>boot();</script>', { ...none, scriptSrc: ["'self'", sha256Source('boot()')] })).toHaveLength(1);
    expect(inlineProblems('<script>boot()</script>', { ...none, styleSrc: ["'self'", sha256Source('boot()')] })).toHaveLength(1);
  });

  for (const page of pages) {
    it(`${page} has no inline event handler, style attribute, javascript: URL, or unhashed <style> or inline script`, () => {
      expect(inlineProblems(htmlOf(page), sources(page))).toEqual([]);
    });
  }
});

describe('the policy in the built _headers', () => {
  it('is public/_headers with the hash of every page\'s <style> and inline script where it says {inline-style-hashes} and {inline-script-hashes}', () => {
    const styles = new Set<string>();
    const scripts = new Set<string>();
    for (const page of pages) {
      for (const tag of parseTags(htmlOf(page))) {
        if (tag.name === 'style') styles.add(sha256Source(tag.text ?? ''));
        if (runsInline(tag)) scripts.add(sha256Source(tag.text ?? ''));
      }
    }
    // The chapters carry the site's stylesheet inline, and the story pages one boot script: at least one hash each.
    expect(styles.size).toBeGreaterThan(0);
    expect(scripts.size).toBe(1);
    const template = readFileSync(join(import.meta.dirname, '../../../public/_headers'), 'utf8');
    expect(template).toContain("style-src 'self' {inline-style-hashes};");
    expect(template).toContain("script-src 'self' {inline-script-hashes};");
    const built = readFileSync(join(dist, '_headers'), 'utf8');
    expect(built).not.toContain('{inline-style-hashes}');
    expect(built).not.toContain('{inline-script-hashes}');
    expect(built).toBe(template.split('{inline-style-hashes}').join([...styles].sort().join(' ')).split('{inline-script-hashes}').join([...scripts].sort().join(' ')));
  });

  for (const page of pages) {
    it(`${page}: one CSP, no 'unsafe-inline'/'unsafe-eval' for scripts, object-src 'none', base-uri 'self', frame-ancestors ${isEmbed(page) ? '*' : "'self'"}`, () => {
      const h = headersFor(rules, page);
      const value = h['content-security-policy'] ?? '';
      expect(value, 'a Content-Security-Policy header').not.toBe('');
      expect(value.includes(','), 'two rules set the CSP: hosts would join them into two policies').toBe(false);
      const csp = parseCsp(value);
      const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']) expect(scripts, `script-src ${bad}`).not.toContain(bad);
      const styles = csp.get('style-src') ?? csp.get('default-src') ?? [];
      expect(styles, "style-src 'unsafe-inline'").not.toContain("'unsafe-inline'");
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(isEmbed(page) ? ['*'] : ["'self'"]);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['cache-control']).toBe('no-cache');
      if (!isEmbed(page)) expect(h['x-frame-options']).toBe('SAMEORIGIN');
      else expect(h['x-frame-options']).toBeUndefined();
    });
  }
});

// ---------------------------------------------------------------------------------------
// In Chromium, under the real headers.
// ---------------------------------------------------------------------------------------

let browser: Browser;
let site: StaticServer;
let selfCheck: StaticServer;
let host: Server;
let hostOrigin = '';
let selfCheckDir = '';

/** Records CSP and Trusted Types violations in every frame, before any page script runs. */
async function recordingContext(): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    addEventListener(
      'securitypolicyviolation',
      (e) => w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || location.pathname}:${e.lineNumber})`),
      true,
    );
  });
  return ctx;
}

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Trusted Type|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function violations(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames()) {
    try {
      all.push(...(await frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    } catch {
      // a frame that went away (cross-origin frames are not ours to read)
    }
  }
  return all;
}

beforeAll(async () => {
  browser = await launch();
  site = await serveDir(dist, { headers: (path) => headersFor(rules, path) });
  // A page that breaks the policy, served with the story pages' headers: the detector must see it.
  selfCheckDir = mkdtempSync(join(tmpdir(), 'gg-csp-'));
  mkdirSync(join(selfCheckDir, 'de'));
  writeFileSync(
    join(selfCheckDir, 'de/index.html'),
    '<!doctype html><html lang="de"><head><title>x</title></head><body><p style="color:red">styled</p><button onclick="alert(1)">b</button><script>document.title = "inline ran";</script></body></html>',
  );
  writeFileSync(join(selfCheckDir, '404.html'), 'missing');
  selfCheck = await serveDir(selfCheckDir, { headers: (path) => headersFor(rules, path) });
  // Another origin that frames our pages.
  host = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://h').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body><iframe id="f" title="framed" src="${site.origin}${src.replace(/"/g, '')}" width="600" height="400"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await selfCheck?.close();
  await new Promise((r) => host?.close(r));
  if (selfCheckDir) rmSync(selfCheckDir, { recursive: true, force: true });
});

describe('in Chromium under the headers of the built _headers', () => {
  it('self-check: a page with an inline script, handler and style attribute reports violations', async () => {
    const ctx = await recordingContext();
    const page = await ctx.newPage();
    const problems = watch(page);
    const res = await page.goto(`${selfCheck.origin}/de/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('button').click();
    await page.waitForTimeout(100);
    expect(await page.title()).toBe('x');
    const seen = await violations(page);
    expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(seen.some((v) => v.startsWith('style-src'))).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
    await ctx.close();
  });

  it('every page loads, scrolls and runs its scripts without a single violation', async () => {
    const ctx = await recordingContext();
    const page = await ctx.newPage();
    // The share menu is the same component everywhere: open it on one chapter per language.
    const withMenu = new Set(['de', 'en'].map((lang) => builtChapters().find((c) => c.lang === lang)?.path ?? ''));
    const found: string[] = [];
    for (const path of pages) {
      const problems = watch(page);
      const res = await page.goto(`${site.origin}${path}`);
      expect(res?.headers()['content-security-policy'], path).toBeTruthy();
      // The boot script (inline, allowed by its hash) has fetched the fonts and run every module.
      await booted(page);
      if (await page.locator('figure-stage').count()) {
        await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
      }
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
        }
      });
      if (withMenu.has(path)) {
        // The share menu builds code and a preview iframe (an embed page of the same origin).
        await page.locator('details[data-share] > summary').first().click();
        await page.waitForSelector('[data-share-preview] iframe');
        await page.locator('[data-share-theme]').first().selectOption('dark');
        const preview = page.locator('[data-share-preview] iframe').first().contentFrame();
        await preview.locator('figure-stage[data-shown]').waitFor();
        await page.keyboard.press('Escape');
      }
      await page.waitForTimeout(50);
      found.push(...(await violations(page)).map((v) => `${path}: ${v}`), ...problems.map((p) => `${path}: ${p}`));
      page.removeAllListeners('console');
      page.removeAllListeners('pageerror');
    }
    expect(found).toEqual([]);
    await ctx.close();
  }, 240_000); // one page after another: every state of every figure has its own embed page

  it('another site may frame an embed page but not a story page (frame-ancestors)', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const embed = pages.find((p) => isEmbed(p) && p.endsWith('/')) ?? '';
    const chapter = builtChapters()[0]?.path ?? '/';
    await page.goto(`${hostOrigin}/?src=${encodeURIComponent(embed)}`);
    const framed = page.frameLocator('#f');
    await expect.poll(() => framed.locator('figure-stage').count(), { timeout: 5000 }).toBe(1);

    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to frame/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${hostOrigin}/?src=${encodeURIComponent(chapter)}`);
    await expect.poll(() => refused.length, { timeout: 5000 }).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.locator('figure-stage').count().catch(() => 0)).toBe(0);
    await ctx.close();
  });
});
