import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { readPng } from '../support/parsers';
import { builtChapters, builtPages, dist, parseTags, type Tag } from './support';

/**
 * What link previews, search engines and reference managers read from every page
 * built with the site layout: one title rule, Open Graph with an image and its alt
 * text, one JSON-LD block that expands as JSON-LD (jsonld.js) to the schema.org type
 * the page is, and on chapters the Highwire, Dublin Core and article: tags. Embeds
 * have their own frame and are not pages of the site.
 */
const chapters = builtChapters();
const chapterPaths = new Set(chapters.map((c) => c.path));
const pages = builtPages().filter((p) => !p.startsWith('/embed/'));
const html = (path: string) => readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
const S = 'https://schema.org/';

/** schema.org's context, offline: every term is a schema.org IRI. */
const documentLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': S } } };
};

/** The schema.org type a page must be, by its path. */
function expectedType(path: string): string {
  if (chapterPaths.has(path)) return 'Article';
  if (/^\/(de\/|en\/)?$/.test(path)) return 'WebSite';
  if (/^\/(de\/quellen|en\/sources)\/$/.test(path)) return 'CollectionPage';
  if (/^\/(de\/glossar|en\/glossary)\/$/.test(path)) return 'DefinedTermSet';
  if (/^\/(de\/[^/]+\/vortrag|en\/[^/]+\/present)\/$/.test(path)) return 'PresentationDigitalDocument';
  return 'WebPage';
}

/** Properties each type must carry (expanded IRIs under schema.org). */
const REQUIRED: Record<string, string[]> = {
  Article: ['headline', 'image', 'datePublished', 'dateModified', 'inLanguage', 'mainEntityOfPage', 'author', 'publisher'],
  WebSite: ['name', 'url', 'inLanguage', 'publisher'],
  CollectionPage: ['name', 'url', 'inLanguage', 'isPartOf'],
  DefinedTermSet: ['name', 'url', 'inLanguage', 'hasDefinedTerm'],
  PresentationDigitalDocument: ['name', 'url', 'inLanguage', 'isBasedOn'],
  WebPage: ['name', 'inLanguage'],
};

function metas(tags: Tag[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of tags) {
    const key = t.name === 'meta' ? (t.attrs['property'] ?? t.attrs['name']) : undefined;
    if (key && t.attrs['content'] !== undefined) out.set(key, [...(out.get(key) ?? []), t.attrs['content']]);
  }
  return out;
}

/** Width and height of a PNG file, decoded with pngjs. */
function pngSize(file: string): [number, number] {
  const png = readPng(readFileSync(file));
  return [png.width, png.height];
}

