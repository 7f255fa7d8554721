import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/gpu-bottleneck.json';
import type { CircleMark, Mark, RectMark, TextMark } from '../marks';
import { data, loadGpuBottleneck } from './data';
import { flowConfig, frame, geometry, rangeScale, scene, textWidth, wrap } from './geometry';
import { figure } from './index';
import {
  createPlan,
  endOf,
  limitX,
  mulberry32,
  PERIOD,
  Phase,
  place,
  positions,
  positionsAt,
  requestOf,
  SEED,
  SIM,
  stillTick,
  type FlowLayout,
} from './simulation';
import { stateFor, states } from './states';

const WIDE = figure.layouts.wide;
const NARROW = figure.layouts.narrow;

const get = <K extends Mark['kind']>(marks: Mark[], key: string, kind: K) => {
  const m = marks.find((x) => x.key === key);
  if (!m || m.kind !== kind) throw new Error(`no ${kind} ${key}`);
  return m as Extract<Mark, { kind: K }>;
};
const texts = (marks: Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text');
const byPrefix = (marks: Mark[], prefix: string) => marks.filter((m) => m.key.startsWith(prefix));

/** A simple layout for simulation tests: queue on y = 100, head at x = 200. */
const LAYOUT: FlowLayout = {
  startX: 10,
  laneTop: 20,
  laneBottom: 180,
  headX: 200,
  queueY: 100,
  spacing: 10,
  dropX: 90,
  dropY: 190,
  gpus: Array.from({ length: SIM.gpus }, (_, i) => [240 + (i % 2) * 30, 40 + Math.floor(i / 2) * 30]).flat(),
};

describe('gpu-bottleneck simulation', () => {
  const plan = createPlan(SEED);

  it('mulberry32() repeats for the same seed, differs for another, and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 200 }, () => a());
    expect(Array.from({ length: 200 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 200 }, () => c())).not.toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('createPlan() admits a request only while the queue has room, and never starts one before it has arrived', () => {
    let accepted = 0;
    for (let k = 0; k < plan.count; k++) {
      const a = plan.arrive[k]!;
      // Queue length at arrival, counted directly: admitted earlier and not yet served.
      let waiting = 0;
      for (let j = 0; j < accepted; j++) if (plan.firstService + j * SIM.serviceEvery > a) waiting++;
      const j = plan.order[k]!;
      if (waiting < SIM.queueSlots) {
        expect(j, `request ${k}`).toBe(accepted);
        expect(plan.firstService + j * SIM.serviceEvery).toBeGreaterThanOrEqual(a);
        accepted++;
      } else {
        expect(j, `request ${k}`).toBe(-1);
      }
    }
  });

  it('createPlan() turns away the surplus: in a steady period, arrivals minus what the pool serves', () => {
    const first = plan.order.findIndex((_, k) => plan.launch[k]! >= plan.steadyFrom);
    const period = Array.from(plan.order.slice(first, first + SIM.marks));
    const rejected = period.filter((j) => j < 0).length;
    expect(rejected).toBe(PERIOD / SIM.arrivalEvery - PERIOD / SIM.serviceEvery);
  });

  it('createPlan() lets every request leave the picture before its circle is reused', () => {
    for (let k = 0; k + SIM.marks < plan.count; k++) {
      expect(endOf(plan, k)).toBeLessThanOrEqual(plan.launch[k + SIM.marks]!);
    }
  });

  it('createPlan() refuses a run too short to reach the steady state', () => {
    expect(() => createPlan(SEED, SIM.marks)).toThrow(/steady state/);
  });

  it('positionsAt() is deterministic: same seed and tick, same picture; another tick, another picture', () => {
    const a = positions(SEED, LAYOUT, 1234.5);
    const b = positions(SEED, LAYOUT, 1234.5);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(positions(SEED, LAYOUT, 1250))).not.toEqual(Array.from(a));
    expect(Array.from(positions(SEED + 1, LAYOUT, 1234.5))).not.toEqual(Array.from(a));
  });

  it('positionsAt() wraps long runs into one period without changing the picture', () => {
    // A plan long enough to evaluate later periods directly, without wrapping.
    const long = createPlan(SEED, SIM.marks * 16);
    const direct = new Float32Array(SIM.marks * 3);
    const wrapped = new Float32Array(SIM.marks * 3);
    for (let t = long.steadyFrom + PERIOD; t < long.steadyFrom + 6 * PERIOD; t += 37.3) {
      for (let i = 0; i < SIM.marks; i++) {
        const k = requestOf(long, i, t);
        if (k < 0) direct.set([LAYOUT.startX, LAYOUT.laneTop, 0], 3 * i);
        else place(long, LAYOUT, k, t, direct, 3 * i);
      }
      positionsAt(long, LAYOUT, t, wrapped);
      for (let n = 0; n < direct.length; n++) expect(wrapped[n], `tick ${t}`).toBeCloseTo(direct[n]!, 3);
    }
  });

  it('positionsAt() keeps every visible request between the start line and the pool, above the drop', () => {
    const out = new Float32Array(SIM.marks * 3);
    const maxGpuX = Math.max(...LAYOUT.gpus.filter((_, n) => n % 2 === 0));
    for (let t = 0; t < plan.steadyFrom + PERIOD; t += 3) {
      positionsAt(plan, LAYOUT, t, out);
      for (let i = 0; i < SIM.marks; i++) {
        if (out[3 * i + 2]! <= 0) continue;
        expect(out[3 * i]).toBeGreaterThanOrEqual(LAYOUT.startX - 1e-6);
        expect(out[3 * i]).toBeLessThanOrEqual(maxGpuX + 1e-6);
        expect(out[3 * i + 1]).toBeGreaterThanOrEqual(Math.min(LAYOUT.laneTop, ...LAYOUT.gpus.filter((_, n) => n % 2)) - 1e-6);
        expect(out[3 * i + 1]).toBeLessThanOrEqual(LAYOUT.dropY + 1e-6);
      }
    }
  });

  it('stillTick() picks a steady frame with a full queue, a busy pool and a request being turned away', () => {
    const t = stillTick(plan);
    expect(t).toBeGreaterThanOrEqual(plan.steadyFrom);
    const out = positionsAt(plan, LAYOUT, t, new Float32Array(SIM.marks * 3));
    const visible = Array.from({ length: SIM.marks }, (_, i) => ({ x: out[3 * i]!, y: out[3 * i + 1]!, o: out[3 * i + 2]! })).filter((c) => c.o > 0);
    const tail = LAYOUT.headX - SIM.queueSlots * LAYOUT.spacing;
    const queued = visible.filter((c) => c.y === LAYOUT.queueY && c.x >= tail && c.x <= LAYOUT.headX);
    expect(queued.length).toBeGreaterThanOrEqual(SIM.queueSlots);
    for (let g = 0; g < SIM.gpus; g++) {
      expect(visible.some((c) => c.x === LAYOUT.gpus[2 * g] && c.y === LAYOUT.gpus[2 * g + 1]), `GPU ${g} busy`).toBe(true);
    }
    expect(visible.some((c) => c.y > LAYOUT.queueY + 10 && c.x < limitX(LAYOUT)), 'a falling request').toBe(true);
  });

  it('place() never shows more requests in the queue than it has places (plus the one moving up)', () => {
    const scratch = new Float32Array(3);
    for (let t = 0; t < plan.steadyFrom + PERIOD; t += 5) {
      let queued = 0;
      for (let i = 0; i < SIM.marks; i++) {
        const k = requestOf(plan, i, t);
        if (k >= 0 && place(plan, LAYOUT, k, t, scratch, 0) === Phase.Queue) queued++;
      }
      expect(queued, `tick ${t}`).toBeLessThanOrEqual(SIM.queueSlots + 1);
    }
  });
});

describe('gpu-bottleneck data', () => {
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
});

describe('gpu-bottleneck states', () => {
  it('stateFor() keeps known ids and falls back to the first state', () => {
    expect(stateFor('100k-chunks')).toBe('100k-chunks');
    expect(stateFor('<script>')).toBe(states[0]);
    expect(stateFor(undefined)).toBe(states[0]);
  });
});

describe('gpu-bottleneck geometry', () => {
  it('wrap() keeps every line within the width and loses no word', () => {
    const text = data.quote.text;
    const lines = wrap(text, 200, 'xs');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 'xs')).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe(text);
  });

  it('rangeScale() on the gigawatt axis maps 0 to the left end and the total to the right end, linearly', () => {
    const x = rangeScale(26, 16, 572);
    expect(x(0)).toBe(16);
    expect(x(26)).toBe(572);
    expect(x(10) - x(0)).toBeCloseTo((10 / 6) * (x(6) - x(0)), 9);
  });

  it('rangeScale() maps 0 to the left end and the maximum to the right end', () => {
    const x = rangeScale(2.5, 16, 624);
    expect(x(0)).toBe(16);
    expect(x(2.5)).toBe(624);
  });

  it('frame() switches to the phone layout below 480 units', () => {
    expect(frame(NARROW.width, NARROW.height).narrow).toBe(true);
    expect(frame(WIDE.width, WIDE.height).narrow).toBe(false);
  });

  for (const size of [WIDE, NARROW]) {
    const at = (state: string, lang: 'de' | 'en' = 'de') => geometry({ state, lang, ...size });
    const w = size.width;

    it(`geometry() at ${w}: the-surge draws at most 40 request circles, at the simulation's still frame`, () => {
      const marks = at('the-surge');
      const circles = byPrefix(marks, 'req-') as CircleMark[];
      expect(circles.length).toBeLessThanOrEqual(40);
      expect(circles.length).toBe(SIM.marks);
      const config = flowConfig(figure.layouts);
      const name = size === WIDE ? 'wide' : 'narrow';
      const layout = config.layouts[name]!;
      const still = positions(config.seed, layout, config.still);
      circles.forEach((c, i) => {
        expect(c.cx).toBeCloseTo(still[3 * i]!, 4);
        expect(c.cy).toBeCloseTo(still[3 * i + 1]!, 4);
      });
    });

    it(`geometry() at ${w}: the-surge says "Simulation" on the figure; schematic states say so too`, () => {
      expect(get(at('the-surge', 'en'), 'tag', 'text').text).toBe('Simulation');
      for (const state of ['why-gpus', 'train-and-serve', 'summary']) {
        expect(get(at(state, 'de'), 'tag', 'text').text).toBe('Schematisch');
        expect(get(at(state, 'en'), 'tag', 'text').text).toBe('Schematic');
      }
      expect(at('100k-chunks').some((m) => m.key === 'tag')).toBe(false);
    });

    it(`geometry() at ${w}: the tag never runs into the headline`, () => {
      for (const state of states) {
        for (const lang of ['de', 'en'] as const) {
          const marks = at(state, lang);
          const tag = marks.find((m): m is RectMark => m.key === 'tag-bg' && m.kind === 'rect');
          if (!tag) continue;
          const h = get(marks, 'headline-0', 'text');
          expect(h.x + textWidth(h.text, 'm', true), `${state}/${lang}`).toBeLessThan(tag.x - 4);
        }
      }
    });

    it(`geometry() at ${w}: every GPU of the-surge sits inside the pool, and the flow's GPU centres are theirs`, () => {
      const marks = at('the-surge');
      const pool = get(marks, 'pool-box', 'rect');
      const { flow } = scene(frame(size.width, size.height));
      for (let i = 0; i < SIM.gpus; i++) {
        const g = get(marks, `gpu-${i}`, 'rect');
        expect(g.x).toBeGreaterThan(pool.x);
        expect(g.x + g.width).toBeLessThan(pool.x + pool.width);
        expect(g.y + g.height).toBeLessThan(pool.y + pool.height);
        expect(flow.gpus[2 * i]).toBeCloseTo(g.x + g.width / 2, 6);
        expect(flow.gpus[2 * i + 1]).toBeCloseTo(g.y + g.height / 2, 6);
      }
      // The queue ends at the pool's door and the rate limit stands behind its last place.
      expect(flow.headX).toBeLessThan(pool.x);
      expect(get(marks, 'limit-line', 'line').x1).toBeCloseTo(limitX(flow), 6);
    });

    it(`geometry() at ${w}: 100k-chunks draws the chunk as chunk ÷ 1,000 squares and shows the arithmetic`, () => {
      const de = at('100k-chunks', 'de');
      // One path of equal squares, one subpath per 1,000 GPUs, on a square grid.
      const d = get(de, 'chunk-squares', 'path').d;
      const squares = [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+Z/g)].map((m) => m.slice(1).map(Number));
      expect(squares.length).toBe(data.chunk / data.perSquare);
      expect(d.match(/M/g)?.length).toBe(squares.length);
      expect(new Set(squares.map(([, , w, h]) => `${w}x${h}`))).toEqual(new Set([`${squares[0]![2]}x${squares[0]![2]}`]));
      const side = Math.sqrt(squares.length);
      expect(new Set(squares.map(([x]) => x)).size).toBe(side);
      expect(new Set(squares.map(([, y]) => y)).size).toBe(side);
      const all = texts(de).map((m) => m.text).join(' ');
      expect(all).toContain('100.000 ÷ 1.000');
      expect(all).toContain('= 1.000');
      const en = texts(at('100k-chunks', 'en')).map((m) => m.text).join(' ');
      expect(en).toContain('100,000 ÷ 1,000');
    });

    it(`geometry() at ${w}: 100k-chunks quotes Altman word for word, with speaker and date; German adds our translation`, () => {
      for (const lang of ['de', 'en'] as const) {
        const marks = at('100k-chunks', lang);
        const quote = texts(marks).filter((m) => /^quote-\d+$/.test(m.key)).map((m) => m.text).join(' ');
        expect(quote).toContain(data.quote.text);
        expect(get(marks, 'quote-by', 'text').text).toMatch(lang === 'de' ? /Sam Altman.*1\. April 2025/ : /Sam Altman.*1 April 2025/);
        expect(marks.some((m) => m.key === 'translation-label')).toBe(lang === 'de');
      }
      expect(get(at('100k-chunks', 'de'), 'translation-label', 'text').text).toBe('Unsere Übersetzung');
    });

    it(`geometry() at ${w}: the contract estimate is an interval from 1 to 2 on an axis that starts at zero`, () => {
      for (const state of ['suppliers', 'summary']) {
        const marks = at(state);
        const axis = get(marks, 'range-axis', 'line');
        const bar = get(marks, 'range-bar', 'rect');
        const zero = get(marks, 'range-tick-0', 'line');
        expect(zero.x1).toBe(axis.x1);
        // Distance from zero to the low end equals low / (high − low) bar widths.
        const perBn = bar.width / (data.contract.high - data.contract.low);
        expect(bar.x - axis.x1).toBeCloseTo(data.contract.low * perBn, 6);
        expect(get(marks, 'range-cap-lo', 'line').x1).toBeCloseTo(bar.x, 6);
        expect(get(marks, 'range-cap-hi', 'line').x1).toBeCloseTo(bar.x + bar.width, 6);
        expect(get(marks, 'range-value', 'text').text).toBe('1–2\u00a0Mrd.\u00a0Dollar pro Jahr');
      }
      expect(get(at('suppliers', 'en'), 'range-value', 'text').text).toBe('$1–2bn a year');
    });

    it(`geometry() at ${w}: train-and-serve starts the GPU farm below the last line of its description`, () => {
      for (const lang of ['de', 'en'] as const) {
        const marks = at('train-and-serve', lang);
        const farmTop = Number(get(marks, 'farm-gpus', 'path').d.match(/^M-?[\d.]+,(-?[\d.]+)/)?.[1]);
        const lastDesc = Math.max(...byPrefix(marks, 'train-desc-').map((m) => (m as TextMark).y));
        // A line of 11.5-unit type needs its own height above the farm.
        expect(farmTop - lastDesc, lang).toBeGreaterThan(4);
      }
    });

    it(`geometry() at ${w}: since-then draws each agreement from zero on one gigawatt scale, and the sum as the three laid end to end`, () => {
      for (const lang of ['de', 'en'] as const) {
        const marks = at('since-then', lang);
        const bars = data.since.agreements.map((a) => get(marks, `since-${a.key}-bar`, 'rect'));
        const perGw = bars[0]!.width / data.since.agreements[0]!.gw;
        data.since.agreements.forEach((a, i) => {
          expect(bars[i]!.x, a.key).toBe(bars[0]!.x);
          expect(bars[i]!.width, a.key).toBeCloseTo(a.gw * perGw, 6);
        });
        // The segments of the sum: same lengths (less the 2-unit gap), end to end from zero.
        let x = bars[0]!.x;
        for (const a of data.since.agreements) {
          const seg = get(marks, `since-total-${a.key}`, 'rect');
          expect(seg.x, a.key).toBeCloseTo(x, 6);
          expect(seg.width + 2, a.key).toBeCloseTo(a.gw * perGw, 6);
          expect(get(marks, `since-total-${a.key}-value`, 'text').text).toBe(String(a.gw));
          x += a.gw * perGw;
        }
        const axis = get(marks, 'since-axis', 'line');
        expect(axis.x1).toBe(bars[0]!.x);
        expect(axis.x2).toBeCloseTo(bars[0]!.x + data.since.total.gw * perGw, 6);
        const all = texts(marks).map((m) => m.text).join(' ');
        expect(get(marks, 'since-total-value', 'text').text).toBe('26\u00a0GW');
        expect(get(marks, 'since-nvidia-value', 'text').text).toBe(lang === 'de' ? 'mind. 10\u00a0GW' : 'at least 10\u00a0GW');
        expect(all).toContain(lang === 'de' ? '22. September 2025' : '22 September 2025');
        expect(all).toMatch(lang === 'de' ? /Geplant, nicht gebaut.*2026/ : /Planned, not built.*2026/);
      }
    });

    it(`geometry() at ${w}: since-then is labelled as context and never turns gigawatts into a count of chips`, () => {
      for (const lang of ['de', 'en'] as const) {
        const marks = at('since-then', lang);
        expect(get(marks, 'tag', 'text').text).toBe(lang === 'de' ? 'Kontext' : 'Context');
        for (const m of texts(marks)) {
          expect(m.text, m.key).not.toMatch(/\d[\d.,\s\u00a0]*(?:Mio\.|Millionen|million)?\s*(?:GPUs?|Chips?|chips?)\b/);
        }
      }
    });

    it(`geometry() at ${w}: 100k-chunks and the summary never state the chunk as a number of GPUs, and say the unit is a reading`, () => {
      for (const lang of ['de', 'en'] as const) {
        const chunk = texts(at('100k-chunks', lang)).map((m) => m.text).join(' ');
        const summary = texts(at('summary', lang)).map((m) => m.text).join(' ');
        for (const all of [chunk, summary]) expect(all).not.toMatch(/\d\s*GPUs/);
        expect(chunk).toMatch(lang === 'de' ? /Deutung/ : /interpretation|reading/);
      }
    });

    it(`geometry() at ${w}: suppliers draws the three vendors the same size (no market shares), Nvidia marked`, () => {
      const marks = at('suppliers');
      const cards = ['nvidia', 'amd', 'intel'].map((k) => get(marks, `vendor-${k}`, 'rect'));
      for (const c of cards) {
        expect(c.width).toBe(cards[0]?.width);
        expect(c.height).toBe(cards[0]?.height);
      }
      expect(cards[0]?.tone).toBe('accent');
      expect(cards[1]?.tone).not.toBe('accent');
      expect(texts(marks).some((m) => m.text.includes('%'))).toBe(false);
    });
  }
});
