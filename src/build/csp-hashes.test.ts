import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillHeaders, hashSource, inlineScripts, inlineStyles, nginxInclude, SCRIPT_HASHES, siteHashes, STYLE_HASHES } from './csp-hashes';

describe('inlineStyles()', () => {
  it('returns the exact text of each <style>, with or without attributes, and ignores linked stylesheets', () => {
    const html = '<head><link rel="stylesheet" href="/a.css"><style>a{}\n b{}</style></head><body><svg><style media="print">c{}</style></svg><STYLE></STYLE></body>';
    expect(inlineStyles(html)).toEqual(['a{}\n b{}', 'c{}', '']);
  });
});

describe('hashSource()', () => {
  it('is the base64 SHA-256 of the text as a CSP source (the empty string has the well-known digest)', () => {
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    // UTF-8 bytes, not UTF-16 code units: a non-ASCII character changes the digest as a browser sees it.
    expect(hashSource('a{content:"→"}')).not.toBe(hashSource('a{content:"\\2192"}'));
  });
});

describe('inlineScripts()', () => {
  it('returns the text of each inline script a browser runs, and skips files and data blocks', () => {
    const html = [
      '<script>a()</script>',
      '<script data-modules="[&quot;/x.js&quot;]">b()</script>',
      '<script type="module">c()</script>',
      "<SCRIPT type='text/javascript'>d()</SCRIPT>",
      '<script type="module" src="/e.js"></script>',
      '<script src=/f.js></script>',
      '<script type="application/json" data-figure-states>{"g":1}</script>',
      '<script type="application/ld+json">{"h":1}</script>',
    ].join('');
    expect(inlineScripts(html)).toEqual(['a()', 'b()', 'c()', 'd()']);
  });
});

describe('fillHeaders()', () => {
  it('puts the hash sources wherever _headers names the placeholders, and refuses a file without one', () => {
    const text = `/\n  Content-Security-Policy: script-src 'self' ${SCRIPT_HASHES}; style-src 'self' ${STYLE_HASHES}; img-src 'self'\n/embed/*\n  Content-Security-Policy: script-src 'self' ${SCRIPT_HASHES}; style-src 'self' ${STYLE_HASHES}\n`;
    const out = fillHeaders(text, { styles: ["'sha256-A'", "'sha256-B'"], scripts: ["'sha256-S'"] });
    expect(out).not.toContain(STYLE_HASHES);
    expect(out).not.toContain(SCRIPT_HASHES);
    expect(out.match(/style-src 'self' 'sha256-A' 'sha256-B'/g)).toHaveLength(2);
    expect(out.match(/script-src 'self' 'sha256-S';/g)).toHaveLength(2);
    expect(() => fillHeaders("/\n  Content-Security-Policy: style-src 'self'\n", { styles: ["'sha256-A'"], scripts: [] })).toThrow(/inline-style-hashes/);
    // Scripts to allow and nowhere to allow them: the build must not ship a policy that blocks its own boot script.
    expect(() => fillHeaders(`/\n  Content-Security-Policy: style-src 'self' ${STYLE_HASHES}\n`, { styles: ["'sha256-A'"], scripts: ["'sha256-S'"] })).toThrow(/inline-script-hashes/);
  });
});

describe('nginxInclude()', () => {
  it('defines $gg_style_hashes and $gg_script_hashes as the hash sources, one map each', () => {
    const text = nginxInclude({ styles: ["'sha256-A'", "'sha256-B'"], scripts: ["'sha256-S'"] });
    expect(text).toMatch(/^map \$uri \$gg_style_hashes \{ default "'sha256-A' 'sha256-B'"; \}$/m);
    expect(text).toMatch(/^map \$uri \$gg_script_hashes \{ default "'sha256-S'"; \}$/m);
    expect(text.split('\n').filter((l) => l.trim() && !l.startsWith('#'))).toHaveLength(2);
  });
});

describe('siteHashes()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-hashes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes every <style> and inline script of every page under the folder, each distinct text once, sorted', () => {
    mkdirSync(join(dir, 'de', 'x'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<style>p{}</style><script>boot()</script>');
    writeFileSync(join(dir, 'de', 'x', 'index.html'), '<style>p{}</style><style>q{}</style><script>boot()</script><script type="application/json">{}</script>');
    writeFileSync(join(dir, 'de', 'plain.html'), '<link rel="stylesheet" href="/x.css"><script type="module" src="/m.js"></script>');
    writeFileSync(join(dir, 'note.txt'), '<style>r{}</style><script>s()</script>');
    expect(siteHashes(dir)).toEqual({ styles: [hashSource('p{}'), hashSource('q{}')].sort(), scripts: [hashSource('boot()')] });
  });
});
