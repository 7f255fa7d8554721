import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Cite as CiteJs } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, readXml } from '../support/parsers';
import { booted, builtChapters, builtPages, dist, launch, url } from './support';

/** Sources, citation, glossary, teaching notes, print and findability. */
const chapters = builtChapters();
const html = (path: string) => readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
const SOURCES = { de: '/de/quellen/', en: '/en/sources/' } as const;
const GLOSSARY = { de: '/de/glossar/', en: '/en/glossary/' } as const;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function page(path: string, opts: { js?: boolean; clipboard?: 'ok' | 'refused' } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: opts.js ?? true });
  if (opts.clipboard === 'ok') await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url('/')).origin });
  if (opts.clipboard === 'refused') await ctx.addInitScript(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new Error('denied')) }));
  const p = await ctx.newPage();
  await p.goto(url(path));
  if (opts.js ?? true) await booted(p);
  return p;
}

describe('sources page', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`${SOURCES[lang]} lists exactly the facts the site uses, each with a stable anchor`, () => {
      const onPage = new Set([...html(SOURCES[lang]).matchAll(/<li id="fact-([a-z0-9-]+)"/g)].map((m) => m[1]));
      const used = new Set<string>();
      const pages = builtPages().filter((p) => p.startsWith(`/${lang}/`) || p.startsWith(`/embed/${lang}/`));
      for (const p of pages) for (const m of html(p).matchAll(/href="[^"]*#fact-([a-z0-9-]+)"/g)) used.add(m[1] ?? '');
      expect(onPage.size).toBeGreaterThan(30);
      for (const id of used) expect(onPage.has(id), `used but not on the sources page: ${id}`).toBe(true);
      for (const id of onPage) expect(used.has(id ?? ''), `on the sources page but never used: ${id}`).toBe(true);
    });
  }

  it('a fact link from a chapter lands on that fact', async () => {
    const p = await page(`${SOURCES.de}#fact-million-in-1-hour`);
    const top = await p.locator('[id="fact-million-in-1-hour"]').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
    await p.context().close();
  });
});

describe('cite this', () => {
  for (const path of [...chapters.map((c) => c.path), SOURCES.de, SOURCES.en]) {
    it(`${path} offers an APA citation and a BibTeX entry with its canonical URL`, () => {
      const h = html(path);
      const canonical = h.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? '';
      const blocks = [...h.matchAll(/<pre class="cite__text"[^>]*>([\s\S]*?)<\/pre>/g)].map((m) => m[1] ?? '');
      expect(blocks).toHaveLength(2);
      expect(blocks[0]).toContain(canonical);
      expect(blocks[1]).toMatch(/^@online\{/);
      expect(blocks[1]).toContain(`url = {${canonical}}`);
      expect(h).toContain('CC BY 4.0');
    });
  }

  it('the retrieval date in APA and BibTeX is the reader’s day, not the build’s', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.clock.setFixedTime(new Date('2027-03-04T10:00:00'));
    const de = chapters.find((c) => c.lang === 'de') ?? chapters[0];
    await p.goto(url(de?.path ?? '/'));
    await booted(p);
    const apaText = p.locator('pre[data-cite-kind="apa"]');
    await expect.poll(() => apaText.textContent()).toContain('Abgerufen am 4. März 2027, von https://');
    expect(await p.locator('pre[data-cite-kind="bibtex"]').textContent()).toContain('urldate = {2027-03-04}');
    await ctx.close();
  });

  it('the copy button copies the citation, or selects it where the clipboard is refused', async () => {
    const ok = await page(chapters[0]?.path ?? '/', { clipboard: 'ok' });
    await ok.locator('button[data-cite-copy]').first().click();
    await expect.poll(() => ok.evaluate(() => navigator.clipboard.readText())).toContain('https://');
    await ok.context().close();
    const refused = await page(chapters[0]?.path ?? '/', { clipboard: 'refused' });
    await refused.locator('button[data-cite-copy]').first().click();
    await expect.poll(() => refused.evaluate(() => getSelection()?.toString() ?? '')).toContain('https://');
    await refused.context().close();
  });
});

