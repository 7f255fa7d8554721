import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtChapters, builtPages, dist, url } from './support';

/** What the server returns before any script runs. */
const chapters = builtChapters();

describe('built pages', () => {
  it('include both chapter-3 pages, the landing pages and the 404 page', () => {
    const pages = builtPages();
    for (const p of ['/', '/en/', '/de/der-ansturm/', '/en/the-rush/', '/404.html']) expect(pages).toContain(p);
  });

  it('the landing page answers 200 without JavaScript and leads into both editions', async () => {
    const res = await fetch(url('/'));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="de"');
    expect(html).toMatch(/href="\/de\/[a-z-]+\/"/);
    expect(html).toContain('href="/en/"');
  });

  for (const ch of chapters) {
    it(`${ch.path} answers 200 with the figure's SVG in the HTML`, async () => {
      const res = await fetch(url(ch.path));
      expect(res.status).toBe(200);
      const html = await res.text();
      const stage = html.slice(html.indexOf('<figure-stage'), html.indexOf('</figure-stage>'));
      expect(stage).toMatch(/<svg[^>]+viewBox="0 0 \d+ \d+"/);
      expect(stage).toContain('data-step="summary"');
      expect(html).toContain(`<html lang="${ch.lang}"`);
    });

    it(`${ch.path} names its twin with hreflang and has a canonical URL`, async () => {
      const html = readFileSync(join(dist, ch.path, 'index.html'), 'utf8');
      expect(html).toMatch(/<link rel="canonical" href="[^"]+"/);
      const other = ch.lang === 'de' ? 'en' : 'de';
      const twin = html.match(new RegExp(`<link rel="alternate" hreflang="${other}" href="([^"]+)"`))?.[1];
      expect(twin).toBeDefined();
      const res = await fetch(url(new URL(twin ?? '').pathname));
      expect(res.status).toBe(200);
    });
  }

  for (const bad of ['/no-such-page/', '/de/no-such-chapter/', '/en/der-ansturm/', '/fr/']) {
    it(`an unknown URL (${bad}) gets the 404 page with status 404`, async () => {
      const res = await fetch(url(bad));
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('Seite nicht gefunden');
      expect(html).toContain('Page not found');
    });
  }
});
