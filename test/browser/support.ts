import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

/** The built site, as the tests read it. */
export const dist = join(import.meta.dirname, '../../dist');

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

/** Every built HTML page as a site path ("/de/der-ansturm/"); 404.html as "/404.html". */
export function builtPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) {
        const rel = `/${relative(dist, p).replace(/\\/g, '/')}`;
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dist);
  return out.sort();
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