describe('citation files', () => {
  /** The CSL-JSON items citation-js reads from a built file. */
  const read = async (path: string) => (await CiteJs.async(html(path))).data as Record<string, unknown>[];

  for (const c of chapters) {
    it(`${c.path} offers its RIS, CSL-JSON and BibTeX files and the whole piece's, and every parser reads them back`, async () => {
      const h = html(c.path);
      const canonical = h.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? '';
      const title = h.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1] ?? '';
      const modified = h.match(/<meta property="article:modified_time" content="([^"]+)"/)?.[1] ?? '';
      const [y, m, d] = modified.split('-').map(Number);
      const links = [...h.matchAll(/<a href="([^"]+)" download[^>]*data-cite-file="(ris|json|bib)"/g)].map((x) => x[1] ?? '');
      expect(links).toHaveLength(6);
      const own = links.filter((l) => !l.includes('/ghibli-gpus.'));
      expect(own.map((l) => l.split('.').pop())).toEqual(['ris', 'json', 'bib']);
      for (const file of own) {
        const [item] = await read(file);
        expect(item, file).toMatchObject({ type: 'webpage', title, URL: canonical });
        expect(item?.['issued'], file).toEqual({ 'date-parts': [[y, m, d]] });
      }
      const ris = html(own[0] ?? '');
      expect(ris).toMatch(/^Y2 {2}- \d{4}\/\d{2}\/\d{2}\/\r$/m);
      expect((await read(own[0] ?? ''))[0]?.['language']).toBe(c.lang === 'de' ? 'de-DE' : 'en-GB');
      expect((await read(own[1] ?? ''))[0]?.['accessed']).toBeTruthy();
      const bib = parseBibtex(html(own[2] ?? ''));
      expect(bib.errors).toEqual([]);
      expect(bib.entries.map((e) => e.type)).toEqual(['online', 'misc']);
      expect(bib.entries[0]?.fields).toMatchObject({ title, url: canonical, language: c.lang === 'de' ? 'german' : 'english' });
      expect(bib.entries[0]?.fields['urldate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  }

  for (const lang of ['de', 'en'] as const) {
    it(`the whole piece (${lang}) is one record for the site and one per chapter, in every format`, async () => {
      const n = chapters.filter((c) => c.lang === lang).length;
      for (const ext of ['ris', 'json', 'bib']) {
        const items = await read(`/cite/${lang}/ghibli-gpus.${ext}`);
        const bibExtra = ext === 'bib' ? 2 : 1;
        expect(items, ext).toHaveLength((n + 1) * bibExtra);
        expect(items[0]?.['URL'], ext).toMatch(lang === 'de' ? /\/$/ : /\/en\/$/);
      }
    });
  }
});

describe('glossary', () => {
  it('a term opens its definition in place, Escape closes it and focus returns', async () => {
    const p = await page(chapters.find((c) => html(c.path).includes('data-term-pop'))?.path ?? '/');
    const term = p.locator('a[data-term-pop]').first();
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    await p.keyboard.press('Enter');
    const pop = p.locator(`[id="${await term.getAttribute('data-term-pop')}"]`);
    await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    expect(p.url()).not.toContain('glossar');
    await p.keyboard.press('Escape');
    await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await p.evaluate(() => document.activeElement?.hasAttribute('data-term-pop'))).toBe(true);
    await p.context().close();
  });

  it('without JavaScript a term is a link into the glossary page, which has that entry', async () => {
    for (const c of chapters) {
      for (const m of html(c.path).matchAll(/<a class="term" href="([^"#]+)#(term-[a-z0-9-]+)"/g)) {
        expect(m[1]).toBe(GLOSSARY[c.lang]);
        expect(html(GLOSSARY[c.lang])).toContain(`id="${m[2]}"`);
      }
    }
    const p = await page(chapters[0]?.path ?? '/', { js: false });
    const pops = p.locator('.term__pop');
    if ((await pops.count()) > 0) expect(await pops.first().isVisible()).toBe(false);
    await p.context().close();
  });
});

describe('teaching notes and reading time', () => {
  for (const c of chapters) {
    it(`${c.path} ends with 3-5 questions and key numbers linked to their sources`, () => {
      const h = html(c.path);
      const box = h.slice(h.indexOf('class="teach"'), h.indexOf('</aside>', h.indexOf('class="teach"')));
      const questions = box.slice(box.indexOf('teach__questions'), box.indexOf('</ol>')).match(/<li\b/g) ?? [];
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(questions.length).toBeLessThanOrEqual(5);
      const links = [...box.matchAll(/href="#(fact-[a-z0-9-]+)"/g)].map((m) => m[1] ?? '');
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const id of links) expect(h).toContain(`id="${id}"`);
    });
  }

  it('the landing pages and the contents show a reading time per chapter', () => {
    expect(html('/').match(/\d+ Min\. Lesezeit/g)?.length).toBe(chapters.filter((c) => c.lang === 'de').length);
    expect(html('/en/').match(/\d+ min read/g)?.length).toBe(chapters.filter((c) => c.lang === 'en').length);
    expect(html(chapters[0]?.path ?? '/')).toMatch(/class="toc__min[^"]*"[^>]*>\d+ (Min\. Lesezeit|min read)/);
  });
});

describe('print', () => {
  it('prints a chapter as an article: each step’s figure visible, navigation hidden, URLs written out, no blank first page', async () => {
    const ch = chapters.find((c) => c.path === '/de/der-ansturm/') ?? chapters[0];
    const p = await page(`${ch?.path}#${ch?.steps[1]}`);
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('.site-header').isVisible()).toBe(false);
    expect(await p.locator('.pager').isVisible()).toBe(false);
    // On paper each step is followed by the still of its own state (StepStill; print.test.ts checks every one).
    await p.waitForFunction((n) => document.querySelectorAll('.step__still').length === n, ch?.steps.length ?? 0);
    expect(await p.locator(`[data-step-id="${ch?.steps[1]}"] .step__still svg[data-layout="wide"]`).isVisible()).toBe(true);
    const after = await p.locator('.site-footer a, .cite a, article a[href^="http"]').first().evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).not.toBe('none');
    const pdfPath = join(mkdtempSync(join(tmpdir(), 'print-')), 'chapter.pdf');
    writeFileSync(pdfPath, await p.pdf({ format: 'A4', printBackground: true }));
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdfPath, '-'], { encoding: 'utf8' });
    const title = (await p.locator('h1').textContent())?.trim() ?? '';
    expect(first.replace(/\s+/g, ' ')).toContain(title);
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(Number(info.match(/Pages:\s+(\d+)/)?.[1])).toBeGreaterThan(1);
    console.log(`[print] ${ch?.path} → ${pdfPath}`);
    await p.context().close();
  });
});

