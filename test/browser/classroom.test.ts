import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booted, builtChapters, dist, launch, url } from './support';

/** Classroom mode: /de/<kapitel>/vortrag/ and /en/<chapter>/present/, one slide per step. */
const chapters = builtChapters();
const deckPath = (c: { path: string; lang: 'de' | 'en' }) => `${c.path}${c.lang === 'de' ? 'vortrag' : 'present'}/`;
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const p = await ctx.newPage();
  await p.goto(url(path));
  await booted(p);
  await p.locator('[data-deck].is-live').waitFor();
  return p;
}

/** The slide on screen: the one slide not hidden, the figure's state and the address. */
async function onScreen(p: Page): Promise<{ slide: string; figure: string | null; hash: string; visible: number }> {
  return p.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('[data-slide]')].filter((s) => !s.hidden && s.offsetParent !== null);
    return {
      slide: shown[0]?.id ?? '',
      figure: document.querySelector('[data-deck] figure-stage')?.getAttribute('data-step') ?? null,
      hash: location.hash.slice(1),
      visible: shown.length,
    };
  });
}

describe('classroom mode', () => {
  it('exists for every chapter in both languages, linked from the teaching box', () => {
    expect(chapters).toHaveLength(10);
    for (const c of chapters) {
      const h = readFileSync(join(dist, c.path, 'index.html'), 'utf8');
      const box = h.slice(h.indexOf('class="teach"'), h.indexOf('</aside>', h.indexOf('class="teach"')));
      expect(box, c.path).toContain(`href="${deckPath(c)}"`);
    }
  });

  for (const c of chapters) {
    it(`${deckPath(c)} has one slide per step of the chapter, in order, each with a caption and its sources`, () => {
      const h = html(deckPath(c));
      const slides = [...h.matchAll(/<section class="slide" id="([^"]+)" data-slide="([^"]+)"/g)].map((m) => m[1]);
      expect(slides).toEqual(c.steps);
      for (const block of h.split('<section class="slide"').slice(1)) {
        expect(block).toMatch(/<p class="slide__key"[^>]*>[^<]{10,}<\/p>/);
        expect(block).toMatch(/class="slide__sources[^"]*"[^>]*>(Quelle|Source)/);
        expect(block).toMatch(/<a href="[^"]+"[^>]*>/);
      }
    });
  }

  it('arrows, space and the clicker keys PageDown/PageUp move slide by slide; Home and End jump; the address follows', async () => {
    const c = chapters.find((x) => x.steps.length >= 5) ?? chapters[0]!;
    const p = await open(deckPath(c));
    const steps = c.steps;
    expect(await onScreen(p)).toEqual({ slide: steps[0], figure: steps[0], hash: '', visible: 1 });
    const expectAt = async (i: number) => {
      await expect.poll(() => onScreen(p)).toEqual({ slide: steps[i], figure: steps[i], hash: steps[i], visible: 1 });
    };
    await p.keyboard.press('ArrowRight');
    await expectAt(1);
    await p.keyboard.press('Space');
    await expectAt(2);
    await p.keyboard.press('PageDown');
    await expectAt(3);
    await p.keyboard.press('PageUp');
    await expectAt(2);
    await p.keyboard.press('ArrowLeft');
    await expectAt(1);
    await p.keyboard.press('ArrowDown');
    await expectAt(2);
    await p.keyboard.press('ArrowUp');
    await expectAt(1);
    await p.keyboard.press('Shift+Space');
    await expectAt(0);
    await p.keyboard.press('ArrowLeft');
    await expectAt(0);
    await p.keyboard.press('End');
    await expectAt(steps.length - 1);
    await p.keyboard.press('PageDown');
    await expectAt(steps.length - 1);
    await p.keyboard.press('Home');
    await expectAt(0);
    await p.context().close();
  });

  it('the buttons and a swipe move too; each change is announced with the slide number and heading', async () => {
    const c = chapters[0]!;
    const p = await open(deckPath(c));
    await p.locator('[data-deck-next]').click();
    await expect.poll(() => onScreen(p).then((s) => s.slide)).toBe(c.steps[1]);
    const status = p.locator('[data-deck-status]');
    const heading = (await p.locator(`[id="${c.steps[1]}-h"]`).textContent()) ?? '';
    await expect.poll(() => status.textContent()).toContain(heading);
    expect(await status.textContent()).toMatch(c.lang === 'de' ? /Folie 2 von \d/ : /Slide 2 of \d/);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const swipe = (dx: number) =>
      p.evaluate((d) => {
        const deck = document.querySelector('[data-deck]') as HTMLElement;
        const at = (type: string, x: number) => deck.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX: x, clientY: 300, bubbles: true }));
        at('pointerdown', 640);
        at('pointerup', 640 + d);
      }, dx);
    await swipe(-120);
    await expect.poll(() => onScreen(p).then((s) => s.slide)).toBe(c.steps[2]);
    await swipe(120);
    await expect.poll(() => onScreen(p).then((s) => s.slide)).toBe(c.steps[1]);
    await swipe(-20);
    expect((await onScreen(p)).slide).toBe(c.steps[1]);
    await p.locator('[data-deck-prev]').click();
    await expect.poll(() => onScreen(p).then((s) => s.slide)).toBe(c.steps[0]);
    expect(await p.locator('[data-deck-prev]').isDisabled()).toBe(true);
    await p.context().close();
  });

  it('F toggles full screen', async () => {
    const p = await open(deckPath(chapters[0]!));
    await p.keyboard.press('f');
    await expect.poll(() => p.evaluate(() => document.fullscreenElement?.hasAttribute('data-deck') ?? false)).toBe(true);
    await expect.poll(() => p.locator('[data-deck-full]').getAttribute('aria-pressed')).toBe('true');
    await p.keyboard.press('F');
    await expect.poll(() => p.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await p.context().close();
  });

  it('a deep link starts at its slide; an unknown fragment starts at the first; the back button of the address works', async () => {
    for (const c of [chapters[0]!, chapters.at(-1)!]) {
      const target = c.steps[2] ?? c.steps[0]!;
      const p = await open(`${deckPath(c)}#${target}`);
      expect(await onScreen(p)).toEqual({ slide: target, figure: target, hash: target, visible: 1 });
      await expect.poll(() => p.locator('figure-stage').getAttribute('data-shown')).toBe(target);
      await p.evaluate((id) => {
        location.hash = id;
      }, c.steps[1]!);
      await expect.poll(() => onScreen(p).then((s) => s.slide)).toBe(c.steps[1]);
      await p.context().close();
    }
    const c = chapters[0]!;
    const p = await open(`${deckPath(c)}#%3Cimg%20src=x%20onerror=alert(1)%3E`);
    expect((await onScreen(p)).slide).toBe(c.steps[0]);
    expect(await p.locator('img').count()).toBe(0);
    await p.context().close();
  });

  it('works offline once loaded: going through every slide requests nothing', async () => {
    const c = chapters.find((x) => x.figure === 'gpu-bottleneck') ?? chapters[0]!;
    const p = await open(deckPath(c));
    await p.evaluate(() => document.fonts.ready);
    const requests: string[] = [];
    // The browser itself asks for the page's icon again when the address changes; that is not the page fetching.
    const icon = new URL((await p.locator('link[rel="icon"]').getAttribute('href')) ?? '/favicon.svg', p.url()).href;
    p.on('request', (r) => {
      if (r.url() !== icon) requests.push(r.url());
    });
    await p.context().setOffline(true);
    for (let i = 1; i < c.steps.length; i++) {
      await p.keyboard.press('ArrowRight');
      await expect.poll(() => onScreen(p).then((s) => s.slide)).toBe(c.steps[i]);
    }
    await p.keyboard.press('Home');
    await expect.poll(() => onScreen(p).then((s) => s.slide)).toBe(c.steps[0]);
    expect(requests).toEqual([]);
    await p.context().close();
  });

  for (const c of chapters) {
    // One axe run per slide: allow for a loaded machine.
    it(`${deckPath(c)} has no axe violations on any slide, at 1280×720`, { timeout: 180_000 }, async () => {
      const p = await open(deckPath(c));
      await p.evaluate(() => document.fonts.ready);
      const problems: string[] = [];
      for (let i = 0; i < c.steps.length; i++) {
        if (i > 0) {
          await p.keyboard.press('ArrowRight');
          await expect.poll(() => p.locator('figure-stage').getAttribute('data-shown')).toBe(c.steps[i]);
        }
        const r = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
        problems.push(...r.violations.map((v) => `${c.steps[i]} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
      }
      expect(problems).toEqual([]);
      await p.context().close();
    });
  }

  it('prints one slide per page, then the handout with the questions and key numbers', { timeout: 180_000 }, async () => {
    const counts: string[] = [];
    for (const c of chapters) {
      const p = await open(deckPath(c));
      await p.emulateMedia({ media: 'print' });
      const pdfPath = join(mkdtempSync(join(tmpdir(), 'deck-')), 'deck.pdf');
      writeFileSync(pdfPath, await p.pdf({ preferCSSPageSize: true, printBackground: true }));
      const pages = Number(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
      // The handout takes one page, or two where the sources' addresses are long.
      expect(pages, deckPath(c)).toBeGreaterThanOrEqual(c.steps.length + 1);
      expect(pages, deckPath(c)).toBeLessThanOrEqual(c.steps.length + 2);
      for (let i = 0; i < c.steps.length; i++) {
        const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        const heading = ((await p.locator(`[id="${c.steps[i]}-h"]`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
        expect(text, `${deckPath(c)} page ${i + 1}`).toContain(heading);
      }
      const handout = execFileSync('pdftotext', ['-f', String(c.steps.length + 1), '-l', String(pages), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(handout.trim().startsWith('Handout')).toBe(true);
      expect(handout).toContain(c.lang === 'de' ? 'Fragen zur Diskussion' : 'Questions for discussion');
      expect(handout).toContain(c.lang === 'de' ? 'Die wichtigsten Zahlen' : 'The key numbers');
      counts.push(`${deckPath(c)} ${c.steps.length} slides → ${pages} pages`);
      await p.context().close();
    }
    console.log(`[classroom print]\n${counts.join('\n')}`);
  });
});
