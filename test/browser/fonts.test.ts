import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACES, type FamilyKey } from '../../src/type/faces';
import { booted, builtPages, dist, launch, url } from './support';

/**
 * Every character a page shows is in the font file of the family it is set in, and every
 * weight the CSS asks of a family is one its web font has. Chromium says which family and
 * weight each piece of text gets (computed style, after the cascade); the font files come
 * from the site's own stylesheet and are read with fontkit. Text a script shows later (the
 * figure states in JSON, the ::before/::after content) counts too.
 */

/** Characters that draw nothing, so no font needs them. */
const INVISIBLE = /[\s\u00ad\u200b-\u200f\u2060\ufeff]/u;

/** What one page sets: per first family of the computed font-family, its characters and weights. */
type Usage = Record<string, { chars: string; weights: number[] }>;

async function usageOf(browser: Browser, path: string): Promise<Usage> {
  const page = await browser.newPage();
  await page.goto(url(path), { waitUntil: 'load' });
  await booted(page);
  // What the stylesheet sets once the web fonts are in use: a first view may keep the fallback
  // faces a while (src/build/boot.ts), as it does when the switch would move the text.
  await page.evaluate(() => document.documentElement.removeAttribute('data-fonts'));
  const usage = await page.evaluate(() => {
    const out: Record<string, { chars: Set<string>; weights: Set<number> }> = {};
    const first = (family: string) => family.split(',')[0]?.trim().replace(/^["']|["']$/g, '') ?? '';
    const add = (el: Element, text: string, pseudo?: string) => {
      const cs = getComputedStyle(el, pseudo);
      const fam = first(cs.fontFamily);
      const slot = (out[fam] ??= { chars: new Set(), weights: new Set() });
      for (const c of text) slot.chars.add(c);
      if (text.trim()) slot.weights.add(Number(cs.fontWeight));
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && !el.closest('script, style, template, noscript')) add(el, n.textContent ?? '');
    }
    for (const el of document.body.querySelectorAll('*')) {
      for (const pseudo of ['::before', '::after']) {
        const content = getComputedStyle(el, pseudo).content;
        if (/^".*"$/.test(content)) add(el, JSON.parse(content) as string, pseudo);
      }
    }
    // Figure states not on screen yet: their marks' text is set in the figure's family.
    for (const json of document.querySelectorAll('script[type="application/json"]')) {
      const host = json.closest('figure-stage') ?? json.parentElement;
      if (!host) continue;
      const strings: string[] = [];
      JSON.stringify(JSON.parse(json.textContent ?? 'null'), (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
      const svgText = host.querySelector('text') ?? host;
      add(svgText, strings.join(' '));
    }
    return Object.fromEntries(Object.entries(out).map(([f, s]) => [f, { chars: [...s.chars].join(''), weights: [...s.weights] }]));
  });
  await page.close();
  return usage;
}

/**
 * The stylesheet a page carries and the URL its url()s are relative to: the site's, written
 * into a <style> of every page; a few standalone pages (an embed's "moved" notice) link their own.
 */
function stylesheetOf(path: string): { css: string; base: string } {
  const html = readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
  const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('\n');
  if (inline) return { css: inline, base: path };
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
  return { css: href ? readFileSync(join(dist, href.replace(/^\//, '')), 'utf8') : '', base: href };
}

/** The site's web font files by family name, from the @font-face rules of its stylesheet. */
function webFonts(): Map<string, { key: FamilyKey; font: fontkit.Font; file: string }> {
  const { css, base } = stylesheetOf('/');
  const out = new Map<string, { key: FamilyKey; font: fontkit.Font; file: string }>();
  for (const key of Object.keys(FACES) as FamilyKey[]) {
    const name = FACES[key].name;
    const rule = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1] ?? '').find((r) => new RegExp(`font-family:"?${name}"?;`).test(r));
    const src = /url\(([^)]+\.woff2)\)/.exec(rule ?? '')?.[1];
    if (!src) throw new Error(`no @font-face with a woff2 for ${name} in the stylesheet of /`);
    const file = new URL(src, `http://site${base}`).pathname;
    out.set(name, { key, file, font: fontkit.create(readFileSync(join(dist, file))) as fontkit.Font });
  }
  return out;
}

/** A character a font can set: mapped by its cmap, or U+2011, which HarfBuzz (and so Chromium and Firefox) draws with U+2010. */
function covers(font: fontkit.Font, ch: string): boolean {
  const cp = ch.codePointAt(0) as number;
  return font.hasGlyphForCodePoint(cp) || (cp === 0x2011 && font.hasGlyphForCodePoint(0x2010));
}

describe('web fonts', () => {
  let browser: Browser;
  // Pages on the site's stylesheet; the few standalone ones (an embed's "moved" notice) bring their own type.
  const pages = builtPages().filter((p) => stylesheetOf(p).css === stylesheetOf('/').css);
  const usages = new Map<string, Usage>();
  beforeAll(async () => {
    browser = await launch();
    const queue = [...pages];
    // Four tabs at a time: each page is read in its own, independently.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) usages.set(p, await usageOf(browser, p));
      }),
    );
  }, 240_000);
  afterAll(() => browser?.close());

  it('covers() accepts what a font maps and U+2011 through U+2010, and refuses what it lacks', () => {
    const serif = webFonts().get(FACES.serif.name)?.font as fontkit.Font;
    expect(covers(serif, 'a')).toBe(true);
    expect(serif.hasGlyphForCodePoint(0x2011)).toBe(false);
    expect(covers(serif, '\u2011')).toBe(true);
    expect(covers(serif, '\u4e00')).toBe(false);
  });

  it('every character on every built page is in the font file of its family', () => {
    const fonts = webFonts();
    const missing: string[] = [];
    let checked = 0;
    for (const [path, usage] of usages) {
      for (const [family, { chars }] of Object.entries(usage)) {
        const web = fonts.get(family);
        if (!web) continue; // monospace code samples and the like: not a web font of ours
        for (const ch of chars) {
          if (INVISIBLE.test(ch)) continue;
          checked++;
          if (!covers(web.font, ch)) missing.push(`${path}: ${JSON.stringify(ch)} U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} not in ${web.file} (${family})`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
    expect(checked).toBeGreaterThan(pages.length * 50);
  });

  it('every page sets text in the site’s two families only (apart from code), at weights their web fonts have', () => {
    const problems: string[] = [];
    for (const [path, usage] of usages) {
      for (const [family, { weights }] of Object.entries(usage)) {
        const key = Object.values(FACES).find((f) => f.name === family);
        if (!key) {
          if (!/mono/i.test(family)) problems.push(`${path}: text in "${family}"`);
          continue;
        }
        const { wght } = key.webAxes;
        const [min, max] = typeof wght === 'number' ? [wght, wght] : [wght.min, wght.max];
        for (const w of weights) if (w < min || w > max) problems.push(`${path}: ${family} at weight ${w}, its web font has ${min}–${max}`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(usages.get('/de/der-ansturm/') ?? {})).toEqual(expect.arrayContaining([FACES.sans.name, FACES.serif.name]));
  });
});
