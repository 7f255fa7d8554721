import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../support/find-chromium.mjs';
import { freePort } from '../../support/free-port';

/**
 * Builds the site (unless SKIP_BUILD=1), serves dist/ with `astro preview` on
 * 127.0.0.1 (the same server `npm start` uses, 404 page included) and hands the
 * base URL to the tests.
 */
const root = join(import.meta.dirname, '../../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A fresh machine (root on Debian or Ubuntu) gets Debian's chromium before the suite starts.
  const chromiumPath = findChromium({ install: true });
  if (process.env['SKIP_BUILD'] !== '1') {
    const started = Date.now();
    const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
    console.log(`[browser] site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const { preview } = await import('astro');
  const port = await freePort();
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port } });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.stop();
  };
}
