import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/gpu-bottleneck.json';
import { checkLayout } from '../kit/bounds';
import { LAYOUTS, textContext } from '../kit';
import type { Mark, PathMark, RectMark, TextMark } from '../marks';
import { data, loadGpuBottleneck, strings } from './data';
import { BUTTON_STATE, flowConfig, geometry, rejectedAfter, STILLS, type Ctx, type GpuState } from './geometry';
import { arrivalEvery, BASE, census, createPlan, doubledFrom, paths, rates, SEED, SIM, stills, turnedAway } from './simulation';

const ctxOf = (state: GpuState, layout: 'narrow' | 'wide' = 'wide', lang: 'de' | 'en' = 'en'): Ctx => ({
  ...textContext(strings, lang),
  state,
  layout,
  narrow: layout === 'narrow',
  ...LAYOUTS[layout],
});
const draw = (state: GpuState, layout: 'narrow' | 'wide' = 'wide', lang: 'de' | 'en' = 'en') => geometry(ctxOf(state, layout, lang));
const get = <K extends Mark['kind']>(marks: Mark[], key: string, kind: K) => {
  const m = marks.find((x) => x.key === key);
  if (!m || m.kind !== kind) throw new Error(`no ${kind} ${key}`);
  return m as Extract<Mark, { kind: K }>;
};
/** Dots in a path drawn by paths(): each dot is one "M" and two arcs. */
const dots = (d: string) => (d.match(/M/g) ?? []).length;
/** What a reader sees of paths(): the accent dots and the muted ones, wherever each group draws them. */
const seen = (p: ReturnType<typeof paths>) => ({
  accent: (p.moving + p.queued + p.served).split('M').filter(Boolean).sort(),
  muted: (p.rejected + p.piled).split('M').filter(Boolean).sort(),
});

describe('the simulation', () => {
  it('createPlan(seed) draws the same requests for the same seed, and others for another', () => {
    const a = createPlan(SEED);
    const b = createPlan(SEED);
    expect(Array.from(b.arrive)).toEqual(Array.from(a.arrive));
    expect(Array.from(createPlan(SEED + 1).arrive.slice(0, 20))).not.toEqual(Array.from(a.arrive.slice(0, 20)));
  });

  it('createPlan(seed, doubledFrom(t)) changes nothing before t, so pressing the button never makes the picture jump', () => {
    const t = STILLS.limit;
    const base = createPlan(SEED);
    const doubled = createPlan(SEED, doubledFrom(t));
    const layout = flowConfig('en').layouts['wide']!.flow;
    for (const tick of [t - 300, t - 60, t - 1, t]) expect(seen(paths(doubled, layout, tick))).toEqual(seen(paths(base, layout, tick)));
    expect(seen(paths(doubled, layout, t + 120))).not.toEqual(seen(paths(base, layout, t + 120)));
  });

  it('arrivalEvery(t) makes demand rise from below the pool\'s capacity to above it, but below twice the pool', () => {
    const calm = rates(BASE, 0);
    const peak = rates(BASE, SIM.horizon);
    expect(calm.demand).toBeLessThan(calm.capacity);
    expect(peak.demand).toBeGreaterThan(peak.capacity);
    expect(peak.demand).toBeLessThan(rates(doubledFrom(0), 0).capacity);
    expect(arrivalEvery(SIM.horizon)).toBeLessThan(arrivalEvery(0));
  });

  it('stills(seed) finds a rising moment with a queue and nobody turned away, then a full queue with rejections', () => {
    const plan = createPlan(SEED);
    const rising = census(plan, STILLS.rising);
    expect(rising.rejected).toBe(0);
    expect(rising.queued).toBeGreaterThan(0);
    expect(rising.served).toBe(SIM.gpus);
    const limit = census(plan, STILLS.limit);
    expect(limit.queued).toBe(SIM.queueSlots);
    expect(limit.rejected).toBeGreaterThan(0);
    expect(limit.falling).toBeGreaterThan(0);
    expect(stills(SEED)).toEqual(STILLS);
  });

  it('turnedAway(plan, t) climbs on the base pool and stops once the pool is doubled', () => {
    const after = rejectedAfter();
    expect(after.without).toBeGreaterThan(10);
    expect(after.with).toBe(0);
    const doubled = createPlan(SEED, doubledFrom(STILLS.limit));
    expect(turnedAway(doubled, SIM.horizon)).toBe(turnedAway(doubled, STILLS.limit));
  });

  it('paths(plan, layout, t) draws every request in the queue as one dot of the queue path', () => {
    const plan = createPlan(SEED);
    const layout = flowConfig('de').layouts['narrow']!.flow;
    for (const t of [STILLS.rising, STILLS.limit, STILLS.after]) expect(dots(paths(plan, layout, t).queued)).toBe(census(plan, t).queued);
  });
});

