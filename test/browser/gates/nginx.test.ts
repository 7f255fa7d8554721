import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, filesIn, headersFor, launch, siteHeaderRules } from '../support';
import { freePort } from '../../support/free-port';
import { article, fit, frameOf, HOST_ORIGIN, routeWorld, SITE_ORIGIN } from '../embed-hosts';

/**
 * The headers for real hosts: the built _headers (Netlify / Cloudflare Pages) and
 * deploy/nginx.conf with the build's _nginx.conf (the inline style hashes) must carry the
 * same policy. Where nginx is installed, `nginx -t` accepts the config and the built site
 * served by it answers every file with exactly the headers _headers gives that path.
 * Without nginx the live part fails when CI is set (.ci/run installs Debian's nginx) and
 * is skipped, with a note, otherwise.
 */
const root = join(import.meta.dirname, '../../..');
const deployText = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');
/** Where deploy/nginx.conf expects the built site (its `root`). */
const deployRoot = /^\s*root\s+([^;]+);/m.exec(deployText)?.[1]?.trim() ?? '';
/** deploy/nginx.conf's include of the build's file, `include <root>/_nginx.conf;`. */
const INCLUDE = /^include\s+(\S+)\/_nginx\.conf;\s*$/m;
/** deploy/nginx.conf as nginx reads it next to this build: the include replaced by dist/_nginx.conf. */
const confText = deployText.replace(INCLUDE, () => readFileSync(join(dist, '_nginx.conf'), 'utf8'));
const rules = siteHeaderRules(dist);
/** The headers this policy is about (what a host adds, not what it derives from the file). */
const POLICY = ['content-security-policy', 'x-frame-options', 'cache-control', 'access-control-allow-origin', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy', 'strict-transport-security'];

/** nginx.conf without comments, tokenised just enough: quoted strings stay whole. */
function statements(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(#[^\n]*)|([{};])|((?:\$\{\w+\}|[^\s{};"'#])+)/g;
  for (const m of text.matchAll(re)) {
    if (m[3] !== undefined) continue;
    if (m[4] !== undefined) {
      current.push(m[4]);
      out.push(current);
      current = [];
    } else current.push(m[1] ?? m[2] ?? m[5] ?? '');
  }
  return out;
}

/** Every value `value` can take when each $variable in it is one of its map's values (a variable without a map stays). */
function expandAll(value: string, maps: Map<string, string[]>, depth = 0): string[] {
  const m = /\$(\w+)|\$\{(\w+)\}/.exec(value);
  const name = m?.[1] ?? m?.[2];
  if (!m || !name || !maps.has(name) || depth > 8) return [value];
  return (maps.get(name) ?? []).flatMap((v) => expandAll(value.slice(0, m.index) + v + value.slice(m.index + m[0].length), maps, depth + 1));
}

/** Every (header, value) pair nginx.conf can send: add_header values, with map variables (also inside map values) expanded. */
function nginxPolicy(text: string): Set<string> {
  const maps = new Map<string, string[]>();
  let inMap: string | null = null;
  const adds: [string, string][] = [];
  for (const st of statements(text)) {
    if (st[0] === 'map' && st.at(-1) === '{') {
      inMap = (st[2] ?? '').replace(/^\$/, '');
      maps.set(inMap, []);
    } else if (inMap && st.length === 3 && st[2] === ';') {
      maps.get(inMap)?.push(st[1] ?? '');
    } else if (inMap && st[0] === '}') {
      inMap = null;
    } else if (st[0] === 'add_header') {
      adds.push([st[1] ?? '', st[2] ?? '']);
    }
  }
  const pairs = new Set<string>();
  for (const [name, value] of adds) {
    const variable = /^\$(\w+)$/.exec(value)?.[1];
    const values = variable ? (maps.get(variable) ?? [`<unknown variable $${variable}>`]) : [value];
    for (const v of values.flatMap((x) => expandAll(x, maps))) if (v !== '') pairs.add(`${name.toLowerCase()}: ${v}`);
  }
  return pairs;
}

/**
 * What nginx.conf sends for a URI, worked out from its map blocks and add_header lines the
 * way nginx does: exact keys first, then regular expressions in order, then the default;
 * an empty value sends nothing. `uri` is nginx's $uri after index files are resolved
 * ("/de/der-ansturm/index.html").
 */
function simulateNginx(text: string, uri: string): Record<string, string> {
  const maps = new Map<string, { source: string; entries: [string, string][] }>();
  let current: { source: string; entries: [string, string][] } | null = null;
  const adds: [string, string][] = [];
  for (const st of statements(text)) {
    if (st[0] === 'map' && st.at(-1) === '{') {
      current = { source: (st[1] ?? '').replace(/^\$/, ''), entries: [] };
      maps.set((st[2] ?? '').replace(/^\$/, ''), current);
    } else if (current && st.length === 3 && st[2] === ';') current.entries.push([st[0] ?? '', st[1] ?? '']);
    else if (current && st[0] === '}') current = null;
    else if (st[0] === 'add_header') adds.push([st[1] ?? '', st[2] ?? '']);
  }
  const resolve = (name: string): string => {
    if (name === 'uri') return uri;
    const map = maps.get(name);
    if (!map) throw new Error(`nginx.conf: unknown variable $${name}`);
    const input = resolve(map.source);
    const exact = map.entries.find(([k]) => k !== 'default' && !k.startsWith('~') && k === input);
    if (exact) return interpolate(exact[1]);
    for (const [k, v] of map.entries) {
      if (!k.startsWith('~')) continue;
      const re = k.startsWith('~*') ? new RegExp(k.slice(2), 'i') : new RegExp(k.slice(1));
      if (re.test(input)) return interpolate(v);
    }
    return interpolate(map.entries.find(([k]) => k === 'default')?.[1] ?? '');
  };
  // A map's value may name other variables; nginx puts their values in.
  const interpolate = (value: string): string => value.replace(/\$(\w+)|\$\{(\w+)\}/g, (_, a: string | undefined, b: string | undefined) => resolve(a ?? b ?? ''));
  const out: Record<string, string> = {};
  for (const [name, value] of adds) {
    const v = interpolate(value);
    if (v !== '') out[name.toLowerCase()] = v;
  }
  return out;
}

/** Files that are host configuration or error pages: not served as themselves. */
const NOT_SERVED = new Set(['/_headers', '/_redirects', '/_nginx.conf', '/404.html', '/embed/de/404.html', '/embed/en/404.html']);

/** What _headers sets; Content-Type is left out (nginx takes it from its types, checked live below). */
function headersPolicy(): Set<string> {
  const pairs = new Set<string>();
  for (const rule of rules) for (const [name, value] of rule.headers) if (name.toLowerCase() !== 'content-type') pairs.add(`${name.toLowerCase()}: ${value}`);
  return pairs;
}

describe('the built _headers and deploy/nginx.conf', () => {
  it('self-check: the nginx reader expands map variables, also inside map values, and sees a changed value', () => {
    const sample = 'map $uri $h { default "h1"; }\nmap $uri $x { default "a $h b"; ~^/e/ ""; }\nserver { location ~ /$ { try_files ${uri}index.html =404; } add_header X-Y $x always; add_header X-Z "q" always; }';
    expect([...nginxPolicy(sample)].sort()).toEqual(['x-y: a h1 b', 'x-z: q']);
    expect(simulateNginx(sample, '/q')).toEqual({ 'x-y': 'a h1 b', 'x-z': 'q' });
    expect(nginxPolicy(confText.replace("frame-ancestors *", "frame-ancestors 'self'"))).not.toEqual(nginxPolicy(confText));
  });

  it("deploy/nginx.conf includes the build's _nginx.conf from the folder it serves, and that file defines the style and script hashes", () => {
    expect(INCLUDE.exec(deployText)?.[1]).toBe(deployRoot);
    const include = readFileSync(join(dist, '_nginx.conf'), 'utf8');
    for (const what of ['style', 'script']) {
      const hashes = new RegExp(`map \\$uri \\$gg_${what}_hashes \\{ default "([^"]*)"; \\}`).exec(include)?.[1] ?? '';
      expect(hashes, what).toMatch(/^'sha256-[\w+/]+=*'( 'sha256-[\w+/]+=*')*$/);
    }
    // Both policies that allow pages' styles and scripts name them; neither falls back to 'unsafe-inline'.
    expect(deployText.match(/style-src 'self' \$gg_style_hashes;/g)).toHaveLength(2);
    expect(deployText.match(/script-src 'self' \$gg_script_hashes;/g)).toHaveLength(2);
    for (const kind of ['story', 'embed']) expect(new RegExp(`^\\s*${kind}\\s+"[^"]*"`, 'm').exec(deployText)?.[0], kind).not.toContain("'unsafe-inline'");
  });

  it('carry the same headers with the same values', () => {
    const fromNginx = [...nginxPolicy(confText)].sort();
    const fromHeaders = [...headersPolicy()].sort();
    expect(fromNginx.length).toBeGreaterThan(8);
    expect(fromNginx).toEqual(fromHeaders);
  });

  it('self-check: the nginx simulation follows exact keys, regexes in order and the default', () => {
    const sample = 'map $uri $k { default a; /x b; ~^/y c; ~^/y/z d; }\nmap $k $h { a "A"; c "C"; default ""; }\nserver { add_header H $h always; }';
    expect(simulateNginx(sample, '/q')).toEqual({ h: 'A' });
    expect(simulateNginx(sample, '/x')).toEqual({});
    expect(simulateNginx(sample, '/y/z')).toEqual({ h: 'C' });
  });

  it('give every built file the same headers (nginx worked out from its maps, without nginx)', () => {
    const mismatches: string[] = [];
    for (const file of filesIn(dist).filter((f) => !NOT_SERVED.has(f))) {
      const url = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
      const fromHeaders = headersFor(rules, url);
      const fromNginx = simulateNginx(confText, file);
      for (const name of POLICY) {
        if (fromHeaders[name] !== fromNginx[name]) mismatches.push(`${url}: ${name} _headers ${JSON.stringify(fromHeaders[name])} vs nginx ${JSON.stringify(fromNginx[name])}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The 404 page nginx serves for unknown paths carries the story policy.
    expect(simulateNginx(confText, '/404.html')['content-security-policy']).toBe(headersFor(rules, '/404.html')['content-security-policy']);
  });

  it('nginx.conf sets headers only at server level (an add_header in a location would drop the others there)', () => {
    const server = confText.slice(confText.indexOf('server {'));
    for (const block of server.matchAll(/location[^{]*\{([^}]*)\}/g)) expect(block[1] ?? '', block[0]).not.toMatch(/add_header|expires/);
    expect(server).toMatch(/error_page\s+404\s+\/404\.html;/);
    expect(server).toMatch(/gzip_static\s+on;/);
  });
});

// ---------------------------------------------------------------------------------------
// Live: nginx serving dist/.
// ---------------------------------------------------------------------------------------

function findNginx(): string | null {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  return dirs.map((d) => join(d, 'nginx')).find((p) => existsSync(p)) ?? null;
}
const nginx = findNginx();
const ci = !['', '0', 'false'].includes((process.env['CI'] ?? '').toLowerCase());

/** A whole nginx.conf around deploy/nginx.conf: root → dist/, listen → 127.0.0.1:port, everything else in a temp dir. */
function testConfig(tmp: string, port: number): string {
  const mime = ['/etc/nginx/mime.types', '/usr/local/nginx/conf/mime.types'].find((p) => existsSync(p));
  const site = deployText
    .replace(INCLUDE, `include ${join(dist, '_nginx.conf')};`)
    .replace(/^\s*root\s+[^;]+;/m, `    root ${dist};`)
    .replace(/^\s*listen\s+\[::\][^;]*;\s*$/m, '')
    .replace(/^\s*listen\s+[^;]+;/m, `    listen 127.0.0.1:${port};`);
  return [
    'daemon off;',
    'master_process off;',
    'worker_processes 1;',
    `pid ${join(tmp, 'nginx.pid')};`,
    `error_log ${join(tmp, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    mime ? `  include ${mime};` : '',
    '  default_type application/octet-stream;',
    '  access_log off;',
    `  client_body_temp_path ${join(tmp, 'client_body')};`,
    site,
    '}',
  ].join('\n');
}

describe('deploy/nginx.conf in nginx', () => {
  it('nginx is installed (required when CI is set; .ci/run installs Debian nginx)', (ctx) => {
    if (nginx) return;
    if (ci) throw new Error('nginx not found but CI is set: .ci/run must install it (apt-get install -y nginx)');
    console.log('[nginx] skipped: nginx is not installed and CI is unset (CI=true makes this a failure)');
    ctx.skip();
  });

  describe.runIf(nginx)('serving dist/', () => {
    let tmp = '';
    let conf = '';
    let origin = '';
    let child: ChildProcess | undefined;
    let log = '';

    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'gg-nginx-'));
      const port = await freePort();
      conf = join(tmp, 'nginx.conf');
      writeFileSync(conf, testConfig(tmp, port));
      origin = `http://127.0.0.1:${port}`;
    });

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child?.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('`nginx -t` accepts the configuration', () => {
      const r = spawnSync(nginx ?? 'nginx', ['-t', '-p', `${tmp}/`, '-e', join(tmp, 'error.log'), '-c', conf], { encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`).toMatch(/test is successful/);
      expect(r.status).toBe(0);
    });

    it('answers every built file with the headers public/_headers gives its path', async () => {
      child = spawn(nginx ?? 'nginx', ['-p', `${tmp}/`, '-e', join(tmp, 'error.log'), '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
      await expect
        .poll(
          async () => {
            try {
              return (await fetch(`${origin}/`)).status;
            } catch {
              return 0;
            }
          },
          { timeout: 10_000, interval: 100 },
        )
        .toBe(200);
      const mismatches: string[] = [];
      const urls = filesIn(dist)
        .filter((f) => !NOT_SERVED.has(f))
        .map((f) => (f.endsWith('/index.html') ? f.slice(0, -'index.html'.length) : f));
      for (const path of urls) {
        const res = await fetch(`${origin}${path}`, { method: 'HEAD' });
        if (res.status !== 200) {
          mismatches.push(`${path}: status ${res.status}`);
          continue;
        }
        const expected = headersFor(rules, path);
        for (const name of POLICY) {
          const got = res.headers.get(name) ?? undefined;
          if (got !== expected[name]) mismatches.push(`${path}: ${name} is ${JSON.stringify(got)}, _headers says ${JSON.stringify(expected[name])}`);
        }
      }
      expect(mismatches, log).toEqual([]);
    });

    it('serves the 404 page with status 404 and the story policy, hides _headers, _redirects and _nginx.conf, redirects a bare directory', async () => {
      const notFoundHtml = readFileSync(join(dist, '404.html'), 'utf8');
      for (const path of ['/no-such-page/', '/no-such-file.js', '/404.html', '/_headers', '/_redirects', '/_nginx.conf', '/.git/config']) {
        const res = await fetch(`${origin}${path}`);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).toBe(notFoundHtml);
        expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
        expect(res.headers.get('cache-control'), path).toBe('no-cache');
      }
      const chapter = filesIn(dist).find((f) => /^\/de\/[^/]+\/index\.html$/.test(f)) ?? '/de/index.html';
      const bare = chapter.slice(0, -'/index.html'.length);
      const res = await fetch(`${origin}${bare}`, { redirect: 'manual' });
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(`${bare}/`);
    });

    it('answers a missing /embed/… with the frameable "this graphic has moved" page in its language', async () => {
      const figure = filesIn(dist).find((f) => /^\/embed\/de\/[^/]+\/index\.html$/.test(f))?.split('/')[3] ?? '';
      const cases: [string, string][] = [
        ['/embed/de/', 'de'],
        ['/embed/de/no-such-figure/', 'de'],
        [`/embed/de/${figure}/no-such-step/`, 'de'],
        [`/embed/en/${figure}/no-such-step/`, 'en'],
        ['/embed/en/404.html', 'en'],
        ['/embed/fr/x/', 'de'],
      ];
      for (const [path, lang] of cases) {
        const res = await fetch(`${origin}${path}`);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).toBe(readFileSync(join(dist, `embed/${lang}/404.html`), 'utf8'));
        expect(res.headers.get('content-security-policy'), path).toContain('frame-ancestors *');
        expect(res.headers.get('x-frame-options'), path).toBeNull();
      }
      const bare = await fetch(`${origin}/embed/de/${figure}`, { redirect: 'manual' });
      expect(bare.status).toBe(301);
      expect((await fetch(`${origin}/embed/de/${figure}/`)).status).toBe(200);
    });

    it('serves CSV as text/csv; charset=utf-8, gzipped, and xlsx with its own type', async () => {
      const csv = filesIn(dist).find((f) => f.startsWith('/downloads/') && f.endsWith('.csv')) ?? '';
      const res = await fetch(`${origin}${csv}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(headersFor(rules, csv)['content-type']).toBe('text/csv; charset=utf-8');
      const xlsx = filesIn(dist).find((f) => f.endsWith('.xlsx')) ?? '';
      expect((await fetch(`${origin}${xlsx}`)).headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });

    it('an embed in a sandbox="allow-scripts" iframe on another origin shows its step and theme, loads the site font and is resized', async () => {
      const browser = await launch();
      try {
        const ctx = await browser.newContext({ viewport: { width: 768, height: 900 } });
        const figure = filesIn(dist).find((f) => /^\/embed\/en\/[^/]+\/index\.html$/.test(f))?.split('/')[3] ?? '';
        const step = filesIn(dist).map((f) => new RegExp(`^/embed/en/${figure}/([^/]+)/index\\.html$`).exec(f)?.[1]).find((s) => s && s !== 'summary') ?? '';
        const src = `${SITE_ORIGIN}/embed/en/${figure}/${step}/?theme=dark`;
        await routeWorld(ctx, { target: origin, headers: 'passthrough' }, (path) =>
          path === '/'
            ? { html: article(`<iframe sandbox="allow-scripts" src="${src}" title="g" height="300" style="border:0;width:100%"></iframe><script src="${SITE_ORIGIN}/embed.js" async></script>`) }
            : null,
        );
        const page = await ctx.newPage();
        const blocked: string[] = [];
        page.on('requestfailed', (r) => blocked.push(r.url()));
        await page.goto(`${HOST_ORIGIN}/`);
        const frame = await frameOf(page, 'iframe');
        expect(await frame.evaluate(() => origin)).toBe('null');
        await expect.poll(() => frame.evaluate(() => document.documentElement.dataset['theme'] ?? '')).toBe('dark');
        await expect.poll(() => frame.evaluate(() => document.querySelector('figure-stage')?.getAttribute('data-shown') ?? '')).toBe(step);
        const fonts = await frame.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
        expect(fonts).toContain('Inter');
        await expect.poll(async () => (await fit(page, frame, 'iframe')).diff).toBeLessThanOrEqual(2);
        expect(blocked).toEqual([]);
        await ctx.close();
      } finally {
        await browser.close();
      }
    });

    it('compresses text with gzip and caches hashed assets for a year', async () => {
      // A hashed script (the stylesheet is inside the pages, no file of its own).
      const asset = filesIn(dist).find((f) => f.startsWith('/_astro/') && f.endsWith('.js')) ?? '';
      expect(asset).not.toBe('');
      for (const path of ['/', asset]) {
        const res = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
        expect(res.headers.get('content-encoding'), path).toBe('gzip');
        expect(res.headers.get('vary') ?? '', path).toMatch(/Accept-Encoding/i);
      }
      // fetch() decodes transparently; read the raw bytes through node's http to be sure they are gzip.
      const { request } = await import('node:http');
      const raw = await new Promise<Buffer>((resolve, reject) => {
        request(`${origin}${asset}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        })
          .on('error', reject)
          .end();
      });
      expect(gunzipSync(raw).toString('utf8')).toBe(readFileSync(join(dist, asset), 'utf8'));
      const res = await fetch(`${origin}${asset}`);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await fetch(`${origin}/`)).headers.get('cache-control')).toBe('no-cache');
    });
  });
});
