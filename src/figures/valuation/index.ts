import { fill, formatDate, formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { DataRow, FigureModule } from '../types';
import { data } from './data';
import { geometry, valueLabel } from './geometry';
import { stateFor, states } from './states';
import { strings } from './strings';

const s = (lang: Lang, key: keyof (typeof strings)['de'], params?: Record<string, string | number>) =>
  fill(strings[lang][key], params);

const UNIT = 'USD bn';

/** OpenAI's valuation step by step, the 2025 jump, what it means for Microsoft, and the October 2025 value (chapter 4). */
export const figure: FigureModule = {
  id: 'valuation',
  states,
  layouts: { narrow: { width: 340, height: 320 }, wide: { width: 640, height: 340 } },
  accent: 'ochre',
  title: (lang) => strings[lang].title,
  geometry: (opts) => geometry(opts),
  alt(state, lang) {
    const st = stateFor(state);
    const n = (v: number, digits?: number) => formatNumber(lang, v, digits);
    const [a, b, c] = data.valuations.map((v) => n(v.value));
    const common = { a: a ?? '', b: b ?? '', c: c ?? '', d: n(data.reported.value), j: n(data.jump), f: n(data.factor, 1), max: n(data.domainMax) };
    switch (st) {
      case 'the-jump':
        return s(lang, 'alt.the-jump', { ...common, r: n(data.announced.raised), p: n(data.announced.postMoney) });
      case 'since-then':
        return s(lang, 'alt.since-then', { ...common, s: n(data.since.value), date: formatDate(lang, data.since.date) });
      default:
        return s(lang, `alt.${st}`, common);
    }
  },
  table(lang): DataRow[] {
    const n = (v: number, digits?: number) => formatNumber(lang, v, digits);
    const money = (v: number) => s(lang, 'value.exact', { n: n(v) });
    const date = formatDate(lang, data.announced.date);
    const ab = { a: n(data.reported.value), b: n(data.previous.value) };
    return [
      ...data.valuations.map((v) => ({ fact: v.fact, label: s(lang, `table.${v.key}`), value: valueLabel(v, lang), raw: v.value, unit: UNIT })),
      { fact: data.raisedOct2024.fact, label: s(lang, 'table.raisedOct2024'), value: money(data.raisedOct2024.value), raw: data.raisedOct2024.value, unit: UNIT },
      { fact: data.announced.fact, label: s(lang, 'table.announcedRaised', { date }), value: money(data.announced.raised), raw: data.announced.raised, unit: UNIT },
      { fact: data.announced.fact, label: s(lang, 'table.announcedPost'), value: money(data.announced.postMoney), raw: data.announced.postMoney, unit: UNIT },
      { fact: data.reported.fact, label: s(lang, 'table.jump', ab), value: s(lang, 'value.change', { n: n(data.jump) }), raw: data.jump, unit: UNIT, derived: `${ab.a} − ${ab.b} = ${n(data.jump)}` },
      { fact: data.reported.fact, label: s(lang, 'table.factor', ab), value: s(lang, 'value.times', { n: n(data.factor, 1) }), raw: Math.round(data.factor * 100) / 100, unit: 'times', derived: `${ab.a} ÷ ${ab.b} ≈ ${n(data.factor, 1)}` },
      { fact: data.since.fact, label: s(lang, 'table.oct-2025'), value: money(data.since.value), raw: data.since.value, unit: UNIT },
      { fact: data.since.fact, label: s(lang, 'table.soldOct2025'), value: valueLabel({ value: data.since.sold, hedged: true }, lang), raw: data.since.sold, unit: UNIT },
      { fact: 'ms-benefits', label: s(lang, 'table.msBenefits'), value: s(lang, 'table.msBenefitsValue'), raw: null, unit: '' },
      { fact: 'feedback-loop', label: s(lang, 'table.loop'), value: s(lang, 'table.loopValue'), raw: null, unit: '', schematic: true },
    ];
  },
  sources: ['valuation-29', 'valuation-86', 'valuation-157', 'valuation-300', 'round-40-300', 'ms-benefits', 'ms-13bn-disclosed', 'feedback-loop', 'since-valuation-500'],
};
