import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages, dist } from '../support';

/**
 * Gate 2, valid HTML: html-validate (the project's .htmlvalidate.json, which extends
 * html-validate:recommended) finds no error on any built page.
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
