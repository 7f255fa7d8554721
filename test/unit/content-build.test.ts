import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A broken chapter must stop the build with a message that names its file.
 * Each case copies the project to a temporary folder, breaks chapter 3's German
 * frontmatter in one way, and runs `astro sync` (the content step of the build).
 */
const root = join(import.meta.dirname, '../..');
const chapter = 'content/chapters/de/03-der-ansturm.mdx';
const dirs: string[] = [];

function syncWith(edit: (frontmatter: string) => string): { code: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'content-build-'));
  dirs.push(dir);
  for (const part of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public']) {
    cpSync(join(root, part), join(dir, part), { recursive: true, filter: (p) => !p.includes('__snapshots__') });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const file = join(dir, chapter);
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 4);
  writeFileSync(file, edit(text.slice(0, end)) + text.slice(end));
  const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    timeout: 90_000,
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a broken chapter fails the build', { timeout: 120_000 }, () => {
  it('when a field is missing: the message names the file and the field', () => {
    const r = syncWith((fm) => fm.replace(/^summary:.*$/m, ''));
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('de/03-der-ansturm');
    expect(r.out).toContain('summary');
  });

  it('when the figure id is unknown: the message names the file and the id', () => {
    const r = syncWith((fm) => fm.replace(/^figure:.*$/m, 'figure: no-such-figure'));
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('de/03-der-ansturm');
    expect(r.out).toContain('no-such-figure');
  });

  it('when a step is unknown to the figure: the message names the file and the step', () => {
    const r = syncWith((fm) => fm.replace('one-hour', 'ten-days'));
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('de/03-der-ansturm');
    expect(r.out).toContain('ten-days');
  });

  it('while the unbroken copy syncs cleanly (the harness itself works)', () => {
    const r = syncWith((fm) => fm);
    expect(r.out).not.toContain('InvalidContentEntryDataError');
    expect(r.code).toBe(0);
  });
});
