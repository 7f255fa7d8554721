import { fill, formatDate, formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { DataRow, FigureModule } from '../types';
import { data } from './data';
import { billions, eventDate, geometry } from './geometry';
import { stateFor, states } from './states';
import { strings } from './strings';

type Key = keyof (typeof strings)['de'];

const s = (lang: Lang, key: Key, params?: Record<string, string | number>) => fill(strings[lang][key], params);

/** Everything the text alternatives may name, formatted for the language. */
function altParams(lang: Lang): Record<string, string> {
  const since = data.since;
  return {
    first: billions(lang, data.investments[0]?.amountBn ?? 0),
    total: billions(lang, data.totalBn),
    from: formatDate(lang, data.rofrDate),
    to: formatDate(lang, data.rofrEnded),
    date: formatDate(lang, since.date),
    awsDate: formatDate(lang, since.aws.date),
    azure: billions(lang, since.azureBn),
    aws: billions(lang, since.aws.amountBn),
    stake: billions(lang, since.stakeBn),
    pct: formatNumber(lang, since.stakePct),
    company: since.company,
  };
}

/**
 * Microsoft and OpenAI: who supplies what to whom (chapter 2). A schematic, a context
 * timeline of investments, and, after the article, the October 2025 terms and AWS's
 * contract with the sourced commitments as bars on one scale.
 */
export const figure: FigureModule = {
  id: 'symbiosis',
  states,
  layouts: { narrow: { width: 340, height: 312 }, wide: { width: 640, height: 380 } },
  accent: 'indigo',
  title: (lang) => strings[lang].title,
  geometry: (opts) => geometry(opts),
  alt(state, lang) {
    return s(lang, `alt.${stateFor(state)}`, altParams(lang));
  },
  table(lang): DataRow[] {
    const unit = data.unit;
    const since = data.since;
    const date = formatDate(lang, since.date);
    return [
      { fact: 'ms-biggest-backer', label: s(lang, 'table.role'), value: s(lang, 'table.role.value'), raw: null, unit: '' },
      { fact: 'integration', label: s(lang, 'table.flows'), value: s(lang, 'table.flows.value'), raw: null, unit: '', schematic: true },
      ...data.investments.map((inv) => ({
        fact: inv.fact,
        label: s(lang, 'table.invest', { date: eventDate(inv, lang) }),
        value: inv.amountBn === null ? s(lang, `table.invest.${inv.described}` as Key) : billions(lang, inv.amountBn),
        raw: inv.amountBn,
        unit,
      })),
      { fact: 'ms-13bn-disclosed', label: s(lang, 'table.total', { date: formatDate(lang, data.totalDate) }), value: s(lang, 'table.total.value', { total: billions(lang, data.totalBn) }), raw: data.totalBn, unit },
      { fact: 'azure-exclusive', label: s(lang, 'table.cloud'), value: s(lang, 'table.cloud.value', { cloud: data.cloud }), raw: null, unit: '' },
      { fact: 'azure-rofr', label: s(lang, 'table.rofr', { from: formatDate(lang, data.rofrDate), to: formatDate(lang, data.rofrEnded) }), value: s(lang, 'table.rofr.value'), raw: null, unit: '' },
      { fact: 'cloud-rivals', label: s(lang, 'table.rivals'), value: data.rivals.join(', '), raw: null, unit: '' },
      { fact: 'integration', label: s(lang, 'table.products'), value: s(lang, 'table.products.value', { first: data.products[0] ?? '', hosts: data.hosts.join(', '), rest: data.products.slice(1).join(', ') }), raw: null, unit: '' },
      { fact: 'jefferies-subscribers', label: s(lang, 'table.subs'), value: s(lang, 'table.subs.value', { plan: data.subscription }), raw: null, unit: '' },
      { fact: 'nadella-vision', label: s(lang, 'table.strategy', { person: data.strategist }), value: s(lang, 'table.strategy.value'), raw: null, unit: '' },
      { fact: 'since-ms-openai-deal', label: s(lang, 'table.since.stake', { company: since.company, date }), value: s(lang, 'table.since.stake.value', { pct: formatNumber(lang, since.stakePct) }), raw: since.stakePct, unit: 'percent' },
      { fact: 'since-ms-openai-deal', label: s(lang, 'table.since.stakeValue', { date }), value: s(lang, 'table.since.stakeValue.value', { stake: billions(lang, since.stakeBn) }), raw: since.stakeBn, unit },
      { fact: 'since-ms-openai-deal', label: s(lang, 'table.since.azure', { date }), value: billions(lang, since.azureBn), raw: since.azureBn, unit },
      { fact: 'since-ms-openai-deal', label: s(lang, 'table.since.rofr'), value: s(lang, 'table.since.rofr.value', { date }), raw: null, unit: '' },
      { fact: 'since-ms-openai-deal', label: s(lang, 'table.since.ip'), value: s(lang, 'table.since.ip.value', { year: since.ipThrough }), raw: since.ipThrough, unit: 'year' },
      {
        fact: 'since-aws-38bn',
        label: s(lang, 'table.since.aws', { rival: since.aws.rival, date: formatDate(lang, since.aws.date) }),
        value: s(lang, 'table.since.aws.value', { amount: billions(lang, since.aws.amountBn), years: formatNumber(lang, since.aws.years) }),
        raw: since.aws.amountBn,
        unit,
      },
    ];
  },
  sources: ['ms-biggest-backer', 'ms-investment-rounds', 'ms-13bn-disclosed', 'azure-exclusive', 'azure-rofr', 'cloud-rivals', 'integration', 'jefferies-subscribers', 'nadella-vision', 'since-ms-openai-deal', 'since-aws-38bn'],
};