describe('findable', () => {
  it('robots.txt names the sitemap, and the sitemap lists every chapter', async () => {
    const robots = await (await fetch(url('/robots.txt'))).text();
    const sitemap = robots.match(/^Sitemap: (\S+)$/m)?.[1];
    expect(sitemap).toMatch(/sitemap-index\.xml$/);
    const index = html('/sitemap-index.xml');
    const locs = (xml: string) => elementsOf(readXml(xml)).filter((el) => el.name === 'loc').map((el) => new URL(el.text.trim()).pathname);
    const listed = locs(index).flatMap((p) => locs(html(p)));
    for (const c of chapters) expect(listed, c.path).toContain(c.path);
  });

  for (const c of chapters) {
    it(`${c.path} carries Article structured data with author, dates and language`, () => {
      const raw = html(c.path).match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1] ?? '{}';
      const ld = JSON.parse(raw) as Record<string, unknown>;
      expect(ld['@type']).toBe('Article');
      expect(ld['inLanguage']).toBe(c.lang === 'de' ? 'de-DE' : 'en-GB');
      expect(ld['headline']).toBeTruthy();
      expect((ld['author'] as Record<string, string>)['name']).toBeTruthy();
      expect(ld['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  }

  it('every page has a title, a description and hreflang links to its twin', () => {
    for (const p of builtPages().filter((x) => x.endsWith('/') && !x.startsWith('/embed/'))) {
      const h = html(p);
      // A 404 page has no twin to link: it answers for any unknown address (and says noindex).
      if (h.includes('<meta name="robots" content="noindex">')) {
        expect(h, p).toMatch(/<title>[^<]{5,}<\/title>/);
        continue;
      }
      expect(h, p).toMatch(/<title>[^<]{5,}<\/title>/);
      expect(h, p).toMatch(/<meta name="description" content="[^"]{20,}"/);
      expect(h, p).toMatch(/<link rel="alternate" hreflang="(de|en)"/);
    }
  });
});
