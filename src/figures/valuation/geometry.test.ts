import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/valuation.json';
import { LANGS, type Lang } from '../../i18n/lang';
import type { Mark, TextMark } from '../marks';
import { data, loadValuation, type ValuationInput } from './data';
import { frame, geometry, loop, rowScale, textWidth, valueLabel, xScale } from './geometry';
import { figure } from './index';
import { stateFor, states } from './states';

const WIDE = figure.layouts.wide;
const NARROW = figure.layouts.narrow;
const get = <K extends Mark['kind']>(marks: Mark[], key: string, kind: K) => {
  const m = marks.find((x) => x.key === key);
  if (!m || m.kind !== kind) throw new Error(`no ${kind} ${key}`);
  return m as Extract<Mark, { kind: K }>;
};
const texts = (marks: Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text' && m.opacity !== 0);
const copy = (): ValuationInput => JSON.parse(JSON.stringify(raw)) as ValuationInput;

describe('valuation data', () => {
  it('loadValuation() derives the jump and the multiple from the last two valuations in the file', () => {
    const [, , oct, spring] = raw.valuations;
    expect(data.previous.key).toBe('oct-2024');
    expect(data.reported.key).toBe('spring-2025');
    expect(data.jump).toBe((spring?.value ?? 0) - (oct?.value ?? 0));
    expect(data.factor).toBeCloseTo((spring?.value ?? 0) / (oct?.value ?? 1), 10);
    // The figure rounds the multiple to one decimal: it must read as "almost double", not 2.
    expect(Math.round(data.factor * 10) / 10).toBeLessThan(2);
  });

  it('loadValuation() ends the dollar scale at the largest value, October 2025 included', () => {
    expect(data.domainMax).toBe(raw.since.value);
    const bigger = copy();
    bigger.since.value = 640;
    expect(loadValuation(bigger).domainMax).toBe(640);
  });

  it('loadValuation() rejects a since value without an ISO date', () => {
    const bad = copy();
    bad.since.date = 'October 2025';
    expect(() => loadValuation(bad)).toThrow(/since\.date/);
  });

  it('loadValuation() rejects an unknown fact id, naming it', () => {
    const bad = copy();
    bad.announced.fact = 'made-up';
    expect(() => loadValuation(bad)).toThrow(/made-up/);
  });

  it('loadValuation() rejects valuations out of order', () => {
    const bad = copy();
    bad.valuations.reverse();
    expect(() => loadValuation(bad)).toThrow(/in this order/);
  });

  it('loadValuation() rejects a valuation that is not a positive number', () => {
    const bad = copy();
    const first = bad.valuations[0];
    if (first) first.value = -29;
    expect(() => loadValuation(bad)).toThrow(/positive/);
  });

  it('loadValuation() rejects a reported valuation that is no jump on October 2024', () => {
    const bad = copy();
    const last = bad.valuations[3];
    if (last) last.value = 150;
    expect(() => loadValuation(bad)).toThrow(/exceed/);
  });
});

describe('valuation states', () => {
  it('stateFor() keeps known ids and falls back to the first state', () => {
    expect(stateFor('the-jump')).toBe('the-jump');
    expect(stateFor('<img src=x>')).toBe(states[0]);
    expect(stateFor(undefined)).toBe(states[0]);
  });
});

describe('valuation labels', () => {
  it('valueLabel() hedges only where the source does, in each language', () => {
    expect(valueLabel({ value: 29, hedged: true }, 'de')).toBe('rund 29\u00a0Mrd.\u00a0Dollar');
    expect(valueLabel({ value: 157, hedged: false }, 'de')).toBe('157\u00a0Mrd.\u00a0Dollar');
    expect(valueLabel({ value: 29, hedged: true }, 'en')).toBe('about $29bn');
    expect(valueLabel({ value: 157, hedged: false }, 'en')).toBe('$157bn');
  });

  it('textWidth() grows with length, size and weight', () => {
    expect(textWidth('abcd', 's')).toBeGreaterThan(textWidth('ab', 's'));
    expect(textWidth('ab', 'm')).toBeGreaterThan(textWidth('ab', 's'));
    expect(textWidth('ab', 's', true)).toBeGreaterThan(textWidth('ab', 's'));
  });
});

describe('valuation geometry', () => {
  it('xScale() maps 0 to the left margin and the largest valuation to the right edge', () => {
    const f = frame(WIDE.width, WIDE.height);
    const x = xScale(data.domainMax, f);
    expect(x(0)).toBe(f.left);
    expect(x(data.domainMax)).toBe(f.right);
  });

  it('rowScale(f, true) adds October 2025 as a fifth band and ends its bar above the notes', () => {
    for (const size of [WIDE, NARROW]) {
      const f = frame(size.width, size.height);
      const band = rowScale(f, true);
      expect(band.domain()).toEqual([...data.valuations.map((v) => v.key), 'oct-2025']);
      expect((band('oct-2025') ?? Infinity) + f.barOffset + f.barHeight).toBeLessThanOrEqual(f.noteY - f.lineGap + 1e-6);
    }
  });

  it('rowScale() stacks the four valuations oldest first, inside the rows area', () => {
    const f = frame(NARROW.width, NARROW.height);
    const band = rowScale(f);
    const tops = data.valuations.map((v) => band(v.key) ?? Number.NaN);
    expect(tops[0]).toBe(f.rowsTop);
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1] ?? Infinity);
    expect((tops[tops.length - 1] ?? 0) + band.bandwidth()).toBeCloseTo(f.rowsBottom, 6);
  });

  for (const size of [WIDE, NARROW]) {
    const at = (state: string, lang: Lang = 'de') => geometry({ state, lang, ...size });

    it(`geometry() at ${size.width}px: every bar starts at zero and is proportional to its value`, () => {
      for (const state of ['the-jump', 'since-then', 'summary']) {
        const m = at(state);
        const values = [...data.valuations, ...(state === 'since-then' ? [data.since] : [])];
        const bars = values.map((v) => get(m, `bar-${v.key}`, 'rect'));
        const unit = (bars[3]?.width ?? 0) / data.reported.value;
        values.forEach((v, i) => {
          expect(bars[i]?.x).toBe(frame(size.width, size.height).left);
          expect(bars[i]?.width, `${state}/${v.key}`).toBeCloseTo(v.value * unit, 6);
        });
      }
    });

    it(`geometry() at ${size.width}px: since-then draws October 2025 at the same scale as the earlier rounds`, () => {
      const widths = ['earlier-rounds', 'since-then'].map((s) => get(at(s), 'bar-oct-2024', 'rect').width);
      expect(widths[1]).toBeCloseTo(widths[0] ?? 0, 6);
      const since = get(at('since-then'), 'bar-oct-2025', 'rect');
      expect(since.width / (widths[0] ?? 1)).toBeCloseTo(data.since.value / 157, 6);
      expect(at('the-jump').some((mk) => mk.key === 'bar-oct-2025')).toBe(false);
    });

    it(`geometry() at ${size.width}px: the October 2024 bar keeps its length in every bar state (one scale)`, () => {
      const widths = ['earlier-rounds', 'the-jump', 'since-then', 'summary'].map((s) => get(at(s), 'bar-oct-2024', 'rect').width);
      expect(new Set(widths).size).toBe(1);
      // The reported bar is drawn at that same scale when it moves for the Microsoft step.
      const ratio = get(at('what-microsoft-gets'), 'bar-spring-2025', 'rect').width / (widths[0] ?? 1);
      expect(ratio).toBeCloseTo(data.factor, 6);
    });

    it(`geometry() at ${size.width}px: earlier-rounds hides the reported 2025 bar`, () => {
      const bar = get(at('earlier-rounds'), 'bar-spring-2025', 'rect');
      expect(bar.opacity).toBe(0);
      expect(bar.width).toBe(0);
    });

    it(`geometry() at ${size.width}px: the jump bracket and notch start where October 2024 ends`, () => {
      const m = at('the-jump');
      const oct = get(m, 'bar-oct-2024', 'rect');
      const notch = get(m, 'jump-notch', 'rect');
      expect(notch.x + notch.width / 2).toBeCloseTo(oct.x + oct.width, 6);
      const bracket = get(m, 'jump-bracket', 'path');
      expect(bracket.d.startsWith(`M${oct.x + oct.width},`)).toBe(true);
    });

    for (const lang of LANGS) {
      it(`geometry() at ${size.width}px (${lang}): context values are tagged as context on the figure`, () => {
        const tag = lang === 'de' ? 'Kontext' : 'Context';
        const early = texts(at('earlier-rounds', lang));
        for (const key of ['early-2023', 'early-2024', 'oct-2024']) {
          expect(early.find((t) => t.key === `note-${key}`)?.text).toContain(tag);
        }
        expect(texts(at('the-jump', lang)).some((t) => t.text.startsWith(tag) && t.text.includes('SoftBank') === false)).toBe(true);
      });

      it(`geometry() at ${size.width}px (${lang}): since-then is dated context, reported, and says no new money went to OpenAI`, () => {
        const t = texts(at('since-then', lang));
        const all = t.map((x) => x.text).join(' ');
        expect(t.find((x) => x.key === 'note-oct-2025')?.text).toMatch(lang === 'de' ? /^Kontext · laut Berichten/ : /^Context · reported/);
        expect(t.find((x) => x.key === 'date-oct-2025')?.text).toMatch(/2025/);
        expect(all).toMatch(lang === 'de' ? /kein neues Geld/ : /no new money/);
        expect(all).toMatch(lang === 'de' ? /womöglich mit SoftBank/ : /possibly with SoftBank/);
      });

      it(`geometry() at ${size.width}px (${lang}): the loop says it is schematic`, () => {
        const word = lang === 'de' ? 'SCHEMATISCH' : 'SCHEMATIC';
        expect(texts(at('feedback-loop', lang)).map((t) => t.text)).toContain(word);
      });

      it(`geometry() at ${size.width}px (${lang}): Microsoft's benefits carry no numbers`, () => {
        const ms = texts(at('what-microsoft-gets', lang)).filter((t) => t.key.startsWith('ms-'));
        expect(ms.length).toBeGreaterThanOrEqual(7);
        for (const t of ms) expect(t.text, t.key).not.toMatch(/\d/);
      });

      it(`geometry() at ${size.width}px (${lang}): every number on screen is on the facts sheet or derived from it`, () => {
        // Sheet: 29, 86, 157, 300, 40, 6.6, 500 (October 2025), 31 March 2025; derived: 143, 1.9;
        // axis ticks 0, 100, 200, 400 (the scale's own round steps).
        const allowed = new Set(['0', '100', '200', '300', '400', '500', '29', '86', '157', '40', '143', '1,9', '1.9', '6,6', '6.6', '31', '2023', '2024', '2025']);
        for (const state of states) {
          for (const t of texts(at(state, lang))) {
            for (const n of t.text.match(/\d+(?:[.,]\d+)?/g) ?? []) expect(allowed.has(n), `${state}/${t.key}: ${n}`).toBe(true);
          }
        }
      });
    }

    it(`loop() at ${size.width}px: four boxes run clockwise from the top and do not overlap`, () => {
      const l = loop(frame(size.width, size.height));
      const [top, right, bottom, left] = l.boxes;
      expect(top?.cy).toBeLessThan(right?.cy ?? 0);
      expect(right?.cx).toBeGreaterThan(top?.cx ?? Infinity);
      expect(bottom?.cy).toBeGreaterThan(right?.cy ?? Infinity);
      expect(left?.cx).toBeLessThan(bottom?.cx ?? 0);
      for (const a of l.boxes) {
        expect(a.cx - a.width / 2).toBeGreaterThanOrEqual(0);
        expect(a.cx + a.width / 2).toBeLessThanOrEqual(size.width);
        expect(a.cy + a.height / 2).toBeLessThanOrEqual(size.height);
        for (const b of l.boxes) {
          if (a === b) continue;
          const apart = Math.abs(a.cx - b.cx) >= (a.width + b.width) / 2 || Math.abs(a.cy - b.cy) >= (a.height + b.height) / 2;
          expect(apart, `${a.node} / ${b.node}`).toBe(true);
        }
      }
    });

    it(`loop() at ${size.width}px: each arc starts outside its box and its arrow tip stops short of the next`, () => {
      const l = loop(frame(size.width, size.height));
      l.edges.forEach((e, i) => {
        const from = l.boxes[i];
        const to = l.boxes[(i + 1) % l.boxes.length];
        const [sx, sy] = (e.d.match(/^M(-?[\d.]+),(-?[\d.]+)/) ?? []).slice(1).map(Number);
        const [tx, ty] = (e.head.match(/^M(-?[\d.]+),(-?[\d.]+)/) ?? []).slice(1).map(Number);
        const outside = (b: typeof from, x = NaN, y = NaN) => !!b && (Math.abs(x - b.cx) > b.width / 2 || Math.abs(y - b.cy) > b.height / 2);
        expect(outside(from, sx, sy), `${e.from} start`).toBe(true);
        expect(outside(to, tx, ty), `${e.from} tip`).toBe(true);
      });
    });
  }
});
