import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/users-race.json';
import type { Lang } from '../../i18n/lang';
import { LAYOUTS, tagText, textContext } from '../kit';
import { markBox } from '../kit/bounds';
import type { Mark, TextMark } from '../marks';
import type { LayoutName } from '../types';
import { data, loadUsersRace, strings, type State, type UsersRaceData } from './data';
import { countAt, dotPath, prefixEnds, WINDOW_SECONDS } from './field';
import { geometry, hourGrid, type Ctx } from './geometry';
import { figure } from './index';

const LAYOUT_NAMES: LayoutName[] = ['narrow', 'wide'];
const LANGS: Lang[] = ['de', 'en'];

function ctxFor(state: State, layout: LayoutName, lang: Lang = 'de'): Ctx {
  return { ...textContext(strings, lang), state, layout, narrow: layout === 'narrow', ...LAYOUTS[layout] };
}
const draw = (state: State, layout: LayoutName, lang: Lang = 'de', d: UsersRaceData = data) => geometry(ctxFor(state, layout, lang), d);

function get<K extends Mark['kind']>(marks: Mark[], key: string, kind: K): Extract<Mark, { kind: K }> {
  const m = marks.find((x) => x.key === key);
  if (!m || m.kind !== kind) throw new Error(`no ${kind} ${key}`);
  return m as Extract<Mark, { kind: K }>;
}
const texts = (marks: Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text').map((m) => m.text);
/** Squares in a path of closed squares (each starts with a move). */
const squares = (d: string) => (d.match(/[Mm]/g) ?? []).length;

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
    expect(() => loadUsersRace({ ...raw, weekly: [{ ...march!, date: 'March 2025' }, october!] })).toThrow(/ISO date/);
  });

  it('loadUsersRace() rejects an unknown fact id and a 2025 duration not shorter than 2022', () => {
    expect(() => loadUsersRace({ ...raw, users: { ...raw.users, fact: 'made-up' } })).toThrow(/made-up/);
    expect(() => loadUsersRace({ ...raw, hours2025: { ...raw.hours2025, value: 500 } })).toThrow(/shorter/);
  });
});

describe('users-race field', () => {
  const grid = { x: 8, y: 40, cols: 9, pitch: 3, size: 2 };

  it('countAt(rate, seconds) counts whole people and holds at the end of the window', () => {
    expect(countAt(data.perSecond2022, WINDOW_SECONDS)).toBe(23);
    expect(countAt(data.perSecond2025, WINDOW_SECONDS)).toBe(2778);
    expect(countAt(data.perSecond2025, 60)).toBe(2778);
    expect(countAt(data.perSecond2025, -1)).toBe(0);
  });

  it('prefixEnds(dotPath(grid, n)) cuts the still after any dot into the path of that many dots', () => {
    const still = dotPath(grid, 25);
    const ends = prefixEnds(still);
    expect(ends).toHaveLength(25);
    for (const n of [1, 8, 9, 10, 25]) expect(still.slice(0, ends[n - 1])).toBe(dotPath(grid, n));
  });

  it('dotPath(grid, n) fills rows of cols dots from the top left, each dot size × size', () => {
    const box = markBox({ kind: 'path', key: 'f', tone: 'accent', d: dotPath(grid, 19), fill: true })!;
    expect(box).toEqual({ x: 8, y: 40, width: 8 * 3 + 2, height: 2 * 3 + 2 });
  });
});

