import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillHeaders, inlineStyles, nginxInclude, siteStyleHashes, STYLE_HASHES, styleHash } from './csp-hashes';

describe('inlineStyles()', () => {
  it('returns the exact text of each <style>, with or without attributes, and ignores linked stylesheets', () => {
    const html = '<head><link rel="stylesheet" href="/a.css"><style>a{}\n b{}</style></head><body><svg><style media="print">c{}</style></svg><STYLE></STYLE></body>';
    expect(inlineStyles(html)).toEqual(['a{}\n b{}', 'c{}', '']);
  });
});

describe('styleHash()', () => {
  it('is the base64 SHA-256 of the text as a CSP source (the empty string has the well-known digest)', () => {
    expect(styleHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    // UTF-8 bytes, not UTF-16 code units: a non-ASCII character changes the digest as a browser sees it.
    expect(styleHash('a{content:"→"}')).not.toBe(styleHash('a{content:"\\2192"}'));
  });
});

describe('fillHeaders()', () => {
  it('puts the hash sources wherever _headers names the placeholder, and refuses a file without one', () => {
    const text = `/\n  Content-Security-Policy: style-src 'self' ${STYLE_HASHES}; img-src 'self'\n/embed/*\n  Content-Security-Policy: style-src 'self' ${STYLE_HASHES}\n`;
    const out = fillHeaders(text, ["'sha256-A'", "'sha256-B'"]);
    expect(out).not.toContain(STYLE_HASHES);
    expect(out.match(/style-src 'self' 'sha256-A' 'sha256-B'/g)).toHaveLength(2);
    expect(() => fillHeaders("/\n  Content-Security-Policy: style-src 'self'\n", ["'sha256-A'"])).toThrow(/inline-style-hashes/);
  });
});

describe('nginxInclude()', () => {
  it('defines $gg_style_hashes as the hash sources in one map', () => {
    const text = nginxInclude(["'sha256-A'", "'sha256-B'"]);
    expect(text).toMatch(/^map \$uri \$gg_style_hashes \{ default "'sha256-A' 'sha256-B'"; \}$/m);
    expect(text.split('\n').filter((l) => l.trim() && !l.startsWith('#'))).toHaveLength(1);
  });
});

describe('siteStyleHashes()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-hashes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes every <style> of every page under the folder, each distinct text once, sorted', () => {
    mkdirSync(join(dir, 'de', 'x'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<style>p{}</style>');
    writeFileSync(join(dir, 'de', 'x', 'index.html'), '<style>p{}</style><style>q{}</style>');
    writeFileSync(join(dir, 'de', 'plain.html'), '<link rel="stylesheet" href="/x.css">');
    writeFileSync(join(dir, 'note.txt'), '<style>r{}</style>');
    expect(siteStyleHashes(dir)).toEqual([styleHash('p{}'), styleHash('q{}')].sort());
  });
});
