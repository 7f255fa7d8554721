import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages, dist } from '../support';

/**
 * Gate 2, valid HTML, by two checkers:
 * - the W3C Nu HTML Checker (npm `vnu-jar`, run on Java; .ci/run installs Debian's
 *   default-jre-headless): the HTML standard's own conformance rules, parsing included
 *   (a <script> after </html> is a fatal error there), 0 errors on every built page;
 * - html-validate (the project's .htmlvalidate.json, html-validate:recommended), kept for
 *   what vnu does not check: house rules such as no inline style (the CSP forbids it),
 *   explicit button and input types, and its WCAG rules.
 */
const config = JSON.parse(readFileSync(join(import.meta.dirname, '../../../.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(config);

function fileOf(page: string): string {
  return join(dist, page.endsWith('/') ? `${page}index.html` : page);
}

/** One line per error: "line:column rule: message". */
async function errors(html: string, filename: string): Promise<string[]> {
  const report = await validator.validateString(html, filename);
  return report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/**
 * The Nu checker's CSS validator predates container queries (CSS Containment 3, in every
 * current browser): it reports `container-type` and `@container` in the inline stylesheet as
 * unknown. Only those two messages are dropped; every other CSS and HTML error still fails.
 */
const VNU_UNKNOWN_CSS = /^CSS: (“container-type”: Property “container-type” doesn't exist|Unrecognized at-rule “@container”)/;

/** Runs the Nu checker once over `files`; returns its errors (fatal ones included) by file path. */
function vnu(files: string[]): Map<string, string[]> {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) throw new Error('The W3C Nu checker needs Java: apt-get install default-jre-headless (.ci/run does this when java is missing).');
  const r = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = JSON.parse(r.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
  const byFile = new Map<string, string[]>();
  for (const m of out.messages) {
    if (m.type !== 'error' && m.subType !== 'fatal') continue;
    if (VNU_UNKNOWN_CSS.test(m.message)) continue;
    const key = m.url ? fileURLToPath(m.url) : '';
    byFile.set(key, [...(byFile.get(key) ?? []), `${m.lastLine ?? '?'}: ${m.message}`]);
  }
  return byFile;
}

describe('valid HTML (W3C Nu checker)', () => {
  const pages = builtPages();
  let found = new Map<string, string[]>();
  beforeAll(() => {
    found = vnu(pages.map(fileOf));
  });

  it('self-check: the checker flags a script after </html> and aria-labelledby on <pre>', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
    const file = join(dir, 'bad.html');
    writeFileSync(file, '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="l">a</p><pre aria-labelledby="l">b</pre></body></html><script src="x.js"></script>');
    const errors = vnu([file]).get(file) ?? [];
    expect(errors.some((e) => e.includes('aria-labelledby'))).toBe(true);
    expect(errors.some((e) => e.includes('Stray start tag') && e.includes('script'))).toBe(true);
  });

  for (const page of pages) {
    it(`${page} has no Nu checker errors`, () => {
      expect(found.get(fileOf(page)) ?? []).toEqual([]);
    });
  }
});

describe('valid HTML', () => {
  it('self-check: the validator flags a broken document', async () => {
    const bad = '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a">1</p><p id="a">2</p><figure><div>a</div><figcaption>c</figcaption><div>d</div></figure><input></body></html>';
    const found = await errors(bad, 'selfcheck.html');
    expect(found.some((e) => e.includes('no-dup-id'))).toBe(true);
    expect(found.some((e) => e.includes('element-permitted-order'))).toBe(true);
    expect(found.some((e) => e.includes('no-implicit-input-type'))).toBe(true);
  });

  const pages = builtPages();
  it('finds the built pages', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  for (const page of pages) {
    it(`${page} has no html-validate errors`, async () => {
      const file = fileOf(page);
      expect(await errors(readFileSync(file, 'utf8'), file)).toEqual([]);
    });
  }
});
