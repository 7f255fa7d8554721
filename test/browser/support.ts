import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { elementsOf, readXml } from '../support/parsers';
import { filesIn, pagesIn } from '../support/static-server';

/** The built site, as the tests read it. */
export const dist = process.env['OUT_DIR'] ? resolve(process.env['OUT_DIR']) : join(import.meta.dirname, '../../dist');

/** Chromium flags for this machine: headless, no sandbox (root), no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

export function url(path: string): string {
  return `${inject('baseUrl')}${path}`;
}

/**
 * Waits until a story page has finished starting (src/build/boot.ts): its web fonts are in use
 * and every module script has run, which is after the load event. Pages without the boot script
 * (embed pages) are ready when they load. Only for pages with JavaScript on: the attribute is the
 * boot script's to set.
 */
export async function booted(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-booted') || !document.querySelector('script[data-modules]'), undefined, { timeout });
}

/** Every built HTML page as a site path ("/de/der-ansturm/"); 404.html as "/404.html". */
export function builtPages(): string[] {
  return pagesIn(dist);
}

export interface BuiltChapter {
  path: string;
  lang: 'de' | 'en';
  figure: string;
  steps: string[];
}

/** Chapter pages found in dist/: each has one <figure-stage> and its steps, in order. */
export function builtChapters(): BuiltChapter[] {
  return builtPages()
    .filter((p) => /^\/(de|en)\/[^/]+\/$/.test(p))
    .map((path) => {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      const figure = html.match(/<figure-stage data-figure="([^"]+)"/)?.[1] ?? '';
      const steps = [...html.matchAll(/data-step-id="([^"]+)"/g)].map((m) => m[1] ?? '');
      return { path, lang: path.startsWith('/en/') ? ('en' as const) : ('de' as const), figure, steps };
    })
    .filter((c) => c.figure && c.steps.length);
}

// ---------------------------------------------------------------------------
// Shared by the quality gates in test/browser/gates/ (added; nothing above changed).
// ---------------------------------------------------------------------------
// The static server, the `_headers` parser and the file walk live in test/support/static-server.ts,
// which the benchmark shares.
export {
  CONTENT_TYPES,
  filesIn,
  headerPatternMatches,
  headersFor,
  pagesIn,
  parseHeadersFile,
  serveDir,
  siteHeaderRules,
  type HeaderRule,
  type ServeOptions,
  type StaticServer,
} from '../support/static-server';

/** One start tag of a page; `text` is the raw content of script/style/textarea/title elements. */
export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** Attribute names in source order, duplicates included. */
  names: string[];
  text?: string;
  offset: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an attribute value can carry. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[ref.toLowerCase()] ?? m;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const ATTR = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

/**
 * A small HTML tokenizer for the static gates: every start tag with its attributes
 * (entities decoded), skipping comments, end tags and the content of raw-text elements.
 */
export function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][\w:-]*/.exec(html.slice(lt + 1, lt + 64));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    let pos = lt + 1 + nameMatch[0].length;
    const attrs: Record<string, string> = {};
    const names: string[] = [];
    for (;;) {
      ATTR.lastIndex = pos;
      const m = ATTR.exec(html);
      if (!m || m[0].trim() === '') break;
      const attrName = (m[1] ?? '').toLowerCase();
      names.push(attrName);
      if (!(attrName in attrs)) attrs[attrName] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      pos = ATTR.lastIndex;
    }
    const close = html.indexOf('>', pos);
    if (close < 0) break;
    const tag: Tag = { name, attrs, names, offset: lt };
    i = close + 1;
    if (RAW_TEXT.has(name) && html[close - 1] !== '/') {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      tag.text = html.slice(i, end < 0 ? html.length : end);
      i = end < 0 ? html.length : end;
    }
    tags.push(tag);
  }
  return tags;
}

/** Hosts that are never a public deployment of this site. */
const LOCAL_HOST = /^(localhost|.*\.localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1?\]|.*\.local|.*\.internal)$/i;
/** Preview and staging hosts of common static hosts: a link there points at another deployment. */
const PREVIEW_HOST = /(\.netlify\.app|\.pages\.dev|\.vercel\.app|\.github\.io|\.ngrok(-free)?\.(io|app)|\.trycloudflare\.com|\.surge\.sh|\.onrender\.com)$/i;

export interface LinkCheckOptions {
  /** The built site. */
  dir: string;
  /** The base the site was built with ("/" or "/some/sub/path/"). */
  base: string;
  /** The SITE the site was built with (its public origin, maybe with a path). */
  site: string;
}

/** The references one page makes: [attribute or context, raw URL]. */
function pageRefs(html: string): { refs: [string, string][]; ids: Set<string> } {
  const refs: [string, string][] = [];
  const ids = new Set<string>();
  for (const tag of parseTags(html)) {
    const a = tag.attrs;
    if (a['id'] !== undefined) ids.add(a['id']);
    if (tag.name === 'a' && a['name'] !== undefined) ids.add(a['name']);
    for (const attr of ['href', 'src', 'xlink:href', 'action', 'poster', 'data', 'formaction', 'cite']) {
      const v = a[attr];
      if (v !== undefined && !(tag.name === 'base' && attr === 'href')) refs.push([`<${tag.name} ${attr}>`, v]);
    }
    for (const attr of ['srcset', 'imagesrcset']) {
      for (const part of (a[attr] ?? '').split(',')) {
        const u = part.trim().split(/\s+/)[0];
        if (u) refs.push([`<${tag.name} ${attr}>`, u]);
      }
    }
    if (tag.name === 'meta' && /^(og:(url|image|image:url|image:secure_url|video|audio)|twitter:(image|url))$/.test(a['property'] ?? a['name'] ?? '')) {
      refs.push([`<meta ${a['property'] ?? a['name']}>`, a['content'] ?? '']);
    }
    if (tag.name === 'style' && tag.text) for (const m of tag.text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) refs.push(['<style> url()', m[1] ?? '']);
    if (a['style']) for (const m of a['style'].matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) refs.push(['style url()', m[1] ?? '']);
  }
  return { refs, ids };
}

