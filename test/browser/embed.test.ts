import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, launch, url } from './support';

/**
 * Embeds on a host page served from another origin (a second port on 127.0.0.1):
 * our loader resizes the iframe; so does the pym.js parent library from npm; a message
 * from a foreign origin or another window changes nothing; URL parameters are data.
 */
const root = join(import.meta.dirname, '../..');
const pymJs = readFileSync(join(root, 'node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');
const figures = readdirSync(join(dist, 'embed/de'));
let browser: Browser;
let host: Server;
let hostOrigin = '';

/** Host pages: /ours?src=… uses our embed code; /pym?src=… uses pym.js; /two?a=…&b=… embeds two figures. */
function hostPage(pathname: string, q: URLSearchParams): string {
  const site = url('/');
  const iframe = (src: string, id: string) =>
    `<iframe id="${id}" src="${new URL(src, site).href}" title="Embedded graphic" width="100%" height="300" loading="lazy" style="border:0;width:100%" data-gg-embed></iframe>`;
  const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head><body style="margin:0;padding:8px;font-family:sans-serif"><h1>A news site</h1>${body}</body></html>`;
  if (pathname === '/ours') return page(`${iframe(q.get('src') ?? '', 'f1')}<script src="${site}embed.js" async></script><p>After the graphic.</p>`);
  if (pathname === '/two') return page(`${iframe(q.get('a') ?? '', 'f1')}${iframe(q.get('b') ?? '', 'f2')}<script src="${site}embed.js" async></script>`);
  if (pathname === '/pym') {
    return page(`<div id="pymbox"></div><script src="/pym.js"></script><script>window.pymParent = new pym.Parent('pymbox', ${JSON.stringify(new URL(q.get('src') ?? '', site).href)}, { title: 'Embedded graphic' });</script>`);
  }
  return '';
}

beforeAll(async () => {
  browser = await launch();
  host = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://host');
    if (u.pathname === '/pym.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(pymJs);
      return;
    }
    const html = hostPage(u.pathname, u.searchParams);
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => host?.close(r));
});

async function hostAt(path: string, width: number): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${hostOrigin}${path}`);
  return page;
}

async function embedFrame(page: Page, selector = 'iframe'): Promise<Frame> {
  const handle = await page.waitForSelector(selector);
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForLoadState('load');
  return frame;
}

/** The iframe's height against its document's height, and whether the document scrolls. */
async function fit(page: Page, frame: Frame, selector = 'iframe') {
  const iframeH = await page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().height);
  const doc = await frame.evaluate(() => ({ h: document.documentElement.getBoundingClientRect().height, scroll: document.documentElement.scrollHeight - document.documentElement.clientHeight }));
  return { diff: Math.abs(iframeH - doc.h), scroll: doc.scroll, iframeH };
}