/** Everything wrong with one page's metadata, one line per problem (an empty list is a pass). */
async function metadataProblems(path: string, page: string): Promise<string[]> {
  const problems: string[] = [];
  const say = (why: string) => problems.push(`${path}: ${why}`);
  const head = page.slice(0, page.indexOf('</head>'));
  const tags = parseTags(head);
  const meta = metas(tags);
  const one = (key: string): string => {
    const v = meta.get(key) ?? [];
    if (v.length !== 1) say(`${key} appears ${v.length} times`);
    return v[0] ?? '';
  };
  const site = one('og:site_name');
  const titles = tags.filter((t) => t.name === 'title');
  const title = titles[0]?.text ?? '';
  if (titles.length !== 1) say(`${titles.length} <title> elements`);
  if (title !== site && !(title.endsWith(` · ${site}`) && title.length <= 70)) say(`title "${title}" breaks the rule "<page> · <site>" (≤ 70 characters)`);
  const canonical = tags.find((t) => t.name === 'link' && t.attrs['rel'] === 'canonical')?.attrs['href'];
  const isArticle = expectedType(path) === 'Article';
  if (one('og:type') !== (isArticle ? 'article' : 'website')) say(`og:type is "${meta.get('og:type')}"`);
  for (const key of ['og:title', 'og:description', 'og:url', 'twitter:title', 'twitter:description']) if (!one(key)) say(`${key} is empty`);
  if (canonical && one('og:url') !== canonical) say('og:url is not the canonical URL');
  const image = one('og:image');
  if (!/^https:\/\//.test(image)) say(`og:image "${image}" is not an absolute https URL`);
  else {
    const file = join(dist, new URL(image).pathname);
    if (!existsSync(file)) say(`og:image ${image} was not built`);
    else if (pngSize(file).join('×') !== '1200×630') say(`og:image is ${pngSize(file).join('×')}, not 1200×630`);
  }
  if (one('og:image:alt').length < 10) say('og:image:alt is missing or too short');
  if (one('twitter:image') !== image) say('twitter:image differs from og:image');
  if (one('twitter:image:alt') !== meta.get('og:image:alt')?.[0]) say('twitter:image:alt differs from og:image:alt');
  if (one('twitter:card') !== 'summary_large_image') say('twitter:card is not summary_large_image');

  const blocks = tags.filter((t) => t.name === 'script' && t.attrs['type'] === 'application/ld+json');
  if (blocks.length !== 1) say(`${blocks.length} JSON-LD blocks`);
  let node: Record<string, unknown[]> = {};
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(blocks[0]?.text ?? '') as Record<string, unknown>;
    const expanded = (await jsonld.expand(raw as jsonld.JsonLdDocument, { documentLoader } as jsonld.Options.Expand)) as Record<string, unknown[]>[];
    node = expanded[0] ?? {};
  } catch (e) {
    say(`JSON-LD does not expand: ${(e as Error).message}`);
  }
  const type = expectedType(path);
  if (!(node['@type'] ?? []).includes(`${S}${type}`)) say(`JSON-LD type is ${JSON.stringify(node['@type'])}, expected ${type}`);
  for (const prop of REQUIRED[type] ?? []) if (!node[`${S}${prop}`]?.length) say(`JSON-LD ${type} lacks ${prop}`);

  const highwire = [...meta.keys()].filter((k) => /^(citation_|DC\.|DCTERMS\.|article:)/.test(k));
  if (!isArticle) {
    if (highwire.length) say(`a page that is not an article carries ${highwire.join(', ')}`);
    return problems;
  }
  const lang = /<html lang="([a-z]+)"/.exec(page)?.[1] ?? '';
  const h1 = /<h1[^>]*>([^<]+)<\/h1>/.exec(page)?.[1] ?? '';
  const published = String(raw['datePublished'] ?? '');
  const modified = String(raw['dateModified'] ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || !/^\d{4}-\d{2}-\d{2}$/.test(modified)) say('JSON-LD dates are not ISO dates');
  const expect: Record<string, string> = {
    citation_title: h1,
    og_title: h1,
    citation_publisher: site,
    citation_publication_date: published.replace(/-/g, '/'),
    citation_online_date: published.replace(/-/g, '/'),
    citation_language: lang,
    citation_public_url: canonical ?? '',
    'DC.title': h1,
    'DC.publisher': site,
    'DC.date': published,
    'DCTERMS.modified': modified,
    'DC.language': lang,
    'DC.identifier': canonical ?? '',
    'article:published_time': published,
    'article:modified_time': modified,
  };
  for (const [key, want] of Object.entries(expect)) {
    const got = key === 'og_title' ? meta.get('og:title')?.[0] : one(key);
    if (got !== want) say(`${key} is "${got}", expected "${want}"`);
  }
  return problems;
}

/**
 * What Zotero's "Embedded Metadata" translator makes of a page, following its logic
 * (zotero/translators, Embedded Metadata.js and RDF.js, 2024): Highwire fields first,
 * creators from citation_author (else meta author / article:author), the item type from
 * the RDF statements (og:type "website" → webpage, a DC.type that names a Zotero type),
 * else "journal article" because citation_title is present.
 */
interface ZoteroItem {
  itemType: string;
  title?: string | undefined;
  creators: { lastName?: string | undefined; firstName?: string | undefined }[];
  date?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  language?: string | undefined;
  abstractNote?: string | undefined;
  rights?: string | undefined;
}