describe('the figure', () => {
  it('geometry(ctx) draws demand past the capacity tick in the-surge, on one scale from zero', () => {
    const marks = draw('the-surge');
    const bar = get(marks, 'meter-demand', 'rect');
    const cap = get(marks, 'meter-cap', 'line');
    const r = rates(BASE, STILLS.rising);
    expect(bar.x + bar.width).toBeGreaterThan(cap.x1);
    // Lengths from the bar's start are proportional to the rates they stand for.
    expect((bar.width / (cap.x1 - bar.x)) * r.capacity).toBeCloseTo(r.demand, 1);
  });

  it('geometry(ctx) counts the turned-away requests: none in the-surge, the simulation\'s count in rate-limit', () => {
    expect(get(draw('the-surge'), 'count', 'text').text).toBe('0');
    const n = turnedAway(createPlan(SEED), STILLS.limit);
    expect(n).toBeGreaterThan(0);
    expect(get(draw('rate-limit'), 'count', 'text').text).toBe(String(n));
    // One dot on the pile per turned-away request that has landed (the pile holds them all here).
    expect(dots(get(draw('rate-limit'), 'req-piled', 'path').d) + dots(get(draw('rate-limit'), 'req-rejected', 'path').d)).toBeGreaterThanOrEqual(n);
  });

  it('geometry(ctx) shows the added GPUs only in the doubled panel of more-gpus', () => {
    for (const layout of ['narrow', 'wide'] as const) {
      const marks = draw('more-gpus', layout);
      const seen = (pre: string) => marks.filter((m): m is RectMark => m.kind === 'rect' && m.key.startsWith(`${pre}gpu-`) && (m.opacity ?? 1) > 0).length;
      expect(seen('a-')).toBe(SIM.gpus);
      expect(seen('b-')).toBe(2 * SIM.gpus);
      expect(Number(get(marks, 'a-count', 'text').text)).toBeGreaterThan(Number(get(marks, 'b-count', 'text').text));
    }
  });

  it('geometry(ctx) keeps the button\'s box in rate-limit free of every label and shape but the flow\'s own', () => {
    for (const layout of ['narrow', 'wide'] as const) {
      for (const lang of ['de', 'en'] as const) {
        const box = flowConfig(lang).layouts[layout]!.button;
        const probe: RectMark = { kind: 'rect', key: 'button-probe', tone: 'accent', ...box };
        const marks = [...draw(BUTTON_STATE, layout, lang).filter((m) => !m.key.startsWith('req-') && m.kind === 'text'), probe];
        expect(checkLayout(marks, LAYOUTS[layout])).toEqual([]);
      }
    }
  });

  it('geometry(ctx) stacks the agreements at their dates, each step as tall as its gigawatts, to the 26 GW total', () => {
    const marks = draw('since-then');
    const bars = data.since.agreements.map((a) => get(marks, `since-${a.key}-bar`, 'rect'));
    const perGw = bars[0]!.height / data.since.agreements[0]!.gw;
    data.since.agreements.forEach((a, i) => expect(bars[i]!.height + (i > 0 ? 1 : 0)).toBeCloseTo(a.gw * perGw, 1));
    const base = get(marks, 'since-base', 'line').y1;
    expect(base - bars[2]!.y).toBeCloseTo(data.since.total.gw * perGw, 1);
    // Later dates stand further right.
    expect(bars[0]!.x).toBeLessThan(bars[1]!.x);
    expect(bars[1]!.x).toBeLessThan(bars[2]!.x);
    expect(get(marks, 'since-total', 'text').text).toBe('10 + 6 + 10 = 26\u00a0GW');
  });

  it('geometry(ctx) draws the chunk as one square per 1,000 of the 100k, and says the unit is our reading', () => {
    for (const layout of ['narrow', 'wide'] as const) {
      const marks = draw('100k-chunks', layout, 'de');
      expect(dots((get(marks, 'chunk-squares', 'path') as PathMark).d)).toBe(data.chunk / data.perSquare);
      expect(marks.filter((m): m is TextMark => m.kind === 'text' && m.key.startsWith('chunk-unit')).map((m) => m.text).join(' ')).toContain('Deutung');
    }
  });

  it('geometry(ctx) puts the estimate on a dollar axis from zero: the gap before $1bn is as long as the bar from 1 to 2', () => {
    const marks = draw('suppliers');
    const bar = get(marks, 'range-bar', 'rect');
    const zero = get(marks, 'range-tick-0', 'line').x1;
    expect(bar.x - zero).toBeCloseTo(bar.width * (data.contract.low / (data.contract.high - data.contract.low)), 5);
  });
});