describe('embeds on a host page from another origin', () => {
  it('the host page really is cross-origin', () => {
    expect(hostOrigin).not.toBe(new URL(url('/')).origin);
    expect(figures.length).toBeGreaterThan(0);
  });

  for (const figure of figures) {
    for (const width of [375, 1280]) {
      it(`${figure} at ${width} px: our loader fits the iframe to its content, no scroll bar`, async () => {
        const page = await hostAt(`/ours?src=${encodeURIComponent(`embed/de/${figure}/`)}`, width);
        const frame = await embedFrame(page);
        await expect.poll(async () => (await fit(page, frame)).diff, { timeout: 8000 }).toBeLessThanOrEqual(2);
        expect((await fit(page, frame)).scroll).toBeLessThanOrEqual(0);
        // Opening the data table grows the page; the iframe follows.
        const before = (await fit(page, frame)).iframeH;
        await frame.locator('details.data-table summary').click();
        await expect.poll(async () => (await fit(page, frame)).iframeH, { timeout: 8000 }).toBeGreaterThan(before + 40);
        await expect.poll(async () => (await fit(page, frame)).diff, { timeout: 8000 }).toBeLessThanOrEqual(2);
        await page.context().close();
      });
    }
  }

  for (const width of [375, 1280]) {
    it(`a pym.js parent (from npm) sizes the iframe too, at ${width} px`, async () => {
      const page = await hostAt(`/pym?src=${encodeURIComponent(`embed/en/${figures[0]}/`)}`, width);
      const frame = await embedFrame(page, '#pymbox iframe');
      expect(new URL(frame.url()).searchParams.get('childId')).toBe('pymbox');
      await expect.poll(async () => (await fit(page, frame, '#pymbox iframe')).diff, { timeout: 8000 }).toBeLessThanOrEqual(2);
      await page.context().close();
    });
  }

  it('ignores a height message from a foreign origin and from another of our windows', async () => {
    const [a, b] = [figures[0], figures[1] ?? figures[0]];
    const page = await hostAt(`/two?a=${encodeURIComponent(`embed/de/${a}/`)}&b=${encodeURIComponent(`embed/de/${b}/`)}`, 1280);
    const f1 = await embedFrame(page, '#f1');
    const f2 = await embedFrame(page, '#f2');
    await expect.poll(async () => (await fit(page, f1, '#f1')).diff, { timeout: 8000 }).toBeLessThanOrEqual(2);
    const h1 = (await fit(page, f1, '#f1')).iframeH;
    // Foreign origin: the host page itself posts a message in our format.
    await page.evaluate(() => window.postMessage({ type: 'gg-embed:height', height: 1234 }, '*'));
    // Right origin, other window: frame 2 claims a height; only frame 2 may change.
    await f2.evaluate(() => window.parent.postMessage({ type: 'gg-embed:height', height: 987 }, '*'));
    await expect.poll(() => page.locator('#f2').evaluate((el) => el.getBoundingClientRect().height)).toBe(987);
    expect(await page.locator('#f1').evaluate((el) => el.getBoundingClientRect().height)).toBe(h1);
    // A message with markup instead of a number changes nothing and injects nothing.
    await f1.evaluate(() => window.parent.postMessage({ type: 'gg-embed:height', height: '<img src=x onerror=alert(1)>' }, '*'));
    await page.waitForTimeout(200);
    expect(await page.locator('#f1').evaluate((el) => el.getBoundingClientRect().height)).toBe(h1);
    expect(await page.locator('img').count()).toBe(0);
    await page.context().close();
  });
});

describe('embed pages', () => {
  const payload = '<img src=x onerror=alert(1)>';

  it('treat every URL parameter as data: a payload gives the defaults, no dialog, no error', async () => {
    const ctx = await browser.newContext({ viewport: { width: 640, height: 800 } });
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    const q = new URLSearchParams({ step: payload, theme: payload, childId: payload, plain: payload });
    await page.goto(url(`/embed/de/${figures[0]}/?${q}`));
    await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
    expect(await page.locator('figure-stage').getAttribute('data-shown')).toBe('summary');
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.goto(url(`/embed/de/${figures[0]}/?step=%E0%A4%A&theme=${'x'.repeat(5000)}`));
    expect(await page.locator('figure-stage').getAttribute('data-shown')).toBe('summary');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('show the requested state, theme and plain mode', async () => {
    const page = await (await browser.newContext()).newPage();
    const html = readFileSync(join(dist, 'embed/en', figures[0] ?? '', 'index.html'), 'utf8');
    const second = JSON.parse(html.match(/data-figure-states>([\s\S]*?)<\/script>/)?.[1] ?? '{}') as { alts: Record<string, string> };
    const state = Object.keys(second.alts).find((s) => s !== 'summary') ?? 'summary';
    await page.goto(url(`/embed/en/${figures[0]}/?step=${state}&theme=dark&plain`));
    await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
    expect(await page.locator('figure-stage').getAttribute('data-shown')).toBe(state);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('.fig__title').isVisible()).toBe(false);
    expect(await page.locator('.fig__credit').isVisible()).toBe(false);
    await page.context().close();
  });

  it('show title, source, credit and a link to the chapter by default', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url(`/embed/de/${figures[0]}/`));
    expect(await page.locator('.fig__title').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.fig__credit').textContent()).toContain('CC BY 4.0');
    const href = await page.locator('.fig__credit a').getAttribute('href');
    expect((await fetch(url(href ?? '/nope'))).status).toBe(200);
    expect(await page.locator('details.data-table table').count()).toBe(1);
    expect(await page.locator('[data-figure-alt]').textContent()).not.toBe('');
    await page.context().close();
  });

  for (const width of [280, 375, 768, 1400]) {
    it(`never scroll sideways at ${width} px`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height: 700 } })).newPage();
      for (const figure of figures) {
        await page.goto(url(`/embed/de/${figure}/`));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, figure).toBeLessThanOrEqual(0);
      }
      await page.context().close();
    });
  }

  for (const bad of ['/embed/fr/users-race/', '/embed/de/no-such-figure/', '/embed/de/']) {
    it(`${bad} is the 404 page`, async () => {
      expect((await fetch(url(bad))).status).toBe(404);
    });
  }

  it('advertise a static oEmbed document with the required fields', async () => {
    for (const lang of ['de', 'en']) {
      for (const figure of figures) {
        const html = await (await fetch(url(`/embed/${lang}/${figure}/`))).text();
        const href = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)?.[1];
        expect(href, `${lang}/${figure}`).toBeDefined();
        const res = await fetch(url(new URL(href ?? '').pathname));
        expect(res.status).toBe(200);
        const o = (await res.json()) as Record<string, unknown>;
        expect(o['version']).toBe('1.0');
        expect(o['type']).toBe('rich');
        expect(String(o['html'])).toContain(`/embed/${lang}/${figure}/`);
        expect(o['width']).toBeGreaterThan(0);
        expect(o['height']).toBeGreaterThan(0);
        expect(o['provider_name']).toBeTruthy();
      }
    }
  });
});