describe('users-race geometry', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`geometry(ctx) draws 2022's five days as 120 hour squares and 2025's hour as one square of their size (${layout})`, () => {
      for (const state of ['one-hour', 'summary'] as const) {
        const marks = draw(state, layout);
        const g = hourGrid(ctxFor(state, layout));
        expect(squares(get(marks, 'hours-2022', 'path').d)).toBe(120);
        const hour = get(marks, 'hour-2025', 'rect');
        expect([hour.width, hour.height]).toEqual([g.cell, g.cell]);
      }
      // Five days: the hours alone, in the accent; the single hour has not come yet.
      const first = draw('five-days', layout);
      expect(get(first, 'hours-2022', 'path').tone).toBe('accent');
      expect(first.some((m) => m.key === 'hour-2025')).toBe(false);
    });

    it(`geometry(ctx) shows the squares big enough to see one hour (${layout})`, () => {
      const g = hourGrid(ctxFor('one-hour', layout));
      expect(g.cell).toBeGreaterThanOrEqual(8);
      expect(g.width * g.height).toBeGreaterThan(0.2 * LAYOUTS[layout].width * LAYOUTS[layout].height);
    });

    it(`geometry(ctx) fills 2022's field with 23 dots and 2025's with 2,778, ten seconds at each rate (${layout})`, () => {
      const marks = draw('per-second', layout);
      const small = prefixEnds(get(marks, 'field-2022', 'path').d).length;
      const large = prefixEnds(get(marks, 'field-2025', 'path').d).length;
      expect([small, large]).toEqual([countAt(data.perSecond2022, WINDOW_SECONDS), countAt(data.perSecond2025, WINDOW_SECONDS)]);
      expect(large / small).toBeCloseTo(data.speedup, -1);
    });

    for (const lang of LANGS) {
      it(`geometry(ctx) writes each field's count as the number of its dots and says one dot is one new user (${layout}, ${lang})`, () => {
        const marks = draw('per-second', layout, lang);
        const { num, say } = textContext(strings, lang);
        for (const year of ['2022', '2025']) {
          expect(get(marks, `count-${year}`, 'text').text).toBe(num(prefixEnds(get(marks, `field-${year}`, 'path').d).length));
        }
        expect(texts(marks)).toContain(say('field.legend'));
        expect(texts(marks)).toContain(tagText('simulation', lang));
      });

      it(`geometry(ctx) dates the weekly users, hedges the 500 million and tags them as context (${layout}, ${lang})`, () => {
        const t = texts(draw('since-then', layout, lang)).join(' ');
        const { date, num, say } = textContext(strings, lang);
        expect(t).toContain(date('2025-03-31'));
        expect(t).toContain(date('2025-10-06'));
        expect(t).toContain(say('weekly.hedged', { n: num(500) }));
        expect(t).toContain(tagText('context', lang));
      });
    }

    it(`geometry(ctx) draws app metrics and weekly users as bars from zero, proportional to their values (${layout})`, () => {
      const metrics = draw('app-metrics', layout);
      const [dl, wau, rev] = ['downloads', 'wau', 'revenue'].map((k) => get(metrics, `metric-${k}-bar`, 'rect'));
      expect(new Set([dl!.x, wau!.x, rev!.x]).size).toBe(1);
      expect(get(metrics, 'metric-tick-0', 'line').x1).toBe(dl!.x);
      expect(dl!.width / wau!.width).toBeCloseTo(11 / 5, 6);
      expect(rev!.width / wau!.width).toBeCloseTo(6 / 5, 6);
      const weekly = draw('since-then', layout);
      const march = get(weekly, 'weekly-march-2025-bar', 'rect');
      const october = get(weekly, 'weekly-october-2025-bar', 'rect');
      expect(october.x).toBe(march.x);
      expect(october.width / march.width).toBeCloseTo(800 / 500, 6);
    });

    it(`geometry(ctx) takes the bar axis from the data: larger values stay inside the figure (${layout})`, () => {
      const big = { ...data, metrics: data.metrics.map((m) => ({ ...m, change: m.change * 9 })) };
      const marks = draw('app-metrics', layout, 'de', big);
      const bar = get(marks, 'metric-downloads-bar', 'rect');
      expect(bar.x + bar.width).toBeLessThanOrEqual(LAYOUTS[layout].width);
      const ticks = marks.filter((m) => m.kind === 'text' && m.key.startsWith('metric-tick-')).map((m) => (m as TextMark).text);
      expect(ticks.at(-1)).toMatch(/^100/);
    });
  }

  it('geometry(ctx) says on the wide one-hour state that the million came on top of 500 million weekly users, with the arithmetic', () => {
    expect(texts(draw('one-hour', 'wide', 'de')).join(' ')).toMatch(/1\u00a0Mio\. ÷ 500\u00a0Mio\. = 0,2\u00a0%/);
    expect(texts(draw('one-hour', 'wide', 'en')).join(' ')).toMatch(/1m ÷ 500m = 0\.2%/);
  });

  it('geometry(ctx) shows the arithmetic of the derived rates on the wide per-second state', () => {
    const t = texts(draw('per-second', 'wide', 'de')).join(' ');
    expect(t).toContain('432.000');
    expect(t).toContain('3.600');
  });

  it('alt() says the counts of per-second in words, and the summary the ratio', () => {
    expect(figure.alt('per-second', 'de')).toContain('2.778');
    expect(figure.alt('per-second', 'en')).toContain('2,778');
    expect(figure.alt('summary', 'en')).toContain('120 times');
  });
});
