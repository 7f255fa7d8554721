import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/value-chain.json';
import { fact } from '../../data/facts';
import { LAYOUTS, tagText } from '../kit';
import { markBox } from '../kit/bounds';
import type { Mark, RectMark, TextMark } from '../marks';
import type { LayoutName } from '../types';
import type { Lang } from '../../i18n/lang';
import { data, loadValueChain, STATES, strings, type ValueChainState } from './data';
import { cellBox, grid, RACKS, tilesPath, wallCells } from './geometry';
import { figure } from './index';
import { LIGHT_UP, lightingOrder, litAt } from './lighting';

const LAYOUT_NAMES: LayoutName[] = ['narrow', 'wide'];
const draw = (state: ValueChainState, layout: LayoutName, lang: Lang = 'de') => figure.geometry({ state, lang, layout, ...LAYOUTS[layout] });
const byKey = (marks: Mark[], key: string) => marks.find((m) => m.key === key);
const rect = (marks: Mark[], key: string) => byKey(marks, key) as RectMark;
const texts = (marks: Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text').map((m) => m.text);
const subpaths = (m: Mark | undefined) => (m?.kind === 'path' ? (m.d.match(/[Mm]/g) ?? []).length : 0);

describe('loadValueChain()', () => {
  it('loadValueChain() rejects an unknown fact id', () => {
    expect(() => loadValueChain({ ...raw, strain: { ...raw.strain, fact: 'made-up' } })).toThrow(/made-up/);
  });

  it('loadValueChain() refuses to relabel a context fact as article', () => {
    expect(() => loadValueChain({ ...raw, launch: { ...raw.launch, kind: 'article' } })).toThrow(/context/);
  });

  it('loadValueChain() rejects a date that is not ISO, or not the one on the facts sheet', () => {
    expect(() => loadValueChain({ ...raw, melting: { ...raw.melting, date: '27.03.2025' } })).toThrow(/ISO date/);
    expect(() => loadValueChain({ ...raw, launch: { ...raw.launch, date: '2025-03-26' } })).toThrow(/dated 2025-03-25/);
  });

  it('loadValueChain() rejects dropping the hedge on the capacity claim', () => {
    expect(() => loadValueChain({ ...raw, strain: { ...raw.strain, hedged: false } })).toThrow(/hedged/);
  });

  it('loadValueChain() rejects a quote worded differently from the facts sheet', () => {
    expect(() => loadValueChain({ ...raw, melting: { ...raw.melting, quote: 'our GPUs are on fire' } })).toThrow(/not worded/);
  });
});

describe('grid(), wallCells() and tilesPath()', () => {
  it('tilesPath(rects) spans exactly the rects, read the way the layout checks read paths', () => {
    const rects = [
      { x: 10.5, y: 20, width: 8, height: 8 },
      { x: 22.5, y: 20, width: 8, height: 3 },
      { x: 10.5, y: 32, width: 8, height: 8 },
    ];
    const b = markBox({ kind: 'path', key: 'w', tone: 'soft', d: tilesPath(rects), fill: true })!;
    expect(b).toEqual({ x: 10.5, y: 20, width: 20, height: 20 });
    expect(tilesPath(rects).match(/[Mm]/g)?.length).toBe(3);
  });

  const box = { x: 10, y: 20, width: 300, height: 100 };
  const g = grid(box, 20, 4);

  it('grid(box, cell, gap) fits whole cells inside the box, centred', () => {
    const last = cellBox(g, g.cols - 1, g.rows - 1);
    expect(g.x0).toBeGreaterThanOrEqual(box.x);
    expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width + 1e-9);
    expect(last.y + last.height).toBeLessThanOrEqual(box.y + box.height + 1e-9);
    expect(g.x0 - box.x).toBeCloseTo(box.x + box.width - (last.x + last.width));
  });

  it('wallCells() leaves out the hero block and every cell under a label', () => {
    const hole = { x: g.x0, y: g.y0, width: 5, height: 5 };
    const cells = wallCells(g, { col: 3, row: 1, span: 2 }, [hole]);
    expect(cells.length).toBe(g.cols * g.rows - 4 - 1);
    const hero = cellBox(g, 3, 1, 2);
    for (const c of cells) expect(c.x >= hero.x + hero.width || c.x + c.width <= hero.x || c.y >= hero.y + hero.height || c.y + c.height <= hero.y).toBe(true);
  });
});