describe('share / embed menu on a chapter', () => {
  async function openMenu(clipboard: 'ok' | 'refused') {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (clipboard === 'ok') await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url('/')).origin });
    else await ctx.addInitScript(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new Error('denied')) }));
    const page = await ctx.newPage();
    await page.goto(url('/de/der-ansturm/#one-hour'));
    await page.waitForFunction(() => document.querySelector('figure-stage')?.getAttribute('data-shown') === 'one-hour');
    await page.locator('details[data-share] > summary').click();
    return page;
  }

  it('builds the code for the current step, follows the choosers and previews it', async () => {
    const page = await openMenu('ok');
    const code = page.locator('[data-share-code]');
    await expect.poll(() => code.inputValue()).toContain('step=one-hour');
    expect(await code.inputValue()).toContain('loading="lazy"');
    expect(await code.inputValue()).toMatch(/title="[^"]+"/);
    expect(await code.inputValue()).toContain('/embed.js');
    await page.locator('[data-share-theme]').selectOption('dark');
    await page.locator('[data-share-lang]').selectOption('en');
    await expect.poll(() => code.inputValue()).toContain('/embed/en/users-race/?step=one-hour&amp;theme=dark');
    await page.locator('[data-share-state]').selectOption('summary');
    await expect.poll(() => code.inputValue()).not.toContain('step=');
    const preview = page.frameLocator('[data-share-preview] iframe');
    await expect.poll(() => preview.locator('figure-stage').getAttribute('data-shown')).toBe('summary');
    expect(await page.locator('[data-share-link]').inputValue()).toMatch(/\/en\/the-rush\/#one-hour$/);
    await page.locator('[data-share-copy]').click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toBe('Kopiert!');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('<iframe');
    for (const kind of ['svg', 'png', 'csv', 'json']) {
      expect(await page.locator(`[data-share-download="${kind}"]`).getAttribute('href')).toBe(`/downloads/de/users-race.${kind}`);
    }
    await page.keyboard.press('Escape');
    expect(await page.locator('details[data-share]').getAttribute('open')).toBeNull();
    await page.context().close();
  });

  it('on a phone, opening the menu from the keyboard moves the focus into the panel, and Escape brings it back', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(url('/de/der-ansturm/'));
    await page.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'));
    const toggle = page.locator('details[data-share] > summary').first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('[data-share-panel]') ?? false)).toBe(true);
    // The panel covers the toggle on a phone; the next Tab lands inside it, on its close button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-share-close]') ?? false)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('details[data-share]').first().getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.matches('details[data-share] > summary') ?? false)).toBe(true);
    await ctx.close();
  });

  it('falls back to selecting the code where the Clipboard API is refused', async () => {
    const page = await openMenu('refused');
    await page.locator('[data-share-copy]').click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toContain('Strg+C');
    const selected = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement | null;
      return el?.matches('[data-share-code]') ? el.selectionEnd - el.selectionStart : 0;
    });
    expect(selected).toBeGreaterThan(50);
    await page.context().close();
  });
});
