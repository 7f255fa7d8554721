import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Contracts between files that no type checks: who wires a control, who copies to the clipboard.
const src = join(import.meta.dirname, '../../src');

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext) && !name.endsWith(`.test${ext}`)) out.push(p);
  }
  return out.sort();
}

const rel = (p: string): string => relative(src, p).replace(/\\/g, '/');
const withoutExt = (p: string): string => p.replace(/\.(ts|js|mjs)$/, '');

/** An .astro file without its frontmatter and self-closing (data) scripts. */
const body = (astro: string): string => astro.replace(/^---[\s\S]*?\n---/, '').replace(/<script\b[^>]*\/>/g, '');

/** The markup of an .astro file: neither frontmatter nor <script> / <style> bodies. */
function markupOf(astro: string): string {
  return body(astro)
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<style\b[\s\S]*?<\/style>/g, '');
}

/** The modules an .astro file's client <script> blocks import, as absolute paths without extension. */
function clientImports(file: string, astro: string): string[] {
  const out: string[] = [];
  for (const block of body(astro).matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const m of (block[1] ?? '').matchAll(/import\s+(?:[^'"]*from\s+)?['"](\.[^'"]+)['"]/g)) out.push(withoutExt(resolve(dirname(file), m[1] ?? '')));
  }
  return out;
}

describe('whatever renders a control also wires it', () => {
  const scripts = filesUnder(join(src, 'components'), '.ts');
  const astros = filesUnder(src, '.astro').map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  // A client script finds its controls at the top level: `for (const x of document.querySelectorAll('…[data-name]…'))`.
  const wiring = scripts.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^for \(const \w+ of document\.querySelectorAll(?:<[^>]+>)?\('([^']+)'\)\)/gm)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/\[(data-[a-z-]+)/g)].map((a) => ({ file, attr: a[1] ?? '' })),
    ),
  );

  it('finds the client scripts and the controls they look for', () => {
    expect(wiring.map((w) => `${rel(w.file)} ${w.attr}`)).toEqual(
      expect.arrayContaining(['components/share-menu.ts data-share', 'components/step-link.ts data-step-link', 'components/cite.ts data-cite-copy']),
    );
  });

  // Attributes only ever set at run time (a figure's data-shown) have no renderer to check.
  const rendered = wiring
    .map((w) => ({ ...w, renderers: astros.filter((a) => new RegExp(`\\s${w.attr}(?=[\\s=>/])`).test(markupOf(a.text))) }))
    .filter((w) => w.renderers.length);

  it('finds the components that render those controls', () => {
    expect(rendered.map((w) => w.attr)).toEqual(expect.arrayContaining(['data-share', 'data-step-link', 'data-cite-copy']));
  });

  for (const { file, attr, renderers } of rendered) {
    it(`every component rendering ${attr} loads ${rel(file)}`, () => {
      for (const r of renderers) expect(clientImports(r.file, r.text), `${rel(r.file)} renders ${attr} but does not load ${rel(file)}`).toContain(withoutExt(file));
    });
  }
});

describe('one clipboard helper', () => {
  it('only src/components/clipboard.ts calls the Clipboard API', () => {
    const callers = [...filesUnder(src, '.ts'), ...filesUnder(src, '.astro')].filter((f) => /navigator\.clipboard/.test(readFileSync(f, 'utf8')));
    expect(callers.map(rel)).toEqual(['components/clipboard.ts']);
  });
});

describe('languages come from src/i18n only', () => {
  // Outside src/i18n a component, layout or page names no language by hand: it takes LANGS,
  // DEFAULT_LANG, twinLang(), LOCALE, OG_LOCALE or LANG_NAME. A page in src/pages/de/ or
  // src/pages/en/ may say which language it is (lang="de"); that is its address, not a list.
  const files = ['components', 'layouts', 'pages'].flatMap((dir) => [...filesUnder(join(src, dir), '.astro'), ...filesUnder(join(src, dir), '.ts')]);
  const L = `['"](?:de|en)['"]`;
  const RULES: [string, RegExp][] = [
    ['a list of languages', new RegExp(`\\[\\s*${L}\\s*,\\s*${L}`)],
    ['a comparison with a language', new RegExp(`[!=]==?\\s*${L}|${L}\\s*[!=]==?`)],
    ['a map keyed by language', /\{\s*de\s*:[^{}]*\ben\s*:/],
    ['an attribute or key per language', /\b[\w-]+-(?:de|en)\b\s*=|\[\s*['"`][\w-]*(?:De|En)['"`]\s*\]/],
    ['UI text in a fixed language', new RegExp(`\\bt\\(\\s*${L}`)],
    ['a locale written out', /['"](?:de[-_]DE|en[-_]GB)['"]/],
    ['a language named by hand', />\s*(?:Deutsch|English)\s*</],
  ];

  it('finds the components, layouts and pages to check', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['components/ShareMenu.astro', 'components/share-menu.ts', 'layouts/Base.astro', 'layouts/Embed.astro', 'pages/[lang]/[slug].astro']));
  });

  it('the rules catch what they are for', () => {
    const caught = (text: string) => RULES.filter(([, re]) => re.test(text)).map(([what]) => what);
    expect(caught("const langs = ['de', 'en'];")).toEqual(['a list of languages']);
    expect(caught("hreflang={lang === 'de' ? 'en' : 'de'}")).toEqual(['a comparison with a language']);
    expect(caught("const OG: Record<Lang, string> = { de: 'x', en: 'y' };")).toEqual(['a map keyed by language']);
    expect(caught('data-title-de={x}')).toEqual(['an attribute or key per language']);
    expect(caught("t('en', 'embed.ampMore')")).toEqual(['UI text in a fixed language']);
    expect(caught("content={'en_GB'}")).toEqual(['a locale written out']);
    expect(caught('<option value={l}>English</option>')).toEqual(['a language named by hand']);
    expect(caught('<SourcesPage lang="de" />')).toEqual([]);
  });

  for (const file of files) {
    it(`${rel(file)} takes its languages from src/i18n`, () => {
      const text = readFileSync(file, 'utf8');
      const found = RULES.flatMap(([what, re]) =>
        text
          .split('\n')
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => re.test(line))
          .map(({ line, i }) => `${rel(file)}:${i + 1} ${what}: ${line.trim()}`),
      );
      expect(found).toEqual([]);
    });
  }
});
