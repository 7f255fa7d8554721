import { describe, expect, it } from 'vitest';
import { fact } from '../../src/data/facts';
import { figures } from '../../src/figures';
import { layoutFrames, stateSvg } from '../../src/figures/frames';
import type { Mark, TextMark } from '../../src/figures/marks';
import { SUMMARY, type LayoutName } from '../../src/figures/types';
import { LANGS } from '../../src/i18n/lang';
import { measure } from '../../src/type/measure';

/**
 * Checks every registered figure the same way: states, geometry inside its box,
 * text alternatives, data rows tied to facts, and a rounded SVG snapshot per
 * state, layout and language (src/figures/<id>/__snapshots__/).
 */

const LAYOUTS: LayoutName[] = ['narrow', 'wide'];
const SIZE = { xs: 11.5, s: 13.5, m: 16, l: 22, xl: 30 } as const;
const WEIGHT = { regular: 450, bold: 700 } as const;

/** Horizontal extent of a text mark, from its anchor and its width in the site's Inter (measure()). */
function textExtent(m: TextMark): [number, number] {
  const w = measure(m.text, { size: SIZE[m.size ?? 's'], weight: WEIGHT[m.weight ?? 'regular'] });
  const anchor = m.anchor ?? 'start';
  const start = anchor === 'start' ? m.x : anchor === 'middle' ? m.x - w / 2 : m.x - w;
  return [start, start + w];
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

    for (const layout of LAYOUTS) {
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

          it('geometry() keeps shapes and (estimated) text inside the view box', () => {
            const { width, height } = frames;
            for (const state of fig.states) {
              for (const m of frames.states[state] ?? []) {
                if (m.opacity === 0) continue;
                const where = `${state}/${m.key}`;
                if (m.kind === 'rect') {
                  expect(m.width, where).toBeGreaterThanOrEqual(0);
                  expect(m.height, where).toBeGreaterThanOrEqual(0);
                  expect(m.x, where).toBeGreaterThanOrEqual(-0.5);
                  expect(m.x + m.width, where).toBeLessThanOrEqual(width + 0.5);
                  expect(m.y + m.height, where).toBeLessThanOrEqual(height + 0.5);
                }
                if (m.kind === 'text') {
                  const [x0, x1] = textExtent(m);
                  expect(x0, `${where}: "${m.text}" starts left of the box`).toBeGreaterThanOrEqual(-2);
                  expect(x1, `${where}: "${m.text}" runs past the right edge`).toBeLessThanOrEqual(width + 2);
                  expect(m.y, where).toBeGreaterThan(0);
                  expect(m.y, where).toBeLessThanOrEqual(height);
                }
                if (m.kind === 'circle') {
                  expect(m.cx - m.r, where).toBeGreaterThanOrEqual(-0.5);
                  expect(m.cx + m.r, where).toBeLessThanOrEqual(width + 0.5);
                }
              }
            }
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
