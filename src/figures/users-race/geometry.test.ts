import { describe, expect, it } from 'vitest';
import type { Mark, RectMark, TextMark } from '../marks';
import { loadUsersRace, data } from './data';
import { frame, geometry, xScale } from './geometry';
import { stateFor, states } from './states';
import raw from '../../../content/data/users-race.json';

const WIDE = { width: 640, height: 340 };
const NARROW = { width: 340, height: 320 };
const get = <K extends Mark['kind']>(marks: Mark[], key: string, kind: K) => {
  const m = marks.find((x) => x.key === key);
  if (!m || m.kind !== kind) throw new Error(`no ${kind} ${key}`);
  return m as Extract<Mark, { kind: K }>;
};

describe('users-race data', () => {
  it('loadUsersRace() derives 120 hours, the 120× speed-up and the per-second rates', () => {
    expect(data.hours2022).toBe(5 * 24);
    expect(data.speedup).toBe(120);
    expect(Math.round(data.perSecond2022 * 10) / 10).toBe(2.3);
    expect(Math.round(data.perSecond2025)).toBe(278);
  });

  it('loadUsersRace() derives the million as 0.2 % of the 500 million weekly users of March 2025', () => {
    expect(data.weekly.map((w) => w.millions)).toEqual([500, 800]);
    expect(data.baseShare).toBeCloseTo(0.2, 10);
  });

  it('loadUsersRace() rejects weekly users out of order or without an ISO date', () => {
    expect(() => loadUsersRace({ ...raw, weekly: [...raw.weekly].reverse() })).toThrow(/march-2025, then october-2025/);
    const [march, october] = raw.weekly;
    const undated = [{ ...march!, date: 'March 2025' }, october!];
    expect(() => loadUsersRace({ ...raw, weekly: undated })).toThrow(/ISO date/);
  });

  it('loadUsersRace() rejects an unknown fact id', () => {
    const bad = { ...raw, users: { ...raw.users, fact: 'made-up' } };
    expect(() => loadUsersRace(bad)).toThrow(/made-up/);
  });

  it('loadUsersRace() rejects a 2025 duration that is not shorter than 2022', () => {
    const bad = { ...raw, hours2025: { ...raw.hours2025, value: 500 } };
    expect(() => loadUsersRace(bad)).toThrow(/shorter/);
  });
});

describe('users-race states', () => {
  it('stateFor() keeps known ids and falls back to the first state', () => {
    expect(stateFor('one-hour')).toBe('one-hour');
    expect(stateFor('<img src=x>')).toBe(states[0]);
    expect(stateFor(null)).toBe(states[0]);
  });
});

describe('users-race geometry', () => {
  it('xScale() maps 0 to the left margin and the maximum to the right edge', () => {
    const f = frame(WIDE.width, WIDE.height);
    const x = xScale(120, f);
    expect(x(0)).toBe(f.left);
    expect(x(120)).toBe(f.right);
  });

  it('frame() puts row labels above the bars on narrow screens', () => {
    expect(frame(NARROW.width, NARROW.height).narrow).toBe(true);
    expect(frame(WIDE.width, WIDE.height).narrow).toBe(false);
  });

  for (const size of [WIDE, NARROW]) {
    const at = (state: string, lang: 'de' | 'en' = 'de') => geometry({ state, lang, ...size });

    it(`geometry() at ${size.width}px: the one-hour bar is 1/120 of the five-day bar on the same axis`, () => {
      const m = at('one-hour');
      const b22 = get(m, 'bar-2022', 'rect');
      const b25 = get(m, 'bar-2025', 'rect');
      expect(b25.x).toBe(b22.x);
      expect(b22.width / b25.width).toBeCloseTo(120, 6);
    });

    it(`geometry() at ${size.width}px: five-days hides the 2025 bar`, () => {
      const b25 = get(at('five-days'), 'bar-2025', 'rect');
      expect(b25.opacity).toBe(0);
      expect(b25.width).toBe(0);
    });

    it(`geometry() at ${size.width}px: per-second bars keep the 120:1 ratio, reversed`, () => {
      const m = at('per-second');
      const b22 = get(m, 'bar-2022', 'rect');
      const b25 = get(m, 'bar-2025', 'rect');
      expect(b25.width / b22.width).toBeCloseTo(120, 6);
    });

    it(`geometry() at ${size.width}px: app metrics start at zero and scale linearly`, () => {
      const m = at('app-metrics');
      const bars = ['downloads', 'wau', 'revenue'].map((k) => get(m, `metric-${k}-bar`, 'rect') as RectMark);
      const f = frame(size.width, size.height);
      for (const b of bars) expect(b.x).toBe(f.left);
      const [dl, wau] = bars;
      expect((dl?.width ?? 0) / (wau?.width ?? 1)).toBeCloseTo(11 / 5, 6);
    });
  }

  for (const size of [WIDE, NARROW]) {
    for (const lang of ['de', 'en'] as const) {
      const texts = (state: string) =>
        geometry({ state, lang, ...size })
          .filter((m): m is TextMark => m.kind === 'text' && m.opacity !== 0)
          .map((m) => m.text);
      const context = lang === 'de' ? 'Kontext' : 'Context';

      it(`geometry() at ${size.width}px (${lang}): since-then draws weekly users from zero on one linear scale`, () => {
        const m = geometry({ state: 'since-then', lang, ...size });
        const f = frame(size.width, size.height);
        const march = get(m, 'weekly-march-2025-bar', 'rect');
        const october = get(m, 'weekly-october-2025-bar', 'rect');
        expect(march.x).toBe(f.left);
        expect(october.x).toBe(f.left);
        expect(october.width / march.width).toBeCloseTo(800 / 500, 6);
        expect(get(m, 'tick-weekly-0-line', 'line').x1).toBe(f.left);
        expect(m.some((x) => x.key === 'bar-2025')).toBe(false);
      });

      it(`geometry() at ${size.width}px (${lang}): since-then is dated and labelled as context`, () => {
        const t = texts('since-then');
        expect(t).toContain(context);
        expect(t.join(' ')).toContain(lang === 'de' ? '6. Oktober 2025' : '6 October 2025');
        expect(t.join(' ')).toContain(lang === 'de' ? '31. März 2025' : '31 March 2025');
      });

      it(`geometry() at ${size.width}px (${lang}): one-hour says the million came on top of the weekly base, with the arithmetic`, () => {
        const t = texts('one-hour');
        expect(t).toContain(context);
        expect(t.join(' ')).toMatch(lang === 'de' ? /÷ 500\u00a0Mio\. = 0,2\u00a0%/ : /÷ 500m = 0\.2%/);
      });
    }
  }

  it('geometry() writes German and English numbers in the per-second labels', () => {
    const de = get(geometry({ state: 'per-second', lang: 'de', ...WIDE }), 'value-2022', 'text') as TextMark;
    const en = get(geometry({ state: 'per-second', lang: 'en', ...WIDE }), 'value-2022', 'text') as TextMark;
    expect(de.text).toContain('2,3');
    expect(en.text).toContain('2.3');
  });

  it('geometry() shows the arithmetic of the derived rates in the per-second state', () => {
    const texts = geometry({ state: 'per-second', lang: 'de', ...WIDE })
      .filter((m): m is TextMark => m.kind === 'text')
      .map((m) => m.text)
      .join(' ');
    expect(texts).toContain('432.000');
    expect(texts).toContain('3.600');
  });
});
