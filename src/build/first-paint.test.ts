import { describe, expect, it } from 'vitest';
import { inlineScripts } from './csp-hashes';
import { BOOT_MARKER, bootSource, deferScripts } from './first-paint';

const page = (head: string, body: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('deferScripts()', () => {
  it('moves every module script into the boot script, in page order and once each, where the marker was', () => {
    const html = page(
      `${BOOT_MARKER}<style>p{}</style>`,
      '<script type="module" src="/_astro/a.js"></script><p>x</p><script type="application/json" data-figure-states>{"s":1}</script><script type=module src=/_astro/b.js></script><script type="module" src="/_astro/a.js"></script>',
    );
    const out = deferScripts(html, 'BOOT()');
    expect(out).not.toContain(BOOT_MARKER);
    expect(out).not.toMatch(/<script[^>]*\bsrc=/);
    expect(out).toContain('<meta charset="utf-8"><script data-modules="[&quot;/_astro/a.js&quot;,&quot;/_astro/b.js&quot;]">BOOT()</script><style>');
    // Data blocks stay where they are, untouched.
    expect(out).toContain('<script type="application/json" data-figure-states>{"s":1}</script>');
    expect(inlineScripts(out)).toEqual(['BOOT()']);
  });

  it('leaves a page without the marker as it is (embed pages keep their module scripts)', () => {
    const html = page('<style>p{}</style>', '<script type="module" src="/_astro/a.js"></script>');
    expect(deferScripts(html, 'BOOT()')).toBe(html);
  });

  it('gives a page without module scripts the boot script all the same (its fonts wait too)', () => {
    expect(deferScripts(page(BOOT_MARKER, '<p>x</p>'), 'BOOT()')).toContain('<script data-modules="[]">BOOT()</script>');
  });

  it('writes the URLs as JSON in a double-quoted attribute, and does not read $-patterns in the boot text', () => {
    const out = deferScripts(page(BOOT_MARKER, '<script type="module" src="/sub-path/_astro/a_b.C~9%20.js"></script>'), "s.replace(/x/, '$&')");
    expect(out).toContain(`<script data-modules="[&quot;/sub-path/_astro/a_b.C~9%20.js&quot;]">s.replace(/x/, '$&')</script>`);
  });

  it('refuses what it cannot defer: an inline module, a module with other attributes, two markers', () => {
    expect(() => deferScripts(page(BOOT_MARKER, '<script type="module">go()</script>'), 'B', '/x/')).toThrow(/\/x\/: an inline module script/);
    expect(() => deferScripts(page(BOOT_MARKER, '<script type="module" src="/a.js" integrity="sha384-x"></script>'), 'B')).toThrow(/integrity/);
    expect(() => deferScripts(page(BOOT_MARKER + BOOT_MARKER, ''), 'B')).toThrow(/two boot markers/);
    // A URL that would need escaping (or decoding: &amp; in the attribute is & in the URL) is not copied blind.
    expect(() => deferScripts(page(BOOT_MARKER, '<script type="module" src="/a.js?x=1&amp;y=2"></script>'), 'B')).toThrow(/URL the boot will not copy/);
    expect(() => deferScripts(page(BOOT_MARKER, `<script type="module" src='/a".js'></script>`), 'B')).toThrow(/URL the boot will not copy/);
  });
});

describe('bootSource()', () => {
  const boot = bootSource();

  it('is a classic script: no import or export statement, no TypeScript left, no comment', () => {
    expect(boot).not.toMatch(/^\s*(import|export)\b/m);
    expect(boot).not.toMatch(/\/\*|^\s*\/\//m);
    expect(boot).not.toMatch(/: (string|unknown|void)\b|<Promise/);
    // It parses as a function body, as a classic <script> would (dynamic import() is allowed there).
    expect(() => new Function(boot)).not.toThrow();
  });

  it('names what the stylesheet and the page rely on: data-fonts="later", data-modules, after the first contentful paint', () => {
    expect(boot).toContain("'data-fonts', 'later'");
    expect(boot).toContain("'data-modules'");
    expect(boot).toContain("'first-contentful-paint'");
    expect(boot).toContain('import(href)');
    // Inline in every story page, so small: about 4.6 KB as written (1.9 KB gzip).
    expect(Buffer.byteLength(boot)).toBeLessThan(5000);
  });
});
