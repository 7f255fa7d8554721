import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/valuation.json';
import { LAYOUTS, textContext } from '../kit';
import type { Mark, PathMark, TextMark } from '../marks';
import { SUMMARY } from '../types';
import { data, dayOf, loadValuation, strings, type ValuationInput } from './data';
import { frame, geometry, loopArc, loopCircle, scales, type Ctx, type State } from './geometry';
import { figure } from './index';

const copy = (): ValuationInput => JSON.parse(JSON.stringify(raw)) as ValuationInput;
const ctxOf = (state: State, layout: 'narrow' | 'wide' = 'wide', lang: 'de' | 'en' = 'de'): Ctx => ({
  ...textContext(strings, lang),
  state,
  layout,
  narrow: layout === 'narrow',
  ...LAYOUTS[layout],
});
/** The mark whose key is `key`, or starts with it and a spot name (labels keyed by where they sit). */
function get<K extends Mark['kind']>(marks: readonly Mark[], key: string, kind: K): Extract<Mark, { kind: K }> {
  const m = marks.find((x) => x.key === key || (x.kind === 'text' && x.key.startsWith(`${key}-`)));
  if (!m || m.kind !== kind) throw new Error(`no ${kind} ${key}`);
  return m as Extract<Mark, { kind: K }>;
}
const has = (marks: readonly Mark[], key: string) => marks.some((m) => m.key === key);

describe('loadValuation()', () => {
  it('derives the jump and the multiple from the last two valuations in the file', () => {
    const [, , oct, spring] = raw.valuations;
    expect(data.jump).toBe((spring?.value ?? 0) - (oct?.value ?? 0));
    expect(data.factor).toBeCloseTo((spring?.value ?? 0) / (oct?.value ?? 1), 10);
    // The figure rounds the multiple to one decimal: it must read as "almost double", not 2.
    expect(Math.round(data.factor * 10) / 10).toBeLessThan(2);
  });

  it('keeps a valuation the source gives no day for as a window, and dates the 2025 value by the announced round', () => {
    expect(data.valuations[0]).toHaveProperty('window');
    expect(data.valuations[0]).not.toHaveProperty('date');
    expect(data.reported).toMatchObject({ date: data.announced.date, dateFact: 'round-40-300', fact: 'valuation-300' });
  });

  it('rejects a valuation with both a day and a window, or with neither', () => {
    const both = copy();
    Object.assign(both.valuations[0]!, { date: '2023-01-23' });
    expect(() => loadValuation(both)).toThrow(/either a date or a window/);
    const neither = copy();
    delete neither.valuations[2]!.date;
    expect(() => loadValuation(neither)).toThrow(/either a date or a window/);
  });

  it('rejects valuations out of time order, and axis ends before the values they close', () => {
    const late = copy();
    late.valuations[2]!.date = '2023-02-01';
    expect(() => loadValuation(late)).toThrow(/must come after/);
    const early = copy();
    early.spring.end = '2025-03-01';
    expect(() => loadValuation(early)).toThrow(/axis ends/);
  });

  it('rejects an unknown fact id, naming it', () => {
    const bad = copy();
    bad.microsoft.fact = 'made-up';
    expect(() => loadValuation(bad)).toThrow(/made-up/);
  });
});

describe('scales()', () => {
  for (const layout of ['narrow', 'wide'] as const) {
    it(`scales(frame, since) start at zero and at the first window, and stretch for October 2025 (${layout})`, () => {
      const f = frame({ narrow: layout === 'narrow', ...LAYOUTS[layout] });
      const before = scales(f, false);
      const after = scales(f, true);
      expect(before.y(0)).toBe(f.bottom);
      expect(before.x('2023-01-01')).toBe(f.left);
      expect(before.ticks.at(-1)).toBe(data.reported.value);
      expect(after.ticks.at(-1)).toBe(data.since.value);
      // The spring step moves left and down on the stretched axes, but keeps its date and value.
      expect(after.x(dayOf(data.reported))).toBeLessThan(before.x(dayOf(data.reported)));
      expect((f.bottom - after.y(data.reported.value)) / (f.bottom - after.y(data.since.value))).toBeCloseTo(data.reported.value / data.since.value, 10);
    });
  }
});

