import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/symbiosis.json';
import type { Lang } from '../../i18n/lang';
import type { Mark, PathMark, RectMark, TextMark } from '../marks';
import { commitments, data, loadSymbiosis, parseMonthDate, yearPosition } from './data';
import { arrow, commitmentScale, eventDate, frame, geometry, timelineScale } from './geometry';
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

  it('rejects a right of first refusal that ends on another day than the October 2025 agreement', () => {
    const bad = clone();
    bad.rofr.ended = '2025-10-27';
    expect(() => loadSymbiosis(bad)).toThrow(/rofr\.ended/);
  });

  it('rejects a stake that is not a share between 0 and 100', () => {
    const bad = clone();
    bad.since.deal.stakePct = 127;
    expect(() => loadSymbiosis(bad)).toThrow(/stakePct/);
  });

  it('rejects a new supplier that is not one of the rivals', () => {
    const bad = clone();
    bad.since.aws.rival = 'Oracle';
    expect(() => loadSymbiosis(bad)).toThrow(/Oracle/);
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
        const showsContext = state !== 'products' && state !== 'the-loop';
        expect(t.includes(word), `${lang}/${state}`).toBe(showsContext);
      }
    }
  });

  it('puts only amounts from the sheet on the figure, each in the state that is about it', () => {
    const allowed: Record<string, number[]> = {
      money: [1, 13],
      compute: [],
      products: [],
      'the-loop': [],
      'since-2025': [13, 250, 38, 135],
      summary: [13, 250, 38],
    };
    for (const lang of ['de', 'en'] as const) {
      for (const state of states) {
        const amounts = texts(marksOf(state, figure.layouts.wide, lang))
          .flatMap((m) => [...m.text.matchAll(/(\d+(?:[.,]\d+)?)\s*(?:Mrd\.|bn)/g)].map((x) => Number((x[1] ?? '').replace(',', '.'))));
        for (const a of amounts) expect(allowed[state], `${lang}/${state}`).toContain(a);
      }
    }
    const money = texts(marksOf('money', figure.layouts.wide, 'en')).map((m) => m.text);
    expect(money).toContain('$1bn');
    expect(money.some((t) => t.includes('$13bn') && t.includes('Microsoft'))).toBe(true);
  });

  it('writes billions as "13\u00a0Mrd.\u00a0Dollar" and "$13bn", never "Mrd. $" or "Milliarden Dollar"', () => {
    const de = texts(marksOf('since-2025', figure.layouts.wide, 'de')).map((m) => m.text).join(' ');
    expect(de).toContain('250\u00a0Mrd.\u00a0Dollar');
    expect(de).not.toMatch(/Mrd\.\s*\$|Milliarden Dollar/);
    const en = texts(marksOf('since-2025', figure.layouts.wide, 'en')).map((m) => m.text).join(' ');
    expect(en).toContain('$250bn');
  });

  it('draws data bars only in the since-2025 state, from one zero line on one scale', () => {
    for (const state of states) {
      const bars = marksOf(state).filter((m): m is RectMark => m.kind === 'rect' && m.key.startsWith('bar-'));
      expect(bars.length, state).toBe(state === 'since-2025' ? 3 : 0);
      // Elsewhere the rects are cards, chips and the users node: a schematic.
      for (const r of marksOf(state).filter((m): m is RectMark => m.kind === 'rect' && !m.key.startsWith('bar-'))) {
        expect(r.key, state).toMatch(/^(card-|chip-|rival-|users-node)/);
      }
    }
    for (const layout of LAYOUTS) {
      const f = frame(layout.width, layout.height);
      const bars = marksOf('since-2025', layout).filter((m): m is RectMark => m.kind === 'rect' && m.key.startsWith('bar-'));
      const amounts = commitments(data).map((c) => c.amountBn);
      expect(amounts).toEqual([13, 250, 38]);
      for (const b of bars) expect(b.x).toBe(f.left);
      // One scale: pixels per billion are the same for every bar, and $250bn spans the full width.
      const perBn = bars.map((b, i) => b.width / (amounts[i] ?? 1));
      for (const p of perBn) expect(p).toBeCloseTo(perBn[0] ?? 0, 6);
      expect(bars[1]?.width).toBeCloseTo(f.right - f.left);
      expect(commitmentScale(data, f)(0)).toBe(0);
    }
  });

  it('turns AWS into a supplier (solid accent arrow) only after the article', () => {
    const aws = (state: string) => byKey(marksOf(state), 'rival-0-arrow') as { dashed?: boolean; tone: string } | undefined;
    expect(aws('compute')?.dashed).toBe(true);
    expect(aws('since-2025')?.dashed).toBeUndefined();
    expect(aws('since-2025')?.tone).toBe('accent');
    const google = byKey(marksOf('since-2025'), 'rival-1-arrow') as { dashed?: boolean } | undefined;
    expect(google?.dashed).toBe(true);
  });

  it('draws the investment timeline only in the money state', () => {
    for (const state of states) {
      const dots = marksOf(state).filter((m) => m.kind === 'circle');
      expect(dots.length, state).toBe(state === 'money' ? data.investments.length : 0);
    }
  });

  it('changes the note under the compute arrow from "exklusiv" to the end of the first-refusal right, dated', () => {
    const compute = byKey(marksOf('compute'), 'compute-note') as TextMark | undefined;
    const since = byKey(marksOf('since-2025'), 'compute-note') as TextMark | undefined;
    expect(compute?.text).toBe('exklusiv');
    expect(since?.text).toBe('kein Vorrecht');
    expect(texts(marksOf('compute')).some((m) => m.text.startsWith('Januar–Oktober 2025'))).toBe(true);
    expect(texts(marksOf('since-2025')).some((m) => m.text.includes('28. Oktober 2025'))).toBe(true);
    expect(texts(marksOf('since-2025', figure.layouts.wide, 'en')).some((m) => m.text.includes('28 October 2025'))).toBe(true);
    for (const lang of ['de', 'en'] as const) {
      for (const state of states) {
        for (const m of texts(marksOf(state, figure.layouts.wide, lang))) expect(m.text, `${lang}/${state}`).not.toMatch(/Vorkaufsrecht|heute|today/i);
      }
    }
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
