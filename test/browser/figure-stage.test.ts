import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { booted, builtChapters, launch, url } from './support';

/**
 * The figure-stage contract, in Chromium: a change of state begins with figure:state and ends
 * with one figure:settled; a label that changes its words keeps the old ones until the marks
 * are half way (so the headline never runs ahead of the chart); a claimed mark is read back
 * from the DOM before the next change, so a script that moved it is not undone.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'no-preference' })).newPage();
});
afterAll(async () => browser?.close());

/** A chapter whose first two steps draw different headlines. */
async function open(): Promise<{ from: string; to: string }> {
  const chapter = builtChapters().find((c) => c.lang === 'de' && c.steps.length > 2)!;
  await page.goto(url(chapter.path));
  await booted(page);
  await page.waitForFunction(() => customElements.get('figure-stage') !== undefined);
  return { from: chapter.steps[0]!, to: chapter.steps[1]! };
}

describe('figure-stage', () => {
  it('sends figure:state when a change begins and one figure:settled when it has landed, in that order', async () => {
    const { from, to } = await open();
    const events = await page.evaluate(
      async ([a, b]) => {
        const stage = document.querySelector('figure-stage')!;
        stage.setAttribute('data-instant', '');
        stage.setAttribute('data-step', a!);
        stage.removeAttribute('data-instant');
        const log: string[] = [];
        stage.addEventListener('figure:state', (e) => log.push(`state:${(e as CustomEvent).detail.step}`));
        const settled = new Promise<void>((done) =>
          stage.addEventListener('figure:settled', (e) => {
            log.push(`settled:${(e as CustomEvent).detail.step}`);
            done();
          }),
        );
        stage.setAttribute('data-step', b!);
        await settled;
        await new Promise((r) => setTimeout(r, 700));
        return log;
      },
      [from, to],
    );
    expect(events).toEqual([`state:${to}`, `settled:${to}`]);
  });

  it('keeps a changing headline in its old words until the marks are half way, then shows the new ones', async () => {
    const { from, to } = await open();
    const seen = await page.evaluate(
      async ([a, b]) => {
        const stage = document.querySelector('figure-stage')!;
        stage.setAttribute('data-instant', '');
        stage.setAttribute('data-step', a!);
        stage.removeAttribute('data-instant');
        const svg = [...stage.querySelectorAll<SVGSVGElement>('svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0)!;
        const head = svg.querySelector('[data-key="headline-0"]')!;
        const before = head.textContent;
        const settled = new Promise<void>((done) => stage.addEventListener('figure:settled', () => done(), { once: true }));
        stage.setAttribute('data-step', b!);
        // Two frames into the change: well before half way on any machine.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const early = head.textContent;
        await settled;
        return { before, early, after: head.textContent };
      },
      [from, to],
    );
    expect(seen.before).not.toBe(seen.after);
    expect(seen.early).toBe(seen.before);
  });

  it('reads claimed marks back before a change instead of undoing what another script wrote', async () => {
    const { from, to } = await open();
    const r = await page.evaluate(
      async ([a, b]) => {
        type Stage = HTMLElement & { claim(keys: readonly string[]): void };
        const stage = document.querySelector('figure-stage') as Stage;
        stage.setAttribute('data-instant', '');
        stage.setAttribute('data-step', a!);
        const svg = [...stage.querySelectorAll<SVGSVGElement>('svg[data-layout]')].find((s) => s.getBoundingClientRect().width > 0)!;
        const head = svg.querySelector<SVGTextElement>('[data-key="headline-0"]')!;
        // Another script moves the headline; unclaimed, the stage's mirror would not know.
        stage.claim(['headline-0']);
        head.setAttribute('x', '3');
        stage.setAttribute('data-step', b!);
        const claimedX = head.getAttribute('x');
        stage.setAttribute('data-step', a!);
        stage.removeAttribute('data-instant');
        return { claimedX, finalX: head.getAttribute('x') };
      },
      [from, to],
    );
    // An instant move writes every attribute that differs from the mirror: read back, x=3 differs from the target and is replaced.
    expect(r.claimedX).not.toBe('3');
    expect(r.finalX).not.toBe('3');
  });
});
