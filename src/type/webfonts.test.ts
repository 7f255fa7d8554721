import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FACES } from './faces';
import { instanceFile } from './fonts';
import { facesCss, finishWebFonts, htmlCharacters, placeholderUrl } from './webfonts';

describe('htmlCharacters()', () => {
  it('decodes numeric and named character references and JSON \\u escapes', () => {
    const chars = htmlCharacters('<p title="GPT&#x2011;4o">13&nbsp;Mrd. &#8222;x&#8220; &amp;</p><script type="application/json">{"t":"\\u2192"}</script>');
    for (const c of ['\u2011', '\u00a0', '„', '“', '&', '→']) expect(chars.has(c), c).toBe(true);
    expect(chars.has('<')).toBe(true); // the markup itself is counted too (ASCII, always in the fonts)
  });
});

describe('facesCss()', () => {
  it('declares each family at its placeholder, then a fallback face with size, ascent, descent and line-gap overrides on local fonts', async () => {
    const css = await facesCss('/sub/');
    for (const family of ['sans', 'serif'] as const) {
      const face = FACES[family];
      expect(css).toContain(`font-family:"${face.name}"`);
      expect(css).toContain(`local("${placeholderUrl(family, '/sub/')}")`);
      const fallback = new RegExp(`@font-face\\{font-family:"?${face.name} Fallback[^}]*\\}`).exec(css)?.[0] ?? '';
      for (const prop of ['size-adjust:', 'ascent-override:', 'descent-override:', 'line-gap-override:']) expect(fallback, `${family} ${prop}`).toContain(prop);
      for (const name of face.fallback.local) expect(fallback).toContain(`local("${name}")`);
      expect(css).toMatch(new RegExp(`--font-${family}:"?${face.name}"?, "?${face.name} Fallback`));
    }
    // In dev the same rules name a real URL the dev server answers.
    expect(await facesCss('/', false)).toContain(`url("${placeholderUrl('sans')}") format("woff2")`);
  });

  it('names every local-only face "… Fallback" and no web font so (src/build/boot.ts loads the faces by that rule)', async () => {
    const faces = [...(await facesCss()).matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1] ?? '');
    expect(faces).toHaveLength(4);
    for (const face of faces) {
      const family = /font-family:([^;]*)/.exec(face)?.[1] ?? '';
      const src = /src:([^;]*)/.exec(face)?.[1] ?? '';
      const localOnly = src.split(',').every((s) => /^local\("(?![^"]*__type__)/.test(s.trim()));
      expect(/ Fallback"?$/.test(family), `${family}: ${src}`).toBe(localOnly);
    }
  });

  it('gives html[data-fonts=later] the same stacks without the web fonts, so a first paint requests none', async () => {
    const css = await facesCss();
    const later = /html\[data-fonts=later\]\{([^}]*)\}/.exec(css)?.[1] ?? '';
    for (const family of ['sans', 'serif'] as const) {
      const face = FACES[family];
      const stack = new RegExp(`--font-${family}:([^;]*)`).exec(later)?.[1] ?? '';
      const full = new RegExp(`:root\\{[^}]*--font-${family}:([^;}]*)`).exec(css)?.[1] ?? '';
      expect(stack, family).toMatch(new RegExp(`^"?${face.name} Fallback"?`));
      expect(stack.split(',').map((s) => s.trim().replace(/"/g, ''))).not.toContain(face.name);
      // Everything after the web font is kept, in order: the metric-matched face, the local font, the generic family.
      const bare = (s: string) => s.replace(/["\s]/g, '');
      expect(bare(full)).toBe(bare(`${face.name},${stack}`));
    }
  });

  it('scales the fallback by the real font’s metrics: ascent-override × size-adjust is Inter’s own ascent', async () => {
    const css = await facesCss();
    const fallback = /@font-face\{font-family:"?Inter Fallback[^}]*\}/.exec(css)?.[0] ?? '';
    const pct = (prop: string) => Number(new RegExp(`${prop}:([\\d.]+)%`).exec(fallback)?.[1]) / 100;
    const inter = fontkit.openSync(instanceFile('sans', 400)) as fontkit.Font;
    // CSS applies ascent-override to the size-adjusted font: the product is the web font's ascent per em.
    expect(pct('ascent-override') * pct('size-adjust')).toBeCloseTo(inter.hhea.ascent / inter.unitsPerEm, 3);
    expect(pct('descent-override') * pct('size-adjust')).toBeCloseTo(-inter.hhea.descent / inter.unitsPerEm, 3);
  });
});

describe('finishWebFonts()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'type-finish-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts the fonts to the pages’ text, names them by content and puts their URLs where the placeholders were', async () => {
    mkdirSync(join(dir, '_astro'));
    mkdirSync(join(dir, 'de'));
    const css = `@font-face{font-family:Inter;src:local("${placeholderUrl('sans', '/sub/')}")}@font-face{font-family:"Source Serif 4";src:local(${placeholderUrl('serif', '/sub/')})}`;
    writeFileSync(join(dir, '_astro', 'style.OLDHASH.css'), css);
    const page = (text: string) =>
      `<html><head><link rel="preload" href="${placeholderUrl('sans', '/sub/')}" as="font"><link rel="stylesheet" href="/sub/_astro/style.OLDHASH.css"></head><body>${text}</body></html>`;
    writeFileSync(join(dir, 'index.html'), page('Grüße'));
    writeFileSync(join(dir, 'de', 'index.html'), page('Łódź'));
    const report = await finishWebFonts(dir, '/sub/');

    const files = readdirSync(join(dir, '_astro'));
    expect(files).not.toContain('style.OLDHASH.css');
    const cssName = files.find((f) => f.endsWith('.css')) as string;
    expect(cssName).toMatch(/^style\.[\w-]+\.css$/);
    const out = readFileSync(join(dir, '_astro', cssName), 'utf8');
    expect(out).not.toContain('__type__');
    for (const family of ['sans', 'serif'] as const) {
      const name = report[family].file.replace('_astro/', '');
      expect(out).toContain(`url(${name}) format("woff2")`);
      const font = fontkit.create(readFileSync(join(dir, report[family].file))) as fontkit.Font;
      for (const c of 'GrüßeŁódź') expect(font.hasGlyphForCodePoint(c.codePointAt(0) as number), `${family} ${c}`).toBe(true);
      expect(font.hasGlyphForCodePoint('Ž'.codePointAt(0) as number)).toBe(false);
    }
    for (const p of ['index.html', 'de/index.html']) {
      const html = readFileSync(join(dir, p), 'utf8');
      expect(html).toContain(`href="/sub/${report.sans.file}"`);
      expect(html).toContain(`href="/sub/_astro/${cssName}"`);
      expect(existsSync(join(dir, '_astro', cssName))).toBe(true);
    }
  }, 30_000);

  it('turns the placeholders in a page’s own <style> into url()s of the fonts, absolute under the base', async () => {
    const inlineDir = mkdtempSync(join(tmpdir(), 'type-inline-'));
    try {
      mkdirSync(join(inlineDir, '_astro'));
      mkdirSync(join(inlineDir, 'de', 'kapitel'), { recursive: true });
      const style = `<style>@font-face{font-family:Inter;src:local("${placeholderUrl('sans', '/sub/')}")}@font-face{font-family:"Source Serif 4";src:local(${placeholderUrl('serif', '/sub/')})}</style>`;
      writeFileSync(join(inlineDir, 'de', 'kapitel', 'index.html'), `<html><head>${style}</head><body>Grüße</body></html>`);
      const report = await finishWebFonts(inlineDir, '/sub/');
      const html = readFileSync(join(inlineDir, 'de', 'kapitel', 'index.html'), 'utf8');
      expect(html).not.toContain('__type__');
      expect(html).not.toContain('local(');
      for (const family of ['sans', 'serif'] as const) expect(html).toContain(`url(/sub/${report[family].file}) format("woff2")`);
    } finally {
      rmSync(inlineDir, { recursive: true, force: true });
    }
  }, 30_000);
});
