import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/value-chain.json';
import { fact } from '../../data/facts';
import type { Mark, TextMark } from '../marks';
import { data, LINKS, loadValueChain } from './data';
import {
  chipTone,
  frame,
  gapCenter,
  geometry,
  GPU_CHIPS,
  lines,
  meterBox,
  queueSlots,
  REQUEST_DOTS,
  requestDots,
  splitMiddle,
  SURGE_QUEUE,
} from './geometry';
import { stateFor, states } from './states';
import { figure } from './index';

const WIDE = figure.layouts.wide;
const NARROW = figure.layouts.narrow;
const SIZES = [WIDE, NARROW];

const texts = (marks: Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text').map((m) => m.text);
const byKey = (marks: Mark[], key: string) => marks.find((m) => m.key === key);
const circles = (marks: Mark[]) => marks.filter((m) => m.kind === 'circle');

describe('value-chain data', () => {
  it('loadValueChain() keeps the five links in chain order', () => {
    expect(data.links.map((l) => l.key)).toEqual([...LINKS]);
  });

  it('loadValueChain() rejects links out of order', () => {
    const swapped = [raw.links[1], raw.links[0], ...raw.links.slice(2)].filter((l) => l !== undefined);
    expect(() => loadValueChain({ ...raw, links: swapped })).toThrow(/links must be/);
  });

  it('loadValueChain() rejects an unknown fact id', () => {
    expect(() => loadValueChain({ ...raw, strain: { ...raw.strain, fact: 'made-up' } })).toThrow(/made-up/);
  });

  it('loadValueChain() refuses to relabel a context fact as article', () => {
    expect(() => loadValueChain({ ...raw, launch: { ...raw.launch, kind: 'article' } })).toThrow(/context/);
  });

  it('loadValueChain() rejects a date that is not ISO', () => {
    expect(() => loadValueChain({ ...raw, melting: { ...raw.melting, date: '27.03.2025' } })).toThrow(/ISO date/);
  });

  it('loadValueChain() rejects dropping the hedge on the capacity claim', () => {
    expect(() => loadValueChain({ ...raw, strain: { ...raw.strain, hedged: false } })).toThrow(/hedged/);
  });

  it('loadValueChain() rejects a quote worded differently from the facts sheet', () => {
    expect(() => loadValueChain({ ...raw, melting: { ...raw.melting, quote: 'our GPUs are on fire' } })).toThrow(/not worded/);
  });

  it('the quote on the figure is the one on the facts sheet', () => {
    expect(fact(data.melting.fact).claim.en).toContain(`“${data.melting.quote}”`);
  });
});

describe('value-chain states', () => {
  it('stateFor() keeps known ids and falls back to the first state', () => {
    expect(stateFor('the-surge')).toBe('the-surge');
    expect(stateFor('<script>')).toBe(states[0]);
    expect(stateFor(undefined)).toBe(states[0]);
  });

  it('states end with the summary', () => {
    expect(states.at(-1)).toBe('summary');
  });
});

describe('value-chain layout', () => {
  it('frame() runs the chain left to right on wide screens', () => {
    const f = frame(WIDE.width, WIDE.height);
    expect(f.narrow).toBe(false);
    for (let i = 1; i < f.nodes.length; i++) {
      const [a, b] = [f.nodes[i - 1], f.nodes[i]];
      expect(b?.y).toBe(a?.y);
      expect((b?.x ?? 0) - ((a?.x ?? 0) + (a?.width ?? 0))).toBeCloseTo(f.gap);
    }
    const last = f.nodes.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(f.right);
  });

  it('frame() stacks the chain top to bottom on narrow screens, leaving a note column', () => {
    const f = frame(NARROW.width, NARROW.height);
    expect(f.narrow).toBe(true);
    for (let i = 1; i < f.nodes.length; i++) {
      const [a, b] = [f.nodes[i - 1], f.nodes[i]];
      expect(b?.x).toBe(a?.x);
      expect((b?.y ?? 0) - ((a?.y ?? 0) + (a?.height ?? 0))).toBe(f.gap);
    }
    const first = f.nodes[0];
    expect(f.asideX).toBeGreaterThan((first?.x ?? 0) + (first?.width ?? 0));
    expect(f.right - f.asideX).toBeGreaterThan(140);
    const last = f.nodes.at(-1);
    expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThan(f.footerY - 12);
  });

  for (const size of SIZES) {
    const f = frame(size.width, size.height);
    it(`gapCenter() at ${size.width}px lies between two links, outside both`, () => {
      for (let i = 0; i < LINKS.length - 1; i++) {
        const c = gapCenter(f, i);
        const [a, b] = [f.nodes[i], f.nodes[i + 1]];
        if (!a || !b) throw new Error('missing link');
        if (f.narrow) {
          expect(c.y).toBeGreaterThan(a.y + a.height);
          expect(c.y).toBeLessThan(b.y);
        } else {
          expect(c.x).toBeGreaterThan(a.x + a.width);
          expect(c.x).toBeLessThan(b.x);
        }
      }
    });

    it(`queueSlots() at ${size.width}px keeps every queued request clear of the links`, () => {
      SURGE_QUEUE.forEach((count, i) => {
        for (const d of queueSlots(f, i, count)) {
          for (const n of f.nodes) {
            const inside = d.x + d.r > n.x && d.x - d.r < n.x + n.width && d.y + d.r > n.y && d.y - d.r < n.y + n.height;
            expect(inside, `gap ${i}: dot at ${d.x},${d.y}`).toBe(false);
          }
        }
      });
    });

    it(`meterBox() at ${size.width}px holds all the metered requests`, () => {
      const m = meterBox(f);
      for (const d of requestDots(f, 'azure-meter')) {
        expect(d).not.toBeNull();
        if (!d) continue;
        expect(d.x - d.r).toBeGreaterThanOrEqual(m.x);
        expect(d.x + d.r).toBeLessThanOrEqual(m.x + m.width);
        expect(d.y - d.r).toBeGreaterThanOrEqual(m.y);
        expect(d.y + d.r).toBeLessThanOrEqual(m.y + m.height);
      }
    });
  }
});

describe('value-chain requests', () => {
  it('REQUEST_DOTS stays a small, bounded number of symbols', () => {
    expect(REQUEST_DOTS).toBeGreaterThanOrEqual(12);
    expect(REQUEST_DOTS).toBeLessThanOrEqual(24);
    expect(SURGE_QUEUE.reduce((a, b) => a + b, 0)).toBe(REQUEST_DOTS);
  });

  it('SURGE_QUEUE grows towards the GPUs', () => {
    for (let i = 1; i < SURGE_QUEUE.length; i++) expect(SURGE_QUEUE[i]).toBeGreaterThan(SURGE_QUEUE[i - 1] ?? 0);
  });

  it('requestDots() is deterministic: the same frame and state give the same places', () => {
    const f = frame(WIDE.width, WIDE.height);
    for (const st of states) expect(requestDots(f, st)).toEqual(requestDots(f, st));
  });

  it('requestDots() shows exactly one request in one-prompt, sitting in the first gap', () => {
    for (const size of SIZES) {
      const f = frame(size.width, size.height);
      const shown = requestDots(f, 'one-prompt').filter((d) => d !== null);
      expect(shown).toHaveLength(1);
      expect(shown[0]?.x).toBe(gapCenter(f, 0).x);
      expect(shown[0]?.y).toBe(gapCenter(f, 0).y);
    }
  });

  it('requestDots() shows every request in the wave, the surge and the meter', () => {
    const f = frame(NARROW.width, NARROW.height);
    for (const st of ['the-wave', 'the-surge', 'azure-meter', 'summary'] as const) {
      expect(requestDots(f, st).every((d) => d !== null), st).toBe(true);
    }
  });

  it('chipTone() lights one GPU chip for one request and all of them in the surge', () => {
    const lit = (st: Parameters<typeof chipTone>[0]) =>
      Array.from({ length: GPU_CHIPS }, (_, i) => chipTone(st, i)).filter((t) => t === 'accent').length;
    expect(lit('the-wave')).toBe(0);
    expect(lit('one-prompt')).toBe(1);
    expect(lit('the-surge')).toBe(GPU_CHIPS);
  });
});

describe('value-chain figure module', () => {
  it('figure.alt() fills every placeholder with the dates and quote from the data', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const st of states) expect(figure.alt(st, lang), `${lang}/${st}`).not.toMatch(/[{}]/);
      expect(figure.alt('the-surge', lang)).toContain(data.melting.quote);
      expect(figure.alt('the-surge', lang)).toContain(lang === 'de' ? '27. März 2025' : '27 March 2025');
      expect(figure.alt('the-wave', lang)).toContain(lang === 'de' ? '25. März 2025' : '25 March 2025');
    }
  });

  it('figure.table() names every fact of the figure\'s sources', () => {
    for (const lang of ['de', 'en'] as const) {
      const rows = new Set(figure.table(lang).map((r) => r.fact));
      for (const id of figure.sources) expect(rows.has(id), id).toBe(true);
    }
  });
});

