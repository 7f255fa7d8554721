import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, headersFor, pagesIn, parseHeadersFile, serveDir, type StaticServer } from '../support/static-server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One raw request, so the test sees the encoding the server chose (fetch would undo it). */
function get(origin: string, path: string, acceptEncoding = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const HEADERS = `# comment
/*
  X-Everywhere: yes
/:lang/*
  Cache-Control: no-cache
/de/*
  Cache-Control: private
/_astro/*
  Cache-Control: immutable
`;

describe('parseHeadersFile() and headersFor()', () => {
  const rules = parseHeadersFile(HEADERS);

  it('reads one rule per unindented line, with its indented headers', () => {
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/:lang/*', '/de/*', '/_astro/*']);
    expect(rules[0]?.headers).toEqual([['X-Everywhere', 'yes']]);
  });

  it('joins a header two matching rules set with ", " and lower-cases names', () => {
    expect(headersFor(rules, '/de/x/')).toEqual({ 'x-everywhere': 'yes', 'cache-control': 'no-cache, private' });
  });

  it('matches a :placeholder against one path segment only', () => {
    expect(headersFor(rules, '/en/x/')['cache-control']).toBe('no-cache');
    expect(headersFor(rules, '/index.html')['cache-control']).toBeUndefined();
  });

  it('refuses a header line before any path', () => {
    expect(() => parseHeadersFile('  X-Orphan: 1\n')).toThrow(/cannot read/);
  });
});

describe('serveDir()', () => {
  let dir: string;
  let plain: StaticServer;
  let packed: StaticServer;
  let sub: StaticServer;
  const page = '<!doctype html><title>Seite</title>'.padEnd(4000, ' ');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-server-'));
    mkdirSync(join(dir, 'de/kapitel'), { recursive: true });
    writeFileSync(join(dir, 'de/kapitel/index.html'), page);
    writeFileSync(join(dir, '404.html'), 'nicht da');
    writeFileSync(join(dir, 'bild.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const rules = parseHeadersFile(HEADERS);
    plain = await serveDir(dir, { headers: (path) => headersFor(rules, path) });
    packed = await serveDir(dir, {
      compress: true,
      port: await freePort(),
      virtual: (path) => (path === '/__made__/' ? { as: 'index.html', body: 'gemacht', headers: { 'x-made': '1' } } : undefined),
    });
    sub = await serveDir(dir, { prefix: '/unter/pfad/' });
  });

  afterAll(async () => {
    await Promise.all([plain.close(), packed.close(), sub.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a directory with its index.html and the headers of its site path', async () => {
    const a = await get(plain.origin, '/de/kapitel/');
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(a.headers['cache-control']).toBe('no-cache, private');
    expect(a.body.toString()).toBe(page);
  });

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    const a = await get(plain.origin, '/de/kapitel?x=1');
    expect(a.status).toBe(301);
    expect(a.headers.location).toBe('/de/kapitel/?x=1');
  });

  it('answers anything missing, or climbing out, with 404.html and status 404', async () => {
    for (const path of ['/fehlt/', '/de/../../etc/passwd', '/%E0%A4%A']) {
      const a = await get(plain.origin, path);
      expect(a.status, path).toBe(404);
      expect(a.body.toString()).toBe('nicht da');
    }
  });

  it('sends no Content-Encoding unless asked to compress', async () => {
    const a = await get(plain.origin, '/de/kapitel/', 'br, gzip');
    expect(a.headers['content-encoding']).toBeUndefined();
  });

  it('compresses text with brotli first, then gzip, and never an image', async () => {
    const br = await get(packed.origin, '/de/kapitel/', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    const gz = await get(packed.origin, '/de/kapitel/', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);
    const none = await get(packed.origin, '/de/kapitel/');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(page);
    const png = await get(packed.origin, '/bild.png', 'br');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('lets the caller answer a path itself (the benchmark floor pages), compressed like a file', async () => {
    const a = await get(packed.origin, '/__made__/', 'gzip');
    expect(a.status).toBe(200);
    expect(a.headers['x-made']).toBe('1');
    expect(a.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(gunzipSync(a.body).toString()).toBe('gemacht');
  });

  it('serves a site under a sub-path and nothing outside it', async () => {
    expect((await get(sub.origin, '/unter/pfad/de/kapitel/')).status).toBe(200);
    expect((await get(sub.origin, '/unter/pfad')).headers.location).toBe('/unter/pfad/');
    expect((await get(sub.origin, '/de/kapitel/')).status).toBe(404);
  });

  it('lists the pages of a directory as URL paths', () => {
    expect(pagesIn(dir)).toEqual(['/404.html', '/de/kapitel/']);
  });
});

describe('the benchmark', () => {
  for (const file of ['bench.mjs', 'slow-cls.mjs']) {
    it(`bench/${file} serves with the shared server instead of a copy of its own`, () => {
      const source = readFileSync(join(import.meta.dirname, '../../bench', file), 'utf8');
      expect(source).toContain("from '../test/support/static-server.ts'");
      expect(source).not.toMatch(/\bcreateServer\b|function (freePort|parseHeaders\w*|headersFor)\b/);
    });
  }
});
