import { parseFeed } from '@rowanmanning/feed-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changes } from '../../src/changes/changes';
import { builtChapters, dist } from './support';

/**
 * The changes pages and their Atom feeds, read from the built site: the feed is parsed by
 * a real feed parser (@rowanmanning/feed-parser), and checked against content/data/changes.json.
 */
const PAGES = { de: 'de/aenderungen', en: 'en/changes' } as const;

describe('changes pages and feeds', () => {
  for (const [lang, page] of Object.entries(PAGES) as ['de' | 'en', string][]) {
    it(`/${page}/feed.xml is an Atom feed with every change, newest first`, () => {
      const xml = readFileSync(join(dist, page, 'feed.xml'), 'utf8');
      expect(xml).toContain('xmlns="http://www.w3.org/2005/Atom"');
      const feed = parseFeed(xml);
      expect(feed.meta.type).toBe('atom');
      expect(feed.title).toBeTruthy();
      expect(feed.language ?? lang).toBe(lang);
      expect(feed.updated?.toISOString().slice(0, 10)).toBe(changes[0]?.date);
      expect(feed.items).toHaveLength(changes.length);
      feed.items.forEach((item, i) => {
        const c = changes[i];
        expect(item.id, c?.id).toMatch(new RegExp(`${lang}/changes/${c?.id}$`));
        expect(item.title).toContain(c?.title[lang] ?? '—');
        expect(item.url).toMatch(new RegExp(`^https?://.+/${page}/#change-${c?.id}$`));
        expect(item.updated?.toISOString().slice(0, 10)).toBe(c?.date);
        expect(item.description).toBe(c?.text[lang]);
      });
    });

    it(`/${page}/ lists every change under its day, and links the feed`, () => {
      const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
      expect(html).toMatch(/<link[^>]+type="application\/atom\+xml"[^>]+href="[^"]*feed\.xml"/);
      for (const c of changes) {
        expect(html, c.id).toContain(`id="change-${c.id}"`);
        expect(html, c.id).toContain(`id="d-${c.date}"`);
      }
    });
  }

  it('every chapter page links its “last edited” date to that day on the changes page', () => {
    const chapters = builtChapters();
    expect(chapters).toHaveLength(10);
    for (const ch of chapters) {
      const html = readFileSync(join(dist, ch.path, 'index.html'), 'utf8');
      const m = html.match(/<a href="([^"]*)"[^>]*><time datetime="(\d{4}-\d{2}-\d{2})"/);
      expect(m, ch.path).not.toBeNull();
      expect(m?.[1], ch.path).toBe(`/${PAGES[ch.lang]}/#d-${m?.[2]}`);
    }
  });
});