for (const layout of LAYOUT_NAMES) {
  describe(`geometry(ctx), ${layout}`, () => {
    it('geometry(ctx) zooms out: the one picture tile shrinks from one-prompt to the-wave to the-surge, under the same keys', () => {
      const widths = (['one-prompt', 'the-wave', 'the-surge'] as const).map((s) => rect(draw(s, layout), 'tile-sky').width);
      expect(widths[0]).toBeGreaterThan(2 * (widths[1] ?? 0));
      expect(widths[1]).toBeGreaterThan(widths[2] ?? 0);
      for (const state of STATES) {
        const keys = draw(state, layout).map((m) => m.key);
        for (const part of ['tile-sky', 'tile-sun', 'tile-far', 'tile-near', 'tile-land']) expect(keys, `${state} ${part}`).toContain(part);
      }
    });

    it('geometry(ctx) draws the tile as rects and circles only, so figure-stage can scale it between states', () => {
      for (const m of draw('one-prompt', layout).filter((m) => m.key.startsWith('tile-'))) expect(['rect', 'circle']).toContain(m.kind);
    });

    it('geometry(ctx) keeps every part of the tile inside the tile', () => {
      const marks = draw('one-prompt', layout);
      const sky = rect(marks, 'tile-sky');
      for (const m of marks.filter((m) => m.key.startsWith('tile-'))) {
        const b = markBox(m)!;
        expect(b.x, m.key).toBeGreaterThanOrEqual(sky.x - 1e-9);
        expect(b.y, m.key).toBeGreaterThanOrEqual(sky.y - 1e-9);
        expect(b.x + b.width, m.key).toBeLessThanOrEqual(sky.x + sky.width + 1e-9);
        expect(b.y + b.height, m.key).toBeLessThanOrEqual(sky.y + sky.height + 1e-9);
      }
    });

    it('geometry(ctx) draws the wall of the-wave as one pair of path marks holding many tiles', () => {
      const marks = draw('the-wave', layout);
      const sky = byKey(marks, 'wall-sky');
      expect(sky?.kind).toBe('path');
      expect(subpaths(sky)).toBeGreaterThan(layout === 'wide' ? 200 : 60);
      expect(subpaths(byKey(marks, 'wall-land'))).toBe(subpaths(sky));
      expect(marks.filter((m) => m.kind === 'path').length).toBeLessThan(6);
    });

    it('geometry(ctx) says on the figure what a tile stands for, and that it is schematic, in every state', () => {
      for (const lang of ['de', 'en'] as const) {
        for (const state of STATES) {
          const t = texts(draw(state, layout, lang));
          expect(t, `${lang} ${state}`).toContain(tagText('schematic', lang));
          expect(t.some((s) => s.includes(lang === 'de' ? '1 Kachel = 1 Anfrage' : '1 tile = 1 request')), `${lang} ${state}`).toBe(true);
        }
      }
      if (layout === 'wide') expect(texts(draw('the-wave', layout))).toContain('1 Kachel = 1 Anfrage (symbolisch)');
    });

    it('geometry(ctx) tags the launch date as context in one-prompt, with the date from the data', () => {
      const marks = draw('one-prompt', layout);
      expect(texts(marks)).toContain(tagText('context', 'de'));
      expect((byKey(marks, 'launch-date') as TextMark).text).toBe('25. März 2025');
      expect(fact(data.launch.fact).date).toBe(data.launch.date);
    });

    it('geometry(ctx) lights every GPU rack in the-surge', () => {
      const lit = draw('the-surge', layout).filter((m) => m.key.startsWith('rack-'));
      expect(lit.length).toBe(RACKS[layout].cols * RACKS[layout].rows);
      for (const m of lit) expect(m.tone).toBe('accent');
    });

    it('geometry(ctx) quotes Altman as on the facts sheet, with the date and a context tag, and keeps the hedge', () => {
      for (const lang of ['de', 'en'] as const) {
        const t = texts(draw('the-surge', layout, lang));
        expect(t.some((s) => s.includes(data.melting.quote))).toBe(true);
        expect(t.some((s) => s.includes(lang === 'de' ? '27. März 2025' : '27 March 2025') && s.includes('Altman'))).toBe(true);
        expect(t).toContain(tagText('context', lang));
        expect(t.join(' ')).toMatch(lang === 'de' ? /Berichten zufolge/ : /reportedly/);
      }
    });

    it('geometry(ctx) marks the meter illustrative and keeps it in one place from azure-meter to the summary', () => {
      const a = draw('azure-meter', layout);
      const b = draw('summary', layout);
      for (const marks of [a, b]) expect(texts(marks)).toContain(tagText('illustrative', 'de'));
      expect(rect(b, 'meter-body')).toEqual(rect(a, 'meter-body'));
      expect(byKey(draw('the-surge', layout), 'meter-body')).toBeUndefined();
    });

    it('geometry(ctx) gives every state its own headline', () => {
      const heads = STATES.map((s) => texts(draw(s, layout).filter((m) => m.key.startsWith('headline-'))).join(' '));
      expect(new Set(heads).size).toBe(STATES.length);
    });
  });
}

describe('figure', () => {
  it('figure.alt() fills every placeholder with the dates and the quote from the data', () => {
    for (const lang of ['de', 'en'] as const) for (const s of STATES) expect(figure.alt(s, lang)).not.toMatch(/[{}]/);
    expect(figure.alt('the-surge', 'en')).toContain(data.melting.quote);
  });

  it("figure.table() names every fact of the figure's sources and marks the symbolic parts schematic", () => {
    const rows = figure.table('en');
    for (const id of figure.sources) expect(rows.map((r) => r.fact)).toContain(id);
    expect(rows.filter((r) => r.schematic).length).toBe(2);
  });

  it('strings have the same keys in both languages', () => {
    expect(Object.keys(strings.en).sort()).toEqual(Object.keys(strings.de).sort());
  });
});

describe('lighting', () => {
  it('lightingOrder(n) lights every rack once, the same way on every load', () => {
    const order = lightingOrder(36);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 36 }, (_, i) => i));
    expect(lightingOrder(36)).toEqual(order);
    expect(order).not.toEqual(Array.from({ length: 36 }, (_, i) => i));
  });

  it('litAt(elapsed, n) starts with one rack and ends with all of them, never fewer later', () => {
    expect(litAt(0, 36)).toBe(1);
    expect(litAt(LIGHT_UP.ms, 36)).toBe(36);
    let last = 0;
    for (let t = 0; t <= LIGHT_UP.ms; t += 50) {
      const n = litAt(t, 36);
      expect(n).toBeGreaterThanOrEqual(last);
      last = n;
    }
  });

  it('LIGHT_UP runs in a state whose still has every rack lit (what reduced motion and no JavaScript show)', () => {
    for (const layout of LAYOUT_NAMES) for (const m of draw(LIGHT_UP.state, layout).filter((m) => m.key.startsWith('rack-'))) expect(m.tone).toBe('accent');
  });
});
