import { fill, formatDate, formatNumber } from '../../i18n/format';
import { LOCALE, type Lang } from '../../i18n/lang';
import type { DataRow, FigureModule } from '../types';
import { data } from './data';
import { billions, eventDate, geometry } from './geometry';
import { stateFor, states } from './states';
import { strings } from './strings';

type Key = keyof (typeof strings)['de'];

const s = (lang: Lang, key: Key, params?: Record<string, string | number>) => fill(strings[lang][key], params);

/** "1 Milliarde Dollar" / "13 Milliarden Dollar" / "$13 billion": amounts as written in running text. */
function proseBillions(lang: Lang, n: number): string {
  const form = new Intl.PluralRules(LOCALE[lang]).select(n) === 'one' ? 'prose.bn.one' : 'prose.bn.other';
  return s(lang, form, { n: formatNumber(lang, n) });
}

/** Microsoft and OpenAI: who supplies what to whom (chapter 2). A schematic, plus a timeline of investments. */
export const figure: FigureModule = {
  id: 'symbiosis',
  states,
  layouts: { narrow: { width: 340, height: 312 }, wide: { width: 640, height: 380 } },
  accent: 'indigo',
  title: (lang) => strings[lang].title,
  geometry: (opts) => geometry(opts),
  alt(state, lang) {
    const st = stateFor(state);
    const first = data.investments[0]?.amountBn ?? 0;
    return s(lang, `alt.${st}`, {
      first: proseBillions(lang, first),
      total: proseBillions(lang, data.totalBn),
      date: formatDate(lang, data.rofrDate),
    });
  },
  table(lang): DataRow[] {
    const unit = data.unit;
    return [
      { fact: 'ms-biggest-backer', label: s(lang, 'table.role'), value: s(lang, 'table.role.value'), raw: null, unit: '' },
      ...data.investments.map((inv) => ({
        fact: inv.fact,
        label: s(lang, 'table.invest', { date: eventDate(inv, lang) }),
        value: inv.amountBn === null ? s(lang, `table.invest.${inv.described}` as Key) : billions(lang, inv.amountBn),
        raw: inv.amountBn,
        unit,
      })),
      { fact: 'ms-investment-rounds', label: s(lang, 'table.total'), value: s(lang, 'table.total.value', { total: billions(lang, data.totalBn) }), raw: data.totalBn, unit },
      { fact: 'azure-exclusive', label: s(lang, 'table.cloud'), value: s(lang, 'table.cloud.value', { cloud: data.cloud }), raw: null, unit: '' },
      { fact: 'azure-rofr', label: s(lang, 'table.rofr', { date: formatDate(lang, data.rofrDate) }), value: s(lang, 'table.rofr.value'), raw: null, unit: '' },
      { fact: 'cloud-rivals', label: s(lang, 'table.rivals'), value: data.rivals.join(', '), raw: null, unit: '' },
      { fact: 'integration', label: s(lang, 'table.products'), value: s(lang, 'table.products.value', { first: data.products[0] ?? '', hosts: data.hosts.join(', '), rest: data.products.slice(1).join(', ') }), raw: null, unit: '' },
      { fact: 'jefferies-subscribers', label: s(lang, 'table.subs'), value: s(lang, 'table.subs.value', { plan: data.subscription }), raw: null, unit: '' },
      { fact: 'nadella-vision', label: s(lang, 'table.strategy', { person: data.strategist }), value: s(lang, 'table.strategy.value'), raw: null, unit: '' },
    ];
  },
  sources: ['ms-biggest-backer', 'ms-investment-rounds', 'azure-exclusive', 'cloud-rivals', 'integration', 'jefferies-subscribers', 'nadella-vision', 'azure-rofr'],
};
