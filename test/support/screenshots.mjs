// Takes screenshots of built pages in Debian's Chromium, for looking at (not a test).
// Usage: node scripts/screenshots.mjs <baseUrl> <outDir> <path[#step]>...
// Env: WIDTHS=375,1280  SCHEMES=light,dark  JS=on,off  FULL=1 (full page)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const [base = 'http://127.0.0.1:4321', out = 'screenshots/tmp', ...paths] = process.argv.slice(2);
const widths = (process.env.WIDTHS ?? '375,1280').split(',').map(Number);
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
const jsModes = (process.env.JS ?? 'on').split(',');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const path of paths.length ? paths : ['/']) {
  for (const width of widths) {
    for (const scheme of schemes) {
      for (const js of jsModes) {
        const ctx = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 860 }, colorScheme: scheme, javaScriptEnabled: js === 'on', deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        await page.goto(base + path, { waitUntil: 'networkidle' });
        await page.waitForTimeout(900);
        const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${width}-${scheme}-js${js}.png`;
        await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
        console.log(`${out}/${name}`);
        await ctx.close();
      }
    }
  }
}
await browser.close();
