import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, builtChapters, builtPages, launch, url } from '../support';

/**
 * Gate 6, bad input: every query parameter and fragment the site reads — the fragment
 * on every page (chapters read it as a step id), ?step, ?theme, ?plain and ?childId on
 * every embed page — fed an HTML/JS payload, an overlong string and malformed
 * percent-escapes: no dialog, no page error, no injected element, nothing reflected,
 * and the default state shown.
 */
const MARK = 'ggxss';
/** Raw URL components (already as they would stand in a URL). */
const PAYLOADS: Record<string, string> = {
  html: encodeURIComponent(`"><img src=x onerror=alert('${MARK}')><svg onload=alert(1)><script>alert(1)</script>${MARK}`),
  js: encodeURIComponent(`javascript:alert('${MARK}')//';alert(1);//</script>${MARK}`),
  // 3,000 characters per parameter keeps the request line within what servers accept (Node: 16 KB);
  // the fragment never leaves the browser, so it gets a much longer one (see FRAGMENT).
  long: `${MARK}${'x'.repeat(3_000)}`,
  malformed: `${MARK}%E0%A4%A%%zz%C0%AF%`,
};
const FRAGMENT: Record<string, string> = { ...PAYLOADS, long: `${MARK}${'x'.repeat(50_000)}` };
const EMBED_PARAMS = ['step', 'theme', 'plain', 'childId'];

// The 404 pages (also /embed/<lang>/404.html, which has no figure) have no state to keep.
const pages = builtPages().filter((p) => p !== '/404.html' && !/^\/embed\/[^/]+\/404\.html$/.test(p));
const chapters = new Map(builtChapters().map((c) => [c.path, c]));
const embeds = pages.filter((p) => p.startsWith('/embed/'));