/**
 * Checks every reference in a built site: HTML attributes (href, src, srcset, og:image …),
 * CSS url(), the sitemap's <loc> and the URLs inside the oEmbed JSON. Internal ones must
 * resolve to a built file (under the base), a #fragment to an id on its target page; no
 * reference may point at localhost, a preview host, or another deployment of our pages,
 * and none may be a javascript: URL. Returns one line per problem.
 */
export function linkProblems({ dir, base, site }: LinkCheckOptions): string[] {
  const files = new Set(filesIn(dir));
  const siteUrl = new URL(site);
  const problems: string[] = [];
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = pageRefs(readFileSync(join(dir, file), 'utf8')).ids;
      idCache.set(file, ids);
    }
    return ids;
  };
  /** The built file a site path (base included) names, or a reason why there is none. */
  const fileFor = (pathname: string): { file?: string; why?: string } => {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return { why: 'malformed percent-escape' };
    }
    if (!path.startsWith(base)) return { why: `outside the base ${base}` };
    const rel = `/${path.slice(base.length)}`;
    if (rel.split('/').includes('..')) return { why: 'climbs out of the site' };
    if (rel.endsWith('/')) return files.has(`${rel}index.html`) ? { file: `${rel}index.html` } : { why: 'no such page' };
    if (files.has(rel)) return { file: rel };
    if (files.has(`${rel}/index.html`)) return { why: 'directory without trailing slash (only a redirect would reach it)' };
    return { why: 'no such file' };
  };
  const ownPages = new Set([...files].filter((f) => f.endsWith('.html') && !/^\/((de|en)\/)?index\.html$/.test(f)));

  const check = (from: string, where: string, raw: string): void => {
    const ref = raw.trim();
    const say = (why: string): void => {
      problems.push(`${from}: ${where}="${ref}" → ${why}`);
    };
    if (ref === '') return say('empty URL');
    if (/^javascript:/i.test(ref)) return say('javascript: URL');
    if (/^(mailto|tel|data|blob|about):/i.test(ref)) return;
    const pageUrl = new URL(from.endsWith('.html') ? from : `${from}`, 'http://internal.invalid');
    let u: URL;
    try {
      u = new URL(ref, pageUrl);
    } catch {
      return say('not a URL');
    }
    let pathname = u.pathname;
    if (u.origin !== 'http://internal.invalid') {
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
      if (LOCAL_HOST.test(u.hostname)) return say('points at a local server');
      if (u.hostname === siteUrl.hostname && u.origin !== siteUrl.origin) return say(`another origin of the site host (${u.origin})`);
      if (u.origin !== siteUrl.origin) {
        if (PREVIEW_HOST.test(u.hostname)) return say('points at a preview/staging deployment');
        const mapped = fileFor(u.pathname.startsWith(base) ? u.pathname : `${base}${u.pathname.replace(/^\/+/, '')}`).file;
        if (mapped && ownPages.has(mapped)) return say(`points at our page ${mapped} on another deployment`);
        return; // a genuine external link
      }
      pathname = u.pathname;
    } else if (ref.startsWith('#') && ref.length === 1) {
      return say('empty fragment');
    }
    const target = fileFor(pathname);
    if (!target.file) return say(target.why ?? 'unresolved');
    if (u.hash && u.hash !== '#') {
      if (!target.file.endsWith('.html')) return say(`fragment on a non-HTML file ${target.file}`);
      let id: string;
      try {
        id = decodeURIComponent(u.hash.slice(1));
      } catch {
        return say('malformed percent-escape in fragment');
      }
      if (!idsOf(target.file).has(id)) return say(`no element with id "${id}" on ${target.file}`);
    }
  };

  for (const file of files) {
    if (file.endsWith('.html')) {
      const from = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
      // Resolve relative references against the page's URL under the base.
      const fromUrl = `${base}${from.replace(/^\//, '')}`;
      const { refs } = pageRefs(readFileSync(join(dir, file), 'utf8'));
      for (const [where, ref] of refs) check(fromUrl, where, ref);
    } else if (file.endsWith('.css')) {
      const css = readFileSync(join(dir, file), 'utf8');
      for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) check(`${base}${file.slice(1)}`, 'url()', m[1] ?? '');
    } else if (file.endsWith('.xml')) {
      const xml = readFileSync(join(dir, file), 'utf8');
      let locs: string[] = [];
      try {
        locs = elementsOf(readXml(xml)).filter((el) => el.name === 'loc').map((el) => el.text.trim());
      } catch (e) {
        problems.push(`${base}${file.slice(1)}: ${(e as Error).message}`);
      }
      for (const loc of locs) check(`${base}${file.slice(1)}`, '<loc>', loc);
    } else if (file === '/robots.txt') {
      const txt = readFileSync(join(dir, file), 'utf8');
      for (const m of txt.matchAll(/^\s*Sitemap:\s*(\S+)/gim)) check(`${base}robots.txt`, 'Sitemap:', m[1] ?? '');
    } else if (file.endsWith('.json') && file.startsWith('/oembed/')) {
      const text = readFileSync(join(dir, file), 'utf8');
      const strings: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === 'string') strings.push(v);
        else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
      };
      walk(JSON.parse(text));
      for (const s of strings) {
        for (const m of s.matchAll(/https?:\/\/[^\s"'<>]+/g)) check(`${base}${file.slice(1)}`, 'oEmbed URL', decodeEntities(m[0]));
      }
    }
  }
  return problems;
}
