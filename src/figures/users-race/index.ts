import { fact } from '../../data/facts';
import { defineFigure } from '../kit';
import { SUMMARY, type DataRow } from '../types';
import { data, FIELD_STATE, STATES, strings, type WeeklyUsers } from './data';
import { countAt, WINDOW_SECONDS } from './field';
import { geometry } from './geometry';

const [march, october] = data.weekly as [WeeklyUsers, WeeklyUsers];
const time = ['million-in-5-days', 'million-in-1-hour', 'speedup'];

/**
 * A million new users: five days in 2022 against one hour in 2025, drawn as 120 hour squares
 * against one; the same gap as ten seconds of sign-ups, dot by dot; the app metrics of that
 * week and ChatGPT's weekly users since (chapter 3).
 */
export const figure = defineFigure({
  id: 'users-race',
  states: STATES,
  accent: 'vermilion',
  strings,
  sources: ['million-in-5-days', 'million-in-1-hour', 'speedup', 'rates-per-second', 'downloads-wow', 'wau-wow', 'revenue-wow', 'weekly-users-500m', 'new-users-not-first', 'since-800m-weekly'],
  stateSources: {
    'five-days': ['million-in-5-days'],
    'one-hour': [...time, 'weekly-users-500m', 'new-users-not-first'],
    [FIELD_STATE]: ['rates-per-second', 'million-in-5-days', 'million-in-1-hour'],
    'app-metrics': ['downloads-wow', 'wau-wow', 'revenue-wow'],
    'since-then': ['weekly-users-500m', 'since-800m-weekly'],
    [SUMMARY]: [...time, 'rates-per-second'],
  },
  keyState: SUMMARY,
  geometry: (ctx) => geometry(ctx),
  alt(ctx) {
    switch (ctx.state) {
      case 'one-hour':
        return ctx.say('alt.one-hour', { m: ctx.num(march.millions), p: ctx.pct(data.baseShare) });
      case 'per-second':
        return ctx.say('alt.per-second', {
          a: ctx.num(data.perSecond2022, 1),
          b: ctx.num(Math.round(data.perSecond2025)),
          ca: ctx.num(countAt(data.perSecond2022, WINDOW_SECONDS)),
          cb: ctx.num(countAt(data.perSecond2025, WINDOW_SECONDS)),
        });
      case 'app-metrics': {
        const [dl, wau, rev] = data.metrics.map((m) => ctx.change(m.change));
        return ctx.say('alt.app-metrics', { d: dl ?? '', w: wau ?? '', r: rev ?? '' });
      }
      case 'since-then':
        return ctx.say('alt.since-then', { a: ctx.num(march.millions), da: ctx.date(march.date), b: ctx.num(october.millions), db: ctx.date(october.date) });
      case SUMMARY:
        return ctx.say('alt.summary', { n: ctx.num(data.speedup) });
      default:
        return ctx.say(`alt.${ctx.state}`);
    }
  },
  table(ctx): DataRow[] {
    const { num, say } = ctx;
    const seconds2022 = data.hours2022 * 3600;
    const seconds2025 = data.hours2025 * 3600;
    const count2022 = countAt(data.perSecond2022, WINDOW_SECONDS);
    const count2025 = countAt(data.perSecond2025, WINDOW_SECONDS);
    return [
      { fact: 'million-in-5-days', label: say('table.users'), value: num(data.users), raw: data.users, unit: 'users' },
      { fact: 'million-in-5-days', label: say('table.days2022'), value: say('table.days', { n: num(data.hours2022 / 24) }), raw: data.hours2022 / 24, unit: 'days' },
      { fact: 'million-in-1-hour', label: say('table.hours2025'), value: say('table.hours', { n: num(data.hours2025) }), raw: data.hours2025, unit: 'hours' },
      {
        fact: 'speedup',
        label: say('table.speedup'),
        value: say('table.times', { n: num(data.speedup) }),
        raw: data.speedup,
        unit: 'times',
        derived: `${num(data.hours2022 / 24)} × 24 = ${num(data.hours2022)}; ${num(data.hours2022)} ÷ ${num(data.hours2025)} = ${num(data.speedup)}`,
      },
      {
        fact: 'rates-per-second',
        label: say('table.rate2022'),
        value: `≈ ${num(data.perSecond2022, 1)}`,
        raw: Math.round(data.perSecond2022 * 10) / 10,
        unit: 'users per second',
        derived: `${num(data.users)} ÷ ${num(seconds2022)} ≈ ${num(data.perSecond2022, 1)}`,
      },
      {
        fact: 'rates-per-second',
        label: say('table.rate2025'),
        value: `≈ ${num(Math.round(data.perSecond2025))}`,
        raw: Math.round(data.perSecond2025),
        unit: 'users per second',
        derived: `${num(data.users)} ÷ ${num(seconds2025)} ≈ ${num(Math.round(data.perSecond2025))}`,
      },
      {
        fact: 'rates-per-second',
        label: say('table.count2022'),
        value: num(count2022),
        raw: count2022,
        unit: 'users in 10 seconds',
        derived: `${num(data.users)} ÷ ${num(seconds2022)} × ${num(WINDOW_SECONDS)} ≈ ${num(count2022)}`,
      },
      {
        fact: 'rates-per-second',
        label: say('table.count2025'),
        value: num(count2025),
        raw: count2025,
        unit: 'users in 10 seconds',
        derived: `${num(data.users)} ÷ ${num(seconds2025)} × ${num(WINDOW_SECONDS)} ≈ ${num(count2025)}`,
      },
      ...data.metrics.map((m) => ({ fact: m.fact, label: say(`metric.${m.key}`), value: ctx.change(m.change), raw: m.change, unit: m.unit })),
      ...data.weekly.map((w) => ({
        fact: w.fact,
        label: say('table.weekly', { date: ctx.date(w.date), source: fact(w.fact).short[ctx.lang] }),
        value: say(w.hedged ? 'weekly.hedged' : 'table.millions', { n: num(w.millions) }),
        raw: w.millions,
        unit: 'million weekly users',
      })),
      {
        fact: 'new-users-not-first',
        label: say('table.baseShare'),
        value: ctx.pct(data.baseShare),
        raw: data.baseShare,
        unit: 'percent',
        derived: `${num(data.users / 1e6)} ÷ ${num(march.millions)} = ${ctx.pct(data.baseShare)}`,
      },
    ];
  },
});
