import { describe, expect, it } from 'vitest';
import { fact } from '../../src/data/facts';
import { figures } from '../../src/figures';
import { layoutFrames, stateSvg } from '../../src/figures/frames';
import { checkLayout } from '../../src/figures/kit/bounds';
import { LAYOUTS } from '../../src/figures/kit/define';
import { frameAt, SAMPLES } from '../../src/figures/kit/transition';
import type { Mark } from '../../src/figures/marks';
import { SUMMARY, type LayoutName } from '../../src/figures/types';
import { LANGS } from '../../src/i18n/lang';

/**
 * Checks every registered figure the same way: states, geometry inside its box,
 * text alternatives, data rows tied to facts, and a rounded SVG snapshot per
 * state, layout and language (src/figures/<id>/__snapshots__/).
 */

const LAYOUT_NAMES: LayoutName[] = ['narrow', 'wide'];

/** Problems of one frame, one line each, for a readable failure. */
function problemsOf(marks: readonly Mark[], width: number, height: number): string[] {
  return checkLayout(marks, { width, height }).map((p) => `${p.kind}: ${p.detail}`);
}

function numbersOf(m: Mark): number[] {
  switch (m.kind) {
    case 'rect':
      return [m.x, m.y, m.width, m.height];
    case 'line':
      return [m.x1, m.y1, m.x2, m.y2];
    case 'text':
      return [m.x, m.y];
    case 'circle':
      return [m.cx, m.cy, m.r];
    case 'path':
      return (m.d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  }
}

for (const fig of Object.values(figures)) {
  describe(`figure ${fig.id}`, () => {
    it('has unique states, the summary among them', () => {
      expect(fig.states).toContain(SUMMARY);
      expect(new Set(fig.states).size).toBe(fig.states.length);
    });

    it('names only facts on the facts sheet (sources and table rows)', () => {
      for (const id of fig.sources) expect(() => fact(id)).not.toThrow();
      for (const lang of LANGS) for (const row of fig.table(lang)) expect(() => fact(row.fact)).not.toThrow();
    });

    it('gives every state a distinct text alternative in both languages', () => {
      for (const lang of LANGS) {
        const alts = fig.states.map((s) => fig.alt(s, lang));
        for (const alt of alts) expect(alt.length).toBeGreaterThan(30);
        expect(new Set(alts).size).toBe(alts.length);
      }
    });

    it('has a data table with values in both languages', () => {
      for (const lang of LANGS) {
        const rows = fig.table(lang);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.label).not.toBe('');
          expect(row.value).not.toBe('');
        }
      }
    });

    it('is drawn at the kit layouts, which the pinned panels are sized for', () => {
      expect(fig.layouts).toEqual(LAYOUTS);
    });

    for (const layout of LAYOUT_NAMES) {
      for (const lang of LANGS) {
        const frames = layoutFrames(fig, layout, lang);
        describe(`${layout} layout, ${lang}`, () => {
          it('geometry() returns unique keys and finite numbers for every state', () => {
            for (const state of fig.states) {
              const marks = frames.states[state] ?? [];
              expect(marks.length, state).toBeGreaterThan(0);
              const keys = marks.map((m) => m.key);
              expect(new Set(keys).size, `${state}: duplicate keys`).toBe(keys.length);
              for (const m of marks) for (const n of numbersOf(m)) expect(Number.isFinite(n), `${state}/${m.key}`).toBe(true);
            }
          });

          it('draws every state clean: no label on another, none on a shape not its own, nothing outside (measured)', () => {
            const bad: string[] = [];
            for (const state of fig.states) for (const p of problemsOf(frames.states[state] ?? [], frames.width, frames.height)) bad.push(`${state}: ${p}`);
            expect(bad).toEqual([]);
          });

          it('shows labels whole or not at all (faded text loses its contrast)', () => {
            for (const state of fig.states) {
              for (const m of frames.states[state] ?? []) {
                if (m.kind === 'text') expect([0, 1], `${state}/${m.key} "${m.text}" has opacity ${m.opacity}`).toContain(m.opacity ?? 1);
              }
            }
          });

          it('never garbles a change between consecutive states, either way (frames at 0, 25, 50, 75, 100 %)', () => {
            const bad: string[] = [];
            const order = fig.states;
            for (let i = 0; i + 1 < order.length; i++) {
              for (const [a, b] of [[order[i]!, order[i + 1]!], [order[i + 1]!, order[i]!]] as const) {
                for (const p of SAMPLES) {
                  const frame = frameAt(frames.states[a] ?? [], frames.states[b] ?? [], p);
                  for (const problem of problemsOf(frame, frames.width, frames.height)) bad.push(`${a} → ${b} at ${p * 100} %: ${problem}`);
                }
              }
            }
            expect([...new Set(bad)]).toEqual([]);
          });

          for (const state of fig.states) {
            it(`matches the SVG snapshot of state ${state}`, async () => {
              const svg = stateSvg(frames, state).replace(/></g, '>\n<');
              await expect(svg).toMatchFileSnapshot(
                `../../src/figures/${fig.id}/__snapshots__/${state}.${layout}.${lang}.svg`,
              );
            });
          }
        });
      }
    }
  });
}
