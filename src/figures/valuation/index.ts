import { defineFigure } from '../kit';
import { SUMMARY, type DataRow } from '../types';
import { data, strings } from './data';
import { geometry, STATES, valueLabel, type Ctx } from './geometry';

/** Fact ids behind the staircase up to spring 2025 (the Ghibli wave dates its marker). */
const STAIRS = ['valuation-29', 'valuation-86', 'valuation-157', 'valuation-300', 'round-40-300', 'gpt4o-images-launch'];

/**
 * OpenAI's valuation as a staircase in time, the jump in the Ghibli weeks, Microsoft's stake
 * that was not disclosed beside the $13bn it did disclose, the cycle Jefferies describes, and
 * the October 2025 value on the same axes (chapter 4).
 */
export const figure = defineFigure({
  id: 'valuation',
  states: STATES,
  accent: 'ochre',
  strings,
  sources: [...STAIRS, 'ms-benefits', 'ms-13bn-disclosed', 'feedback-loop', 'since-valuation-500'],
  stateSources: {
    'earlier-rounds': ['valuation-29', 'valuation-86', 'valuation-157', 'gpt4o-images-launch'],
    'the-jump': STAIRS,
    'what-microsoft-gets': ['valuation-300', 'round-40-300', 'ms-13bn-disclosed', 'ms-benefits'],
    'feedback-loop': ['feedback-loop'],
    'since-then': [...STAIRS, 'since-valuation-500'],
    [SUMMARY]: STAIRS,
  },
  keyState: 'the-jump',
  geometry: (ctx) => geometry(ctx),
  alt(ctx: Ctx) {
    const [a, b, c] = data.valuations.map((v) => ctx.num(v.value));
    const p = { a: a ?? '', b: b ?? '', c: c ?? '', d: ctx.num(data.reported.value), j: ctx.num(data.jump), f: ctx.num(data.factor, 1), g: ctx.date(data.ghibli.date), r: ctx.num(data.announced.raised), m: ctx.num(data.microsoft.commitments), s: ctx.num(data.since.value), date: ctx.date(data.since.date), sold: ctx.num(data.since.sold) };
    return ctx.say(`alt.${ctx.state}`, p);
  },
  table(ctx): DataRow[] {
    const UNIT = 'USD bn';
    const money = (n: number) => ctx.say('value.exact', { n: ctx.num(n) });
    const narrowless = { ...ctx, narrow: false };
    const ab = { a: ctx.num(data.reported.value), b: ctx.num(data.previous.value) };
    return [
      ...data.valuations.map((v) => ({ fact: v.fact, label: ctx.say(`table.${v.key}`), value: valueLabel(narrowless, v), raw: v.value, unit: UNIT })),
      { fact: data.raisedOct2024.fact, label: ctx.say('table.raisedOct2024'), value: money(data.raisedOct2024.value), raw: data.raisedOct2024.value, unit: UNIT },
      { fact: data.announced.fact, label: ctx.say('table.announced', { date: ctx.date(data.announced.date), r: money(data.announced.raised) }), value: money(data.announced.postMoney), raw: data.announced.postMoney, unit: UNIT },
      { fact: data.reported.fact, label: ctx.say('table.jump', ab), value: ctx.say('value.change', { n: ctx.num(data.jump) }), raw: data.jump, unit: UNIT, derived: `${ab.a} − ${ab.b} = ${ctx.num(data.jump)}` },
      { fact: data.reported.fact, label: ctx.say('table.factor', ab), value: ctx.say('value.times', { n: ctx.num(data.factor, 1) }), raw: Math.round(data.factor * 100) / 100, unit: 'times', derived: `${ab.a} ÷ ${ab.b} ≈ ${ctx.num(data.factor, 1)}` },
      { fact: data.ghibli.fact, label: ctx.say('table.ghibli'), value: ctx.date(data.ghibli.date), raw: null, unit: '' },
      { fact: data.microsoft.fact, label: ctx.say('table.commitments', { date: ctx.date(data.microsoft.date) }), value: money(data.microsoft.commitments), raw: data.microsoft.commitments, unit: UNIT },
      { fact: data.microsoft.fact, label: ctx.say('table.stake'), value: ctx.say('table.stakeValue'), raw: null, unit: '' },
      { fact: data.microsoft.benefits, label: ctx.say('table.msBenefits'), value: ctx.say('table.msBenefitsValue'), raw: null, unit: '' },
      { fact: data.loop.fact, label: ctx.say('table.loop'), value: ctx.say('table.loopValue'), raw: null, unit: '', schematic: true },
      { fact: data.since.fact, label: ctx.say('table.oct-2025', { date: ctx.date(data.since.date) }), value: money(data.since.value), raw: data.since.value, unit: UNIT },
      { fact: data.since.fact, label: ctx.say('table.soldOct2025'), value: ctx.say('value.hedged', { n: ctx.num(data.since.sold) }), raw: data.since.sold, unit: UNIT },
    ];
  },
});