describe('geometry(ctx)', () => {
  for (const layout of ['narrow', 'wide'] as const) {
    it(`geometry(ctx) puts each tread at a height proportional to its valuation, from zero (${layout})`, () => {
      const marks = geometry(ctxOf('the-jump', layout));
      const f = frame(ctxOf('the-jump', layout));
      const max = data.reported.value;
      for (const v of data.valuations) {
        const tread = get(marks, `tread-${v.key}`, 'line');
        expect((f.bottom - tread.y1) / (f.bottom - f.top), v.key).toBeCloseTo(v.value / max, 6);
      }
    });
  }

  it('geometry(ctx) draws a value without a day as a dashed riser inside a shaded window labelled with it, never as a point', () => {
    const marks = geometry(ctxOf('earlier-rounds'));
    const s = scales(frame(ctxOf('earlier-rounds')), false);
    const win = data.valuations[1]!;
    if (!('window' in win)) throw new Error('early 2024 has a window');
    const band = get(marks, 'band-early-2024', 'rect');
    expect(band.x).toBeCloseTo(s.x(win.window.from), 6);
    expect(band.x + band.width).toBeCloseTo(s.x(win.window.to), 6);
    const riser = get(marks, 'riser-early-2024', 'line');
    expect(riser.dashed).toBe(true);
    expect(riser.x1).toBeGreaterThan(band.x);
    expect(riser.x1).toBeLessThan(band.x + band.width);
    expect(get(marks, 'riser-oct-2024', 'line').dashed).toBeUndefined();
    expect(get(marks, 'date-early-2024', 'text').text).toBe('Anfang 2024');
  });

  it('geometry(ctx) shows the 2025 step only from the-jump on, rising on the round’s day just after the Ghibli line', () => {
    expect(has(geometry(ctxOf('earlier-rounds')), 'riser-spring-2025')).toBe(false);
    const marks = geometry(ctxOf('the-jump'));
    const s = scales(frame(ctxOf('the-jump')), false);
    const riser = get(marks, 'riser-spring-2025', 'line');
    const ghibli = get(marks, 'ghibli-line', 'line');
    expect(riser.x1).toBeCloseTo(s.x(data.announced.date), 6);
    expect(ghibli.x1).toBeCloseTo(s.x(data.ghibli.date), 6);
    expect(riser.x1).toBeGreaterThan(ghibli.x1);
    expect(riser.tone).toBe('accent');
    expect(get(marks, 'tread-oct-2024', 'line').tone).toBe('ink');
  });

  it('geometry(ctx) keeps the hedge on approximate values and shows the jump with its multiple', () => {
    const de = geometry(ctxOf('the-jump', 'wide', 'de'));
    expect(get(de, 'value-early-2023', 'text').text).toBe('rund 29\u00a0Mrd.\u00a0Dollar');
    expect(get(de, 'value-oct-2024', 'text').text).toBe('157\u00a0Mrd.\u00a0Dollar');
    expect(get(de, 'value-spring-2025', 'text').text).toBe('rund 300\u00a0Mrd.\u00a0Dollar');
    expect(get(de, 'jump-label', 'text').text).toBe('+143\u00a0Mrd.\u00a0Dollar');
    expect(get(de, 'jump-times', 'text').text).toBe('≈ 1,9-fach');
    const en = geometry(ctxOf('the-jump', 'narrow', 'en'));
    expect(get(en, 'value-early-2024', 'text').text).toBe('about 86');
  });

  it('geometry(ctx) stretches both axes in since-then and adds the October 2025 step in accent, the rest in ink', () => {
    const marks = geometry(ctxOf('since-then'));
    const s = scales(frame(ctxOf('since-then')), true);
    const riser = get(marks, 'riser-oct-2025', 'line');
    expect(riser.x1).toBeCloseTo(s.x(data.since.date), 6);
    expect(riser.y2).toBeCloseTo(s.y(data.since.value), 6);
    expect(get(marks, 'tread-spring-2025', 'line').y1).toBeCloseTo(s.y(data.reported.value), 6);
    expect(riser.tone).toBe('accent');
    expect(get(marks, 'riser-spring-2025', 'line').tone).toBe('ink');
  });

  for (const layout of ['narrow', 'wide'] as const) {
    it(`geometry(ctx) hatches Microsoft’s stake as not disclosed, beside a $13bn block on the same dollar scale (${layout})`, () => {
      const marks = geometry(ctxOf('what-microsoft-gets', layout, 'en'));
      const f = frame(ctxOf('what-microsoft-gets', layout));
      const hatching = get(marks, 'ms-hatch', 'path');
      expect(hatching.fill).toBeUndefined();
      expect(hatching.d.split('M').length).toBeGreaterThan(10);
      expect(marks.some((m) => m.kind === 'text' && m.text === 'NOT DISCLOSED')).toBe(true);
      const commit = get(marks, 'ms-commit', 'rect');
      const blockHeight = f.bottom - scales(f, false).y(data.reported.value);
      expect(commit.height / blockHeight).toBeCloseTo(data.microsoft.commitments / data.reported.value, 6);
      expect(get(marks, 'ms-commit-value', 'text').text).toBe('$13bn');
    });
  }

  it('geometry(ctx) draws the loop as four arcs with heads on one circle, the way into infrastructure in accent, tagged schematic', () => {
    const marks = geometry(ctxOf('feedback-loop'));
    const arcs = marks.filter((m): m is PathMark => m.kind === 'path' && m.key.startsWith('loop-arc-'));
    expect(arcs).toHaveLength(4);
    expect(arcs.filter((a) => a.tone === 'accent').map((a) => a.key)).toEqual(['loop-arc-build']);
    const c = loopCircle(ctxOf('feedback-loop'));
    for (const [x, y] of loopArc(c, 0, 11)) expect(Math.hypot(x - c.cx, y - c.cy)).toBeCloseTo(c.r, 6);
    expect(marks.some((m) => m.kind === 'text' && m.text === 'SCHEMATISCH')).toBe(true);
  });

  it('geometry(ctx) tags the staircase as context and gives each state its own headline', () => {
    const heads = new Set<string>();
    for (const state of figure.states as readonly State[]) {
      const marks = geometry(ctxOf(state));
      heads.add(marks.filter((m): m is TextMark => m.key.startsWith('headline-') && m.kind === 'text').map((m) => m.text).join(' '));
      if (state !== 'what-microsoft-gets' && state !== 'feedback-loop') expect(marks.some((m) => m.kind === 'text' && m.text === 'KONTEXT'), state).toBe(true);
    }
    expect(heads.size).toBe(figure.states.length);
  });
});

describe('table()', () => {
  it('table() shows the arithmetic of every derived number and marks the loop schematic', () => {
    const rows = figure.table('de');
    const derived = rows.filter((r) => r.derived);
    expect(derived.map((r) => r.derived)).toEqual(['300 − 157 = 143', '300 ÷ 157 ≈ 1,9']);
    expect(rows.find((r) => r.fact === 'feedback-loop')?.schematic).toBe(true);
    expect(rows.find((r) => r.fact === 'ms-13bn-disclosed' && r.raw === null)?.value).toBe('nicht offengelegt');
  });
});

describe('the figure', () => {
  it('names the facts of each state on its source line, the summary among them', () => {
    expect(figure.stateSources?.[SUMMARY]).toContain('valuation-300');
    expect(figure.stateSources?.['what-microsoft-gets']).toContain('ms-13bn-disclosed');
    expect(figure.stateSources?.['since-then']).toContain('since-valuation-500');
    expect(figure.keyState).toBe('the-jump');
  });
});