describe('the data', () => {
  it('loadGpuBottleneck() derives 100 squares of 1,000 GPUs from the 100,000-GPU chunk', () => {
    expect(data.squares * data.perSquare).toBe(data.chunk);
    expect(data.squares).toBe(raw.chunk.value / raw.perSquare.value);
  });

  it('loadGpuBottleneck() rejects a quote that is not word for word the one on the facts sheet', () => {
    const bad = { ...raw, quote: { ...raw.quote, text: 'working as fast as we can' + raw.quote.text.slice(24) } };
    expect(() => loadGpuBottleneck(bad)).toThrow(/word for word/);
  });

  it('loadGpuBottleneck() rejects an unknown fact id, naming it', () => {
    const bad = { ...raw, contract: { ...raw.contract, fact: 'made-up-estimate' } };
    expect(() => loadGpuBottleneck(bad)).toThrow(/made-up-estimate/);
  });

  it('loadGpuBottleneck() rejects a contract range whose ends are swapped', () => {
    const bad = { ...raw, contract: { ...raw.contract, low: 2, high: 1 } };
    expect(() => loadGpuBottleneck(bad)).toThrow(/range/);
  });

  it('loadGpuBottleneck() takes each agreement\'s date from its since- fact and sums 10 + 6 + 10 to 26 GW', () => {
    expect(data.since.agreements.map((a) => [a.key, a.gw, a.date])).toEqual([
      ['nvidia', 10, '2025-09-22'],
      ['amd', 6, '2025-10-06'],
      ['broadcom', 10, '2025-10-13'],
    ]);
    expect(data.since.total.gw).toBe(26);
  });

  it('loadGpuBottleneck() rejects gigawatts its fact does not name', () => {
    const agreements = raw.since.agreements.map((a) => (a.key === 'amd' ? { ...a, gw: 8 } : a));
    expect(() => loadGpuBottleneck({ ...raw, since: { ...raw.since, agreements } })).toThrow(/since-amd-6gw/);
  });

  it('loadGpuBottleneck() rejects a total that is not the sum of the agreements', () => {
    expect(() => loadGpuBottleneck({ ...raw, since: { ...raw.since, total: { ...raw.since.total, gw: 30 } } })).toThrow(/sum/);
  });

  it('loadGpuBottleneck() rejects an agreement that cites a fact from before the article', () => {
    const agreements = raw.since.agreements.map((a) => (a.key === 'nvidia' ? { ...a, fact: 'vendors' } : a));
    expect(() => loadGpuBottleneck({ ...raw, since: { ...raw.since, agreements } })).toThrow(/since- fact/);
  });

  it('loadGpuBottleneck() rejects a grid scale that does not divide the chunk', () => {
    const bad = { ...raw, perSquare: { ...raw.perSquare, value: 3000 } };
    expect(() => loadGpuBottleneck(bad)).toThrow(/whole fraction/);
  });

  it('loadGpuBottleneck() takes the phone excerpt word for word from the quote, and rejects words it does not hold', () => {
    expect(raw.quote.text).toContain(data.excerpt);
    expect(() => loadGpuBottleneck({ ...raw, quote: { ...raw.quote, excerptFrom: 'GPU power' } })).toThrow(/excerpt/);
  });
});
