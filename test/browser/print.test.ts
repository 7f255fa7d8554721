import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, readXml } from '../support/parsers';
import { booted, builtChapters, launch, url } from './support';

/**
 * Every chapter printed to PDF (A4, as a reader's "Save as PDF" does) and read back with
 * poppler's pdftotext: each step's heading is printed once, in order, with the still of
 * its own state beside it; no page but the last is more than half empty; the teaching box
 * is on one page; links print as absolute URLs that never break at a hyphen.
 */
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'print-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Page {
  height: number;
  /** Lowest edge of any word on the page. */
  bottom: number;
  text: string;
}

/** The pages of a PDF: their words' text (in reading order) and how far down words reach. */
function readPdf(file: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  return elementsOf(readXml(html))
    .filter((el) => el.name === 'page')
    .map((page, i) => ({
      height: Number(page.attrs['height']),
      bottom: Math.max(0, ...elementsOf(page).filter((el) => el.name === 'word').map((w) => Number(w.attrs['yMax']))),
      text: text[i] ?? '',
    }));
}

/** Text compared without spaces and hyphens: pdftotext joins a word hyphenated at a line end. */
const flat = (s: string) => s.replace(/[\s\u00ad\-\u2010\u2011]+/g, '');

/** The PDF's lines as laid out, each column's part on its own (two columns share a line in -layout). */
function layoutLines(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\n').flatMap((line) => line.split(/\s{3,}/)).map((part) => part.trim()).filter(Boolean);
}

for (const ch of builtChapters()) {
  describe(`${ch.path} in print`, () => {
    it('prints every step beside its own still, pages well filled, links absolute', async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(url(ch.path), { waitUntil: 'networkidle' });
      await booted(page);
      await page.waitForFunction(() => document.querySelector('[data-scrolly-ready]') !== null);
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction((n) => document.querySelectorAll('.step__still').length === n, ch.steps.length);
      // Per step: its heading, and a label of its still (the figure's first line of text drawn for that state).
      const expected = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-step-id]')].map((s) => {
          const svg = [...s.querySelectorAll<SVGSVGElement>('.step__still svg')].find((x) => x.getBoundingClientRect().height > 0);
          return {
            id: s.id,
            heading: s.querySelector('h2, h3')?.textContent?.trim() ?? '',
            label: [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.textContent?.trim() ?? '').find((t) => t.length > 3) ?? '',
            figures: s.querySelectorAll('.step__still').length,
          };
        }),
      );
      // The teaching box's heading, its two part headings, and the first words of its last item
      // (its two columns interleave in pdftotext, so only short probes are reliable).
      const teach = await page.evaluate(() => {
        const box = document.querySelector('.teach');
        const lastWords = ([...(box?.querySelectorAll('li') ?? [])].at(-1)?.textContent?.trim() ?? '').split(/\s+/).slice(0, 4).join(' ');
        return [box?.querySelector('h2')?.textContent ?? '', ...[...(box?.querySelectorAll('h3') ?? [])].map((h) => h.textContent ?? ''), lastWords].map((x) => x.trim());
      });
      const file = join(dir, `${ch.path.replaceAll('/', '_')}.pdf`);
      writeFileSync(file, await page.pdf({ format: 'A4' }));
      await page.context().close();
      const pages = readPdf(file);
      const all = pages.map((p) => flat(p.text));

      expect(pages.length).toBeGreaterThan(1);
      // One figure per step, and its label on the step's page or the next (beside it, or just after a page break).
      for (const step of expected) {
        expect(step.figures, step.id).toBe(1);
        const on = all.findIndex((t) => t.includes(flat(step.heading)));
        expect(on, `${step.id}: heading "${step.heading}" printed`).toBeGreaterThanOrEqual(0);
        expect(step.label, `${step.id}: its still has text`).not.toBe('');
        expect([all[on], all[on + 1] ?? ''].some((t) => t?.includes(flat(step.label))), `${step.id}: still "${step.label}" beside its text`).toBe(true);
      }
      // Steps in order.
      const at = expected.map((s) => all.join(' ').indexOf(flat(s.heading)));
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // No page but the last more than half empty.
      const empty = pages.slice(0, -1).map((p, i) => ({ page: i + 1, filled: Math.round((p.bottom / p.height) * 100) })).filter((p) => p.filled < 50);
      expect(empty, 'pages filled less than half').toEqual([]);
      // The teaching box is never split.
      const start = all.findIndex((t) => t.includes(flat(teach[0] ?? '')));
      const teachPages = teach.map((probe) => all.findIndex((t, i) => i >= start && t.includes(flat(probe))));
      expect(teachPages[0], 'teaching box printed').toBeGreaterThanOrEqual(0);
      expect(new Set(teachPages), `teaching box on one page (${teach.join(' | ')})`).toEqual(new Set([teachPages[0]]));
      // Links as absolute URLs, never broken at a hyphen.
      const text = pages.map((p) => p.text).join('\n');
      expect(text).toMatch(/\(https?:\/\//);
      expect(text, 'a relative link target printed').not.toMatch(/\(\/(de|en)\//);
      const brokenAtHyphen = layoutLines(file).filter((line) => /(https?:\/\/|www\.)\S*[-\u2010\u2011]$/.test(line));
      expect(brokenAtHyphen).toEqual([]);
    });
  });
}