function zoteroItem(page: string): ZoteroItem {
  const meta = metas(parseTags(page.slice(0, page.indexOf('</head>'))));
  const get = (k: string) => meta.get(k)?.[0];
  const ZOTERO_TYPES = new Set(['webpage', 'journalArticle', 'magazineArticle', 'newspaperArticle', 'blogPost', 'report']);
  const og = get('og:type') === 'website' ? 'webpage' : undefined;
  const dc = ZOTERO_TYPES.has(get('DC.type') ?? '') ? get('DC.type') : undefined;
  const creators = [...(meta.get('citation_author') ?? []), ...(meta.get('author') ?? []), ...(meta.get('article:author') ?? [])].map((name) => {
    const [last, first] = name.includes(',') ? name.split(/\s*,\s*/, 2) : [name.split(' ').at(-1), name.split(' ').slice(0, -1).join(' ')];
    return { lastName: last, firstName: first };
  });
  return {
    itemType: og ?? dc ?? (get('citation_title') ? 'journalArticle' : 'webpage'),
    title: get('citation_title') ?? get('DC.title') ?? get('og:title'),
    creators,
    date: get('citation_publication_date') ?? get('citation_date') ?? get('citation_online_date'),
    publisher: get('citation_publisher'),
    url: get('citation_public_url'),
    language: get('citation_language'),
    abstractNote: get('citation_abstract') ?? get('description'),
    rights: get('DC.rights'),
  };
}

describe('page metadata', () => {
  it('covers every page of the site (chapters, classroom, landing, sources, glossary, 404)', () => {
    expect(pages.length).toBeGreaterThanOrEqual(chapters.length * 2 + 6);
    expect(pages.filter((p) => expectedType(p) === 'PresentationDigitalDocument')).toHaveLength(chapters.length);
  });

  for (const path of pages) {
    it(`${path}: title rule, Open Graph with image and alt, JSON-LD ${expectedType(path)}${chapterPaths.has(path) ? ', Highwire, DC and article: tags' : ''}`, async () => {
      expect(await metadataProblems(path, html(path))).toEqual([]);
    });
  }

  it('negative control: the check finds what is broken on a page', async () => {
    const chapter = chapters[0]?.path ?? '/';
    const good = html(chapter);
    const broken = good
      .replace(/<meta property="og:image" [^>]*>/, '')
      .replace(/<title>[^<]*<\/title>/, '<title>Nur der Titel</title>')
      .replace(/"dateModified":"[^"]*",/, '')
      .replace(/<meta name="citation_language" content="[a-z]+"/, '<meta name="citation_language" content="fr"');
    const problems = (await metadataProblems(chapter, broken)).join('\n');
    expect(problems).toContain('og:image appears 0 times');
    expect(problems).toContain('breaks the rule');
    expect(problems).toContain('lacks dateModified');
    expect(problems).toContain('citation_language is "fr"');
    const landing = html('/').replace('<meta property="og:type" content="website">', '<meta property="og:type" content="article">');
    expect((await metadataProblems('/', landing)).join('\n')).toContain('og:type is "article"');
    const badLd = html('/').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '<script type="application/ld+json">{"@context":"https://schema.org","@id":5}</script>');
    expect((await metadataProblems('/', badLd)).join('\n')).toContain('JSON-LD does not expand');
  });

  it('a Zotero user saving a chapter gets a web page item with title, date, publisher, address, language and abstract', () => {
    const items = chapters.map((c) => ({ path: c.path, ...zoteroItem(html(c.path)) }));
    for (const item of items) {
      expect(item).toMatchObject({ itemType: 'webpage', language: item.path.startsWith('/en/') ? 'en' : 'de' });
      expect(item.title).toBeTruthy();
      expect(item.date).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(item.url).toMatch(new RegExp(`${item.path}$`));
      expect(item.publisher).toMatch(/^Ghibli, GPUs (und Milliarden|and billions)$/);
      expect(item.abstractNote).toBeTruthy();
    }
    console.log(`[zotero] ${JSON.stringify(items[0], null, 1)}`);
  });
});