describe('value-chain text helpers', () => {
  it('lines() breaks at "|" only on narrow screens and at "\\n" everywhere', () => {
    expect(lines('a|b\nc', true)).toEqual(['a', 'b', 'c']);
    expect(lines('a|b\nc', false)).toEqual(['a b', 'c']);
  });

  it('splitMiddle() breaks a quote at the space nearest its middle', () => {
    expect(splitMiddle('“our GPUs are melting”')).toEqual(['“our GPUs', 'are melting”']);
    expect(splitMiddle('single')).toEqual(['single']);
  });
});

describe('value-chain geometry', () => {
  for (const size of SIZES) {
    for (const lang of ['de', 'en'] as const) {
      const at = (state: string) => geometry({ state, lang, ...size });
      const where = `${size.width}px ${lang}`;

      it(`geometry() at ${where} says "schematic" on the figure in every state`, () => {
        const word = lang === 'de' ? 'Schematisch' : 'Schematic';
        for (const st of states) expect(texts(at(st)), st).toContain(word);
      });

      it(`geometry() at ${where} names all five links in every state`, () => {
        for (const st of states) {
          const names = LINKS.map((k) => byKey(at(st), `link-${k}-name`));
          expect(names.every((m) => m?.kind === 'text' && m.text !== ''), st).toBe(true);
        }
      });

      it(`geometry() at ${where} tags the launch date as context in the-wave`, () => {
        const marks = at('the-wave');
        const date = byKey(marks, 'launch-date');
        const tagText = byKey(marks, 'launch-context-text');
        expect(date?.kind === 'text' && date.text).toContain('2025');
        expect(tagText?.kind === 'text' && tagText.text).toBe(lang === 'de' ? 'Kontext' : 'Context');
        // The tag sits on the date's line, after it.
        if (date?.kind !== 'text' || tagText?.kind !== 'text') throw new Error('missing');
        expect(tagText.y).toBe(date.y);
        expect(tagText.x).toBeGreaterThan(date.x);
      });

      it(`geometry() at ${where} marks Altman's words as a quote with speaker, date and a context tag`, () => {
        const all = texts(at('the-surge')).join(' ');
        const quote = lang === 'de' ? `„${data.melting.quote}“` : `“${data.melting.quote}”`;
        expect(all.replace(/ +/g, ' ')).toContain(quote);
        expect(all).toContain(data.melting.speaker);
        expect(all).toContain(lang === 'de' ? '27. März 2025' : '27 March 2025');
        expect(texts(at('the-surge'))).toContain(lang === 'de' ? 'Kontext' : 'Context');
      });

      it(`geometry() at ${where} keeps the hedge on the capacity claim`, () => {
        expect(texts(at('the-surge')).join(' ')).toContain(lang === 'de' ? 'Berichten zufolge' : 'reportedly');
      });

      it(`geometry() at ${where} draws the surge queue thickest in front of the GPUs`, () => {
        const f = frame(size.width, size.height);
        const dots = circles(at('the-surge'));
        const perGap = Array.from({ length: LINKS.length - 1 }, (_, i) => {
          const a = f.nodes[i];
          const b = f.nodes[i + 1];
          if (!a || !b) throw new Error('missing link');
          return dots.filter((d) =>
            f.narrow ? d.cy > a.y + a.height && d.cy < b.y : d.cx > a.x + a.width && d.cx < b.x,
          ).length;
        });
        expect(perGap.reduce((x, y) => x + y, 0)).toBe(REQUEST_DOTS);
        expect(Math.max(...perGap)).toBe(perGap.at(-1));
      });

      it(`geometry() at ${where} lights Azure and the GPUs (and only them) in azure-meter`, () => {
        const marks = at('azure-meter');
        for (const k of LINKS) {
          const rect = byKey(marks, `link-${k}`);
          expect(rect?.tone, k).toBe(k === 'azure' || k === 'gpus' ? 'accent' : 'grid');
        }
      });

      it(`geometry() at ${where} gives every state its own headline`, () => {
        const heads = states.map((st) => texts(at(st).filter((m) => m.key.startsWith('headline-'))).join(' '));
        expect(new Set(heads).size).toBe(states.length);
      });
    }
  }
});
