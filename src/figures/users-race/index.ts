import { fact } from '../../data/facts';
import { fill, formatChange, formatDate, formatNumber, formatPercent } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { DataRow, FigureModule } from '../types';
import { data, type WeeklyUsers } from './data';
import { geometry } from './geometry';
import { stateFor, states } from './states';
import { strings } from './strings';

const [march, october] = data.weekly as [WeeklyUsers, WeeklyUsers];

const s = (lang: Lang, key: keyof (typeof strings)['de'], params?: Record<string, string | number>) =>
  fill(strings[lang][key], params);

/**
 * A million new users: five days in 2022 against one hour in 2025, the app metrics of that
 * week, and ChatGPT's weekly users since (chapter 3).
 */
export const figure: FigureModule = {
  id: 'users-race',
  states,
  layouts: { narrow: { width: 340, height: 320 }, wide: { width: 640, height: 340 } },
  accent: 'vermilion',
  title: (lang) => strings[lang].title,
  geometry: (opts) => geometry(opts),
  alt(state, lang) {
    const st = stateFor(state);
    const n = (v: number, digits?: number) => formatNumber(lang, v, digits);
    switch (st) {
      case 'per-second':
        return s(lang, 'alt.per-second', { a: n(data.perSecond2022, 1), b: n(Math.round(data.perSecond2025)) });
      case 'app-metrics': {
        const [dl, wau, rev] = data.metrics.map((m) => formatChange(lang, m.change));
        return s(lang, 'alt.app-metrics', { d: dl ?? '', w: wau ?? '', r: rev ?? '' });
      }
      case 'one-hour':
        return s(lang, 'alt.one-hour', { m: n(march.millions), p: formatPercent(lang, data.baseShare) });
      case 'since-then':
        return s(lang, 'alt.since-then', { a: n(march.millions), da: formatDate(lang, march.date), b: n(october.millions), db: formatDate(lang, october.date) });
      case 'summary':
        return s(lang, 'alt.summary', { n: n(data.speedup) });
      default:
        return s(lang, `alt.${st}`);
    }
  },
  table(lang): DataRow[] {
    const n = (v: number, digits?: number) => formatNumber(lang, v, digits);
    return [
      { fact: 'million-in-5-days', label: s(lang, 'table.users'), value: n(data.users), raw: data.users, unit: 'users' },
      { fact: 'million-in-5-days', label: s(lang, 'table.days2022'), value: s(lang, 'table.days', { n: n(data.hours2022 / 24) }), raw: data.hours2022 / 24, unit: 'days' },
      { fact: 'million-in-1-hour', label: s(lang, 'table.hours2025'), value: s(lang, 'table.hours', { n: n(data.hours2025) }), raw: data.hours2025, unit: 'hours' },
      { fact: 'speedup', label: s(lang, 'table.speedup'), value: s(lang, 'table.times', { n: n(data.speedup) }), raw: data.speedup, unit: 'times' },
      { fact: 'rates-per-second', label: s(lang, 'table.rate2022'), value: `≈ ${n(data.perSecond2022, 1)}`, raw: Math.round(data.perSecond2022 * 10) / 10, unit: 'users per second' },
      { fact: 'rates-per-second', label: s(lang, 'table.rate2025'), value: `≈ ${n(Math.round(data.perSecond2025))}`, raw: Math.round(data.perSecond2025), unit: 'users per second' },
      ...data.metrics.map((m) => ({
        fact: m.fact,
        label: s(lang, `metric.${m.key}`),
        value: formatChange(lang, m.change),
        raw: m.change,
        unit: m.unit,
      })),
      ...data.weekly.map((w) => ({
        fact: w.fact,
        label: s(lang, 'table.weekly', { date: formatDate(lang, w.date), source: fact(w.fact).short[lang] }),
        value: s(lang, w.hedged ? 'weekly.value.hedged' : 'table.millions', { n: n(w.millions) }),
        raw: w.millions,
        unit: 'million weekly users',
      })),
      {
        fact: 'new-users-not-first',
        label: s(lang, 'table.baseShare'),
        value: formatPercent(lang, data.baseShare),
        raw: data.baseShare,
        unit: 'percent',
        derived: `${n(data.users / 1e6)} ÷ ${n(march.millions)} = ${formatPercent(lang, data.baseShare)}`,
      },
    ];
  },
  sources: ['million-in-5-days', 'million-in-1-hour', 'rates-per-second', 'downloads-wow', 'wau-wow', 'revenue-wow', 'weekly-users-500m', 'new-users-not-first', 'since-800m-weekly'],
};
