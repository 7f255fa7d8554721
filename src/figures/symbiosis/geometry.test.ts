import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/symbiosis.json';
import type { Lang } from '../../i18n/lang';
import type { Mark, PathMark, RectMark, TextMark } from '../marks';
import { data, loadSymbiosis, parseMonthDate, yearPosition } from './data';
import { arrow, eventDate, frame, geometry, timelineScale } from './geometry';
import { states } from './states';
import { figure } from './index';

const LAYOUTS = [figure.layouts.narrow, figure.layouts.wide];
const marksOf = (state: string, layout = figure.layouts.wide, lang: Lang = 'de') =>
  geometry({ state, width: layout.width, height: layout.height, lang });
const byKey = (marks: Mark[], key: string) => marks.find((m) => m.key === key);
const texts = (marks: Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text' && (m.opacity ?? 1) > 0);

/** Flows drawn in the chapter accent in a state. */
function accentFlows(marks: Mark[]): string[] {
  return marks
    .filter((m): m is PathMark => m.kind === 'path' && /^flow-.*-line$/.test(m.key) && m.tone === 'accent' && (m.opacity ?? 1) > 0)
    .map((m) => m.key.replace(/^flow-|-line$/g, ''))
    .sort();
}

describe('loadSymbiosis()', () => {
  const clone = () => structuredClone(raw);

  it('reads the committed file with its three investments in order', () => {
    expect(data.investments.map((i) => i.year)).toEqual([2019, 2021, 2023]);
    expect(data.investments[1]?.month).toBeNull();
  });

  it('rejects an unknown fact id', () => {
    const bad = clone();
    bad.cloud.fact = 'no-such-fact';
    expect(() => loadSymbiosis(bad)).toThrow(/no-such-fact/);
  });

  it('rejects an amount invented for a round the sheet gives no amount for', () => {
    const bad = clone();
    const round = bad.investments[1];
    if (round) (round as { amountBn: number | null }).amountBn = 2;
    expect(() => loadSymbiosis(bad)).toThrow(/described/);
  });

  it('rejects a total smaller than the known amounts', () => {
    const bad = clone();
    bad.total.amountBn = 0.5;
    expect(() => loadSymbiosis(bad)).toThrow(/total/);
  });

  it('rejects investments out of chronological order', () => {
    const bad = clone();
    bad.investments.reverse();
    expect(() => loadSymbiosis(bad)).toThrow(/chronological/);
  });

  it('rejects a malformed date', () => {
    const bad = clone();
    const first = bad.investments[0];
    if (first) first.date = '2019-13';
    expect(() => loadSymbiosis(bad)).toThrow(/YYYY/);
  });
});

describe('parseMonthDate() and yearPosition()', () => {
  it('puts a known month in its middle and a bare year in the middle of the year', () => {
    expect(parseMonthDate('2023-01')).toEqual({ year: 2023, month: 1 });
    expect(yearPosition({ year: 2023, month: 1 })).toBeCloseTo(2023 + 0.5 / 12);
    expect(yearPosition({ year: 2021, month: null })).toBe(2021.5);
    expect(yearPosition({ year: 2019, month: 7 })).toBeGreaterThan(2019.5);
  });
});

describe('eventDate()', () => {
  it('names the month where the sheet has one, and only the year otherwise', () => {
    expect(eventDate({ year: 2019, month: 7 }, 'de')).toBe('Juli 2019');
    expect(eventDate({ year: 2019, month: 7 }, 'en')).toBe('July 2019');
    expect(eventDate({ year: 2021, month: null }, 'de')).toBe('2021');
  });
});

describe('arrow()', () => {
  it('ends the head at the last point and stops the line at the head\'s base', () => {
    const a = arrow([[10, 50], [110, 50]], 8);
    expect(a.head.startsWith('M110,50')).toBe(true);
    expect(a.line).toBe('M10,50L102,50');
  });

  it('points the head along the last segment of an elbow', () => {
    const a = arrow([[0, 100], [50, 100], [50, 20]], 10);
    // Heading up: the base sits 10 below the tip, the two corners either side of x = 50.
    expect(a.line.endsWith('L50,30')).toBe(true);
    const nums = (a.head.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    const corners = [nums.slice(2, 4), nums.slice(4, 6)].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(corners).toEqual([[44, 30], [56, 30]]);
  });
});

describe('frame()', () => {
  for (const { width, height } of LAYOUTS) {
    it(`keeps the two cards apart and the users' route inside the box at ${width} px`, () => {
      const f = frame(width, height);
      expect(f.ms.x + f.ms.w).toBeLessThan(f.oai.x - 60);
      expect(f.routeX).toBeGreaterThan(f.oai.x + f.oai.w);
      expect(f.routeX).toBeLessThan(width);
      expect(f.users.cy - f.users.h / 2).toBeGreaterThan(f.ms.y + f.ms.h);
      expect(f.panelY).toBeGreaterThan(f.users.cy + f.users.h / 2);
    });

    it(`stacks the flows top to bottom inside the cards at ${width} px`, () => {
      const f = frame(width, height);
      const ys = [f.moneyY, f.computeY, f.returnY, f.modelsY];
      expect([...ys].sort((a, b) => a - b)).toEqual(ys);
      expect(f.moneyY).toBeGreaterThan(f.ms.y);
      expect(f.modelsY).toBeLessThan(f.ms.y + f.ms.h);
    });
  }
});

describe('timelineScale()', () => {
  it('places the investments left to right in date order, inside the timeline', () => {
    const f = frame(figure.layouts.narrow.width, figure.layouts.narrow.height);
    const x = timelineScale(data.investments, f);
    const xs = data.investments.map((inv) => x(yearPosition(inv)));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    for (const v of xs) {
      expect(v).toBeGreaterThanOrEqual(f.timeline[0]);
      expect(v).toBeLessThanOrEqual(f.timeline[1]);
    }
    // Equal time, equal distance: 2019 → 2021 spans two years, so twice the pixels of one year.
    expect(x(2021) - x(2019)).toBeCloseTo(2 * (x(2020) - x(2019)));
  });
});

describe('geometry()', () => {
  it('draws in the accent exactly the flow each step is about', () => {
    const expected: Record<string, string[]> = {
      money: ['money'],
      compute: ['compute'],
      products: ['models'],
      'the-loop': ['back'],
      'since-2025': ['compute'],
      summary: ['back', 'compute', 'models', 'money'],
    };
    for (const state of states) expect(accentFlows(marksOf(state)), state).toEqual(expected[state]);
  });

  it('shows the users and their return flows only in the loop and the summary', () => {
    for (const state of states) {
      const node = byKey(marksOf(state), 'users-node');
      const visible = (node?.opacity ?? 1) > 0;
      expect(visible, state).toBe(state === 'the-loop' || state === 'summary');
    }
  });

  it('says "Schematisch" on every state and labels context where context shows', () => {
    for (const lang of ['de', 'en'] as const) {
      const word = lang === 'de' ? 'Kontext' : 'Context';
      for (const state of states) {
        const t = texts(marksOf(state, figure.layouts.narrow, lang)).map((m) => m.text);
        expect(t, state).toContain(lang === 'de' ? 'Schematisch' : 'Schematic');
        const showsContext = state === 'money' || state === 'since-2025' || state === 'summary';
        expect(t.includes(word), `${lang}/${state}`).toBe(showsContext);
      }
    }
  });

  it('puts only the $1 bn and the ≈ $13 bn on the figure as amounts, and no bar for unknown rounds', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const state of states) {
        const marks = marksOf(state, figure.layouts.wide, lang);
        const amounts = texts(marks)
          .flatMap((m) => [...m.text.matchAll(/(\d+(?:[.,]\d+)?)\s*(?:Mrd\.|bn)/g)].map((x) => Number((x[1] ?? '').replace(',', '.'))));
        for (const a of amounts) expect([1, 13], `${lang}/${state}`).toContain(a);
        // A schematic: no data bars anywhere (rects are cards, chips, tags and the users node).
        const rects = marks.filter((m): m is RectMark => m.kind === 'rect');
        for (const r of rects) expect(r.key, state).toMatch(/^(card-|chip-|rival-|users-node)/);
      }
    }
    const money = texts(marksOf('money', figure.layouts.wide, 'en')).map((m) => m.text);
    expect(money).toContain('$1bn');
    expect(money.some((t) => t.includes('$13bn') && t.includes('widely reported'))).toBe(true);
  });

  it('draws the investment timeline only in the money state', () => {
    for (const state of states) {
      const dots = marksOf(state).filter((m) => m.kind === 'circle');
      expect(dots.length, state).toBe(state === 'money' ? data.investments.length : 0);
    }
  });

  it('changes the note under the compute arrow from "exklusiv" to the right of first refusal', () => {
    const compute = byKey(marksOf('compute'), 'compute-note') as TextMark | undefined;
    const since = byKey(marksOf('since-2025'), 'compute-note') as TextMark | undefined;
    expect(compute?.text).toBe('exklusiv');
    expect(since?.text).toBe('Vorkaufsrecht');
    expect(texts(marksOf('since-2025')).some((m) => m.text.includes('21. Januar 2025'))).toBe(true);
  });

  it('lines the rival chips up above OpenAI without overlap, the last flush with the card', () => {
    for (const { width, height } of LAYOUTS) {
      const f = frame(width, height);
      const chips = geometry({ state: 'compute', width, height, lang: 'en' })
        .filter((m): m is RectMark => m.kind === 'rect' && /^rival-\d+-chip$/.test(m.key))
        .sort((a, b) => a.x - b.x);
      expect(chips.length).toBe(data.rivals.length);
      for (let i = 1; i < chips.length; i++) {
        const a = chips[i - 1];
        const b = chips[i];
        if (a && b) expect(a.x + a.width).toBeLessThan(b.x);
      }
      const last = chips.at(-1);
      expect(last && last.x + last.width).toBeCloseTo(f.oai.x + f.oai.w);
      for (const c of chips) expect(c.y + c.height).toBeLessThan(f.oai.y);
    }
  });
});