let browser: Browser;
let page: Page;
let events: string[] = [];

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  page.on('dialog', (d) => {
    events.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') events.push(`console: ${m.text()}`);
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Snapshot {
  shown: string | null;
  theme: string | null;
  plain: string | null;
  elements: number;
  handlers: string[];
  reflected: string[];
}

/** The state after load: the figure's state, theme/plain flags, element count, inline handlers, anything carrying the marker. */
async function snapshot(p: Page): Promise<Snapshot> {
  if (await p.locator('figure-stage').count()) {
    await p.waitForFunction(() => document.querySelector('figure-stage')?.hasAttribute('data-shown'), null, { timeout: 10_000 });
  }
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
  return p.evaluate((mark) => {
    const handlers: string[] = [];
    const reflected: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) handlers.push(`<${el.localName} ${a.name}>`);
        if (a.value.includes(mark)) reflected.push(`<${el.localName} ${a.name}="${a.value.slice(0, 80)}">`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.includes(mark)) reflected.push(`text "${n.textContent.slice(0, 80)}"`);
    for (const f of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) if (f.value.includes(mark)) reflected.push(`${f.localName}.value`);
    const stage = document.querySelector('figure-stage');
    return {
      shown: stage?.getAttribute('data-shown') ?? null,
      theme: document.documentElement.getAttribute('data-theme'),
      plain: document.documentElement.getAttribute('data-plain'),
      elements: document.querySelectorAll('*').length,
      handlers,
      reflected,
    };
  }, MARK);
}

/** Loads `path` (with a fresh document) and returns the problems found against the page's default state. */
async function probe(p: Page, path: string, expected: Snapshot, opts: { plainFlag?: boolean } = {}): Promise<string[]> {
  events = [];
  // Every probe URL differs from the one before in its query, so each is a fresh document.
  await p.goto(url(path));
  await booted(p);
  const got = await snapshot(p);
  const problems = [...events];
  if (got.shown !== expected.shown) problems.push(`figure shows "${got.shown}", default is "${expected.shown}"`);
  if (got.theme !== expected.theme) problems.push(`data-theme="${got.theme}"`);
  const plainExpected = opts.plainFlag ? '' : expected.plain;
  if (got.plain !== plainExpected) problems.push(`data-plain=${JSON.stringify(got.plain)}, expected ${JSON.stringify(plainExpected)}`);
  if (got.elements !== expected.elements) problems.push(`${got.elements} elements, ${expected.elements} by default (something was injected or lost)`);
  if (got.handlers.length) problems.push(`inline handlers: ${got.handlers.join(', ')}`);
  if (got.reflected.length) problems.push(`input reflected into the page: ${got.reflected.slice(0, 3).join(', ')}`);
  return problems;
}

async function baseline(path: string): Promise<Snapshot> {
  events = [];
  await page.goto(url(path));
  await booted(page);
  const base = await snapshot(page);
  expect(events, `${path} without input`).toEqual([]);
  expect(base.handlers).toEqual([]);
  return base;
}

describe('bad input', () => {
  it('self-check: a page that writes its fragment into the DOM is caught', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const seen: string[] = [];
    p.on('dialog', (d) => {
      seen.push(d.message());
      void d.dismiss();
    });
    // Served in place of our page: a classic DOM XSS through location.hash.
    await p.route('**/__selfcheck/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="out"></p><script>document.getElementById("out").innerHTML = decodeURIComponent(location.hash.slice(1));</script></body></html>',
      }),
    );
    await p.goto(url('/__selfcheck/'));
    await booted(p);
    const base = await snapshot(p);
    const problems = await probe(p, `/__selfcheck/?probe#${PAYLOADS['html']}`, base);
    await p.waitForTimeout(200);
    expect(problems.some((x) => x.includes('elements'))).toBe(true);
    expect(problems.some((x) => x.includes('inline handlers'))).toBe(true);
    expect(problems.some((x) => x.includes('reflected'))).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    await ctx.close();
  });

  it('covers every page that reads input', () => {
    expect(chapters.size).toBeGreaterThan(0);
    expect(embeds.length).toBeGreaterThan(0);
  });

  // Every page that reads input gets two probes; in each, every input (the fragment, each
  // parameter) carries a different kind of payload, rotated per page and per probe, so across
  // the pages every input meets every kind several times. The first embed page also gets the
  // full matrix, one parameter at a time (below). Pages that read nothing get one probe.
  const kinds = Object.keys(PAYLOADS);
  const pick = (n: number): string => kinds[((n % kinds.length) + kinds.length) % kinds.length] ?? 'html';
  pages.forEach((path, pageIndex) => {
    const isEmbed = path.startsWith('/embed/');
    const reads = isEmbed || chapters.has(path);
    it(`${path}: payloads in the fragment${isEmbed ? ' and in every parameter' : ' and the query'} leave the default state`, async () => {
      const base = await baseline(path);
      if (chapters.has(path)) expect(base.shown).toBe(chapters.get(path)?.steps[0]);
      // An embed page's default is the state in its path (/embed/<lang>/<figure>/<state>/), else the summary.
      if (isEmbed) expect(base.shown).toBe(/^\/embed\/[^/]+\/[^/]+\/([^/]+)\/$/.exec(path)?.[1] ?? 'summary');
      const problems: string[] = [];
      for (let round = 0; round < (reads ? 2 : 1); round++) {
        const at = (position: number) => pick(pageIndex + round + position);
        const inputs = isEmbed ? EMBED_PARAMS : ['step', 'q'];
        const query = inputs.map((name, i) => `${name}=${PAYLOADS[at(i)]}`).join('&');
        const fragmentKind = at(inputs.length);
        const label = `${inputs.map((name, i) => `${name}=${at(i)}`).join(', ')}, #${fragmentKind}`;
        // ?plain is a flag: present means plain, whatever its value.
        for (const p of await probe(page, `${path}?${query}#${FRAGMENT[fragmentKind]}`, base, { plainFlag: isEmbed })) problems.push(`${label}: ${p}`);
      }
      expect(problems).toEqual([]);
    });
  });

  // One embed page, each parameter on its own: no parameter may lean on another to be safe.
  const first = embeds[0] ?? '';
  for (const name of EMBED_PARAMS) {
    it(`${first}: ?${name} alone, fed every payload, changes nothing${name === 'plain' ? ' but the plain flag' : ''}`, async () => {
      const base = await baseline(first);
      const problems: string[] = [];
      for (const [kind, value] of Object.entries(PAYLOADS)) {
        for (const p of await probe(page, `${first}?${name}=${value}`, base, { plainFlag: name === 'plain' })) problems.push(`${kind}: ${p}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('a framed embed sends only numbers and a safe child id to its parent, whatever ?childId says', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const messages: unknown[] = [];
    await p.exposeFunction('__record', (m: unknown) => void messages.push(m));
    const host = url('/__host/');
    await p.route('**/__host/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>host</title></head><body><iframe title="f" width="600" height="400" src="${url(`${first}?childId=${PAYLOADS['html']}`)}"></iframe><script>addEventListener("message", (e) => window.__record(e.data));</script></body></html>`,
      }),
    );
    await p.goto(host);
    await expect.poll(() => messages.length, { timeout: 8000 }).toBeGreaterThan(0);
    await p.waitForTimeout(300);
    for (const m of messages) {
      const text = typeof m === 'string' ? m : JSON.stringify(m);
      expect(text).not.toContain(MARK);
      expect(text).not.toMatch(/[<>]/);
    }
    await ctx.close();
  });
});
