import { describe, expect, it } from 'vitest';
import raw from '../../../content/data/symbiosis.json';
import { LAYOUTS } from '../kit';
import { markBox } from '../kit/bounds';
import type { LineMark, Mark, PathMark, TextMark } from '../marks';
import type { LayoutName } from '../types';
import type { Lang } from '../../i18n/lang';
import { data, loadSymbiosis, STATES, type SymbiosisState } from './data';
import { squaresBlock } from './geometry';
import { figure } from './index';

const LAYOUT_NAMES: LayoutName[] = ['narrow', 'wide'];
const draw = (state: SymbiosisState, layout: LayoutName = 'wide', lang: Lang = 'de') => figure.geometry({ state, lang, layout, ...LAYOUTS[layout] });
const byKey = (marks: Mark[], key: string) => marks.find((m) => m.key === key);
const path = (marks: Mark[], key: string) => byKey(marks, key) as PathMark | undefined;
const texts = (marks: Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text').map((m) => m.text);

/** The squares of a block path: one subpath per square, each as wide as it is tall. */
function squares(m: PathMark | undefined): { count: number; sizes: number[] } {
  const subpaths = (m?.d ?? '').split(/(?=M)/).filter(Boolean);
  const sizes = subpaths.map((sp) => {
    const b = markBox({ kind: 'path', key: 's', tone: 'ink', d: sp, fill: true })!;
    return Math.round(b.width * 100) / 100;
  });
  return { count: subpaths.length, sizes };
}

describe('loadSymbiosis()', () => {
  const clone = () => structuredClone(raw);

  it('loadSymbiosis() reads the three rounds in order, the 2021 one without a month', () => {
    expect(data.investments.map((i) => i.year)).toEqual([2019, 2021, 2023]);
    expect(data.investments[1]?.month).toBeNull();
  });

  it('loadSymbiosis() rejects an unknown fact id', () => {
    const bad = clone();
    bad.cloud.fact = 'no-such-fact';
    expect(() => loadSymbiosis(bad)).toThrow(/no-such-fact/);
  });

  it('loadSymbiosis() rejects an amount invented for a round the sheet gives no amount for', () => {
    const bad = clone();
    (bad.investments[1] as { amountBn: number | null }).amountBn = 2;
    expect(() => loadSymbiosis(bad)).toThrow(/described/);
  });

  it('loadSymbiosis() rejects an amount that is not whole billions, which squares cannot show', () => {
    const bad = clone();
    bad.since.aws.amountBn = 38.5;
    expect(() => loadSymbiosis(bad)).toThrow(/whole billions/);
  });

  it('loadSymbiosis() rejects a first refusal that ends on another day than the October 2025 agreement', () => {
    const bad = clone();
    bad.rofr.ended = '2025-10-27';
    expect(() => loadSymbiosis(bad)).toThrow(/rofr\.ended/);
  });

  it('loadSymbiosis() rejects a new supplier that is not one of the rivals', () => {
    const bad = clone();
    bad.since.aws.rival = 'Oracle';
    expect(() => loadSymbiosis(bad)).toThrow(/Oracle/);
  });
});

describe('squaresBlock()', () => {
  const s = { cell: 10, pitch: 12 };

  it('squaresBlock(n, origin, cols) lays n squares in rows of cols and boxes them', () => {
    const b = squaresBlock(13, { x: 0, y: 0 }, 5, s);
    expect(b.rects).toHaveLength(13);
    expect(b.box).toEqual({ x: 0, y: 0, width: 5 * 12 - 2, height: 3 * 12 - 2 });
  });

  it("squaresBlock(…, 'end') fills from the right edge leftwards, so a block leaves the right-hand account", () => {
    const b = squaresBlock(3, { x: 100, y: 0 }, 5, s, 'end');
    expect(b.rects.map((r) => r.x)).toEqual([90, 78, 66]);
    expect(b.box.x + b.box.width).toBe(100);
  });
});

describe('geometry(ctx)', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`geometry(ctx) draws every sourced amount as that many squares of one size, one scale for all (${layout})`, () => {
      const marks = draw('since-2025', layout);
      const blocks = { 'money-block': data.totalBn, 'azure-block': data.since.azureBn, 'aws-block': data.since.aws.amountBn };
      const sizes = new Set<number>();
      for (const [key, billions] of Object.entries(blocks)) {
        const sq = squares(path(marks, key));
        expect(sq.count, key).toBe(billions);
        sq.sizes.forEach((w) => sizes.add(w));
      }
      expect(sizes.size).toBe(1);
    });

    it(`geometry(ctx) draws flows without a sourced amount dashed, and tags the drawing schematic in every state (${layout})`, () => {
      const marks = draw('the-loop', layout);
      for (const key of ['compute-line', 'models-line', 'loop-line']) expect((byKey(marks, key) as LineMark).dashed, key).toBe(true);
      for (const state of STATES) expect(byKey(draw(state, layout), 'legend-tag-text'), state).toBeDefined();
    });

    it(`geometry(ctx) turns the wall from closed to dashed to gone as exclusivity loosens (${layout})`, () => {
      expect(byKey(draw('compute', layout), 'wall')?.kind).toBe('rect');
      expect(byKey(draw('compute', layout), 'wall-dashed')).toBeUndefined();
      expect((byKey(draw('first-refusal', layout), 'wall-dashed') as LineMark).dashed).toBe(true);
      expect(byKey(draw('first-refusal', layout), 'wall')).toBeUndefined();
      const open = draw('since-2025', layout);
      expect(byKey(open, 'wall')).toBeUndefined();
      expect(byKey(open, 'wall-dashed')).toBeUndefined();
    });

    it(`geometry(ctx) sizes only the round with a published amount (${layout})`, () => {
      const marks = draw('money', layout);
      for (const inv of data.investments) {
        const block = path(marks, `round-${inv.key}-block`);
        if (inv.amountBn === null) expect(block, inv.key).toBeUndefined();
        else expect(squares(block).count).toBe(inv.amountBn);
      }
    });

    it(`geometry(ctx) fills the ledger in step by step: each state keeps the flows of the one before (${layout})`, () => {
      const flows = ['money-block', 'compute-line', 'models-line', 'loop-line'];
      const shown = (state: SymbiosisState) => flows.filter((k) => byKey(draw(state, layout), k));
      expect(shown('money')).toEqual(['money-block']);
      expect(shown('compute')).toEqual(['money-block', 'compute-line']);
      expect(shown('products')).toEqual(['money-block', 'compute-line', 'models-line']);
      expect(shown('the-loop')).toEqual(flows);
    });

    it(`geometry(ctx) draws the subject of each step in the accent and the rivals in neutral ink (${layout})`, () => {
      const subject: Partial<Record<SymbiosisState, string>> = { money: 'money-block', compute: 'compute-line', products: 'models-line', 'the-loop': 'loop-line', 'since-2025': 'azure-block' };
      for (const [state, key] of Object.entries(subject) as [SymbiosisState, string][]) {
        const marks = draw(state, layout);
        expect(byKey(marks, key)?.tone, `${state}/${key}`).toBe('accent');
        for (const m of marks) if (m.key.startsWith('rival-') && m.kind === 'text') expect(m.tone, `${state}/${m.key}`).toBe('ink');
      }
      expect(byKey(draw('since-2025', layout), 'aws-block')?.tone).toBe('muted');
    });
  }

  it('geometry(ctx) dates the loosened exclusivity where it shows (first refusal, then none)', () => {
    expect(texts(draw('first-refusal'))).toContain('21. Januar 2025');
    expect(texts(draw('first-refusal', 'wide', 'en'))).toContain('21 January 2025');
    expect(texts(draw('since-2025'))).toContain('Okt. 2025');
    expect(texts(draw('since-2025'))).toContain('28. Oktober 2025');
  });

  it('geometry(ctx) says what one square is worth on the figure, in both languages', () => {
    expect(texts(draw('summary'))).toContain('= 1\u00a0Mrd.\u00a0Dollar');
    expect(texts(draw('summary', 'narrow', 'en'))).toContain('= $1bn');
  });
});
