// The one static server of the project, with the `_headers` parser and the file walk it needs.
// The browser tests (test/browser/support.ts re-exports it) and the benchmark (bench/bench.mjs,
// which Node 24 loads as TypeScript by stripping the types) both use it, so the headers a test
// checks are the headers the benchmark measures under. Only erasable syntax here: no enums,
// no parameter properties, `import type` for types.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

export { freePort } from './free-port.ts';

/** Every file under `dir` as a site path relative to it ("/_astro/x.js", "/de/der-ansturm/index.html"). */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`/${relative(dir, p).replace(/\\/g, '/')}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** Every HTML page under `dir` as a URL path ("/de/der-ansturm/", "/404.html"). */
export function pagesIn(dir: string): string[] {
  return filesIn(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => (f.endsWith('/index.html') ? f.slice(0, -'index.html'.length) : f));
}

/** Content types for the files a build contains. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Extensions a host compresses on the fly (fonts and images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.csv']);

/** A response the caller makes up for a site path instead of a file (the benchmark's floor pages). */
export interface VirtualResponse {
  /** The file name whose extension decides type and compression ("index.html"). */
  as: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export interface ServeOptions {
  /** Where the site lives on the server: "/" or "/some/sub/path/". */
  prefix?: string;
  /** Response headers per site path (prefix stripped), e.g. from public/_headers. */
  headers?: (sitePath: string) => Record<string, string>;
  /** Brotli or gzip for text, chosen by Accept-Encoding, as a real host sends it (the benchmark). */
  compress?: boolean;
  /** A fixed port (the benchmark builds with the origin before it serves); default: any free one. */
  port?: number;
  /** Answers a site path before the files are looked at, or returns undefined to let them. */
  virtual?: (sitePath: string) => VirtualResponse | undefined;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Which encoding a request accepts, brotli first. */
function encodingFor(req: IncomingMessage): 'br' | 'gzip' | '' {
  const accept = String(req.headers['accept-encoding'] ?? '');
  return /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : '';
}

/**
 * Serves a built site on 127.0.0.1 under `prefix`, like a real static host: directories answer
 * with their index.html (without a trailing slash, with a 301 to it), anything else missing
 * (or outside the prefix) with 404.html and status 404. With `compress`, text goes out as
 * brotli or gzip; compressed bodies are kept for the server's lifetime (the files do not
 * change while a benchmark runs).
 */
export async function serveDir(dir: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const prefix = opts.prefix ?? '/';
  const compressed = new Map<string, Buffer>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://x');
    let path: string;
    try {
      path = decodeURIComponent(u.pathname);
    } catch {
      path = '/\u0000';
    }
    const reply = (status: number, name: string, sitePath: string, raw: () => string | Buffer, cacheKey: string, extra: Record<string, string> = {}): void => {
      const ext = extname(name);
      const enc = opts.compress && COMPRESSIBLE.has(ext) ? encodingFor(req) : '';
      let body: string | Buffer;
      if (enc) {
        const key = `${cacheKey}|${enc}`;
        let packed = compressed.get(key);
        if (!packed) {
          const data = raw();
          packed = enc === 'br' ? brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(data, { level: 9 });
          compressed.set(key, packed);
        }
        body = packed;
      } else body = raw();
      res.writeHead(status, {
        'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        ...(opts.compress && COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}),
        ...(enc ? { 'Content-Encoding': enc } : {}),
        ...(opts.headers?.(sitePath) ?? {}),
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const sendFile = (status: number, file: string, sitePath: string): void =>
      reply(status, file, sitePath, () => readFileSync(join(dir, file)), `file:${file}`);
    const notFound = (sitePath: string): void => sendFile(404, '404.html', sitePath);
    if (!path.startsWith(prefix) && `${path}/` !== prefix) return notFound(path);
    if (`${path}/` === prefix) {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    const rel = `/${path.slice(prefix.length)}`;
    const safe = normalize(rel);
    if (safe.includes('\u0000') || safe.split('/').includes('..')) return notFound(rel);
    const made = opts.virtual?.(safe);
    if (made) return reply(200, made.as, safe, () => made.body, `virtual:${safe}`, made.headers);
    let file = safe.endsWith('/') ? `${safe}index.html` : safe;
    let st;
    try {
      st = statSync(join(dir, file));
    } catch {
      return notFound(rel);
    }
    if (st.isDirectory()) {
      res.writeHead(301, { Location: `${u.pathname}/${u.search}` }).end();
      return;
    }
    file = file.replace(/^\/+/, '');
    sendFile(200, file, rel);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One rule of a Netlify / Cloudflare Pages `_headers` file. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** Parses `_headers`: a path pattern at the start of a line, then indented "Name: value" lines; # starts a comment. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/.exec(line);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers: cannot read line "${line}"`);
    rule.headers.push([m[1] ?? '', m[2] ?? '']);
  }
  return rules;
}

/** Does a `_headers` pattern ("/", "/embed/*", "/:lang/*") match a path? */
export function headerPatternMatches(pattern: string, path: string): boolean {
  const re = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${re}$`).test(path);
}

/**
 * The headers a host applying `_headers` sends for a path: every matching rule
 * contributes; a header set by several rules is joined with ", " (what Netlify and
 * Cloudflare Pages do). Names are lower-cased.
 */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!headerPatternMatches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

/**
 * The `_headers` of a built site (`dir`, e.g. dist/), parsed: public/_headers as the build
 * finished it, with the hashes of the pages' inline stylesheet in the policy (src/build/csp-hashes.ts).
 */
export function siteHeaderRules(dir: string): HeaderRule[] {
  return parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
}
