import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, dist, linkProblems } from '../support';

/**
 * Gate 3, links: every internal href/src (HTML attributes, og:image, CSS url(), sitemap,
 * oEmbed) resolves to a built file, every #fragment to an id on its target page, in both
 * languages; nothing points at localhost, a preview host or another deployment of our pages.
 */
const SITE = process.env['SITE'] ?? 'https://ghibli-gpus.example.org';
const BASE = process.env['BASE'] ?? '/';

describe('links', () => {
  it('self-check: the checker flags broken links and passes good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gg-links-'));
    try {
      mkdirSync(join(dir, 'ok'));
      writeFileSync(join(dir, 'ok/index.html'), '<!doctype html><title>ok</title><h2 id="yes">yes</h2><a href="#yes">self</a>');
      writeFileSync(
        join(dir, 'index.html'),
        [
          '<a href="/ok/#yes">good</a>',
          `<link rel="canonical" href="${SITE}/ok/">`,
          '<a href="https://example.com/elsewhere">external</a>',
          '<a href="/missing/">missing page</a>',
          '<a href="/ok/#nope">missing fragment</a>',
          '<a href="http://localhost:4321/ok/">localhost</a>',
          '<a href="https://ghibli-gpus.netlify.app/ok/">preview</a>',
          '<a href="https://other.example.net/ok/">our page elsewhere</a>',
          '<a href="/ok">no slash</a>',
          '<a href="javascript:alert(1)">js</a>',
          '<script>var s = "<a href=\'/in-a-script/\'>";</script>',
        ].join('\n'),
      );
      const problems = linkProblems({ dir, base: '/', site: SITE });
      const flagged = (ref: string) => problems.some((p) => p.includes(`="${ref}"`));
      for (const bad of ['/missing/', '/ok/#nope', 'http://localhost:4321/ok/', 'https://ghibli-gpus.netlify.app/ok/', 'https://other.example.net/ok/', '/ok', 'javascript:alert(1)']) {
        expect(flagged(bad), bad).toBe(true);
      }
      for (const good of ['/ok/#yes', `${SITE}/ok/`, 'https://example.com/elsewhere', '#yes', '/in-a-script/']) expect(flagged(good), good).toBe(false);
      expect(problems).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('covers both languages', () => {
    const pages = builtPages();
    expect(pages.some((p) => p.startsWith('/en/'))).toBe(true);
    expect(pages.some((p) => p.startsWith('/de/'))).toBe(true);
  });

  it('every internal link, asset and fragment in dist/ resolves; none points at localhost or another deployment', () => {
    const problems = linkProblems({ dir: dist, base: BASE, site: SITE });
    expect(problems).toEqual([]);
  });
});
