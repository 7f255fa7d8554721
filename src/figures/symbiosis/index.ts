import { defineFigure } from '../kit';
import { SUMMARY } from '../types';
import { formatNumber } from '../../i18n/format';
import { commitments, data, STATES, strings } from './data';
import { billions, geometry, roundLabel } from './geometry';

const c = commitments(data);
/** Azure's commitment over Microsoft's, rounded: derived, and the table shows the arithmetic. */
const ratio = Math.round(c.azure.amountBn / c.ms.amountBn);

/**
 * Microsoft and OpenAI as a two-sided ledger (chapter 2): the flows between them fill in
 * step by step, the sourced amounts as squares of one billion dollars on one scale, the rest
 * dashed and schematic; the exclusivity is a wall that opens in two dated steps.
 */
export const figure = defineFigure({
  id: 'symbiosis',
  states: STATES,
  accent: 'indigo',
  strings,
  sources: ['ms-biggest-backer', 'ms-investment-rounds', 'ms-13bn-disclosed', 'azure-exclusive', 'azure-rofr', 'cloud-rivals', 'integration', 'azure-runs-it', 'jefferies-subscribers', 'nadella-vision', 'since-ms-openai-deal', 'since-aws-38bn'],
  stateSources: {
    money: ['ms-13bn-disclosed', 'ms-investment-rounds'],
    compute: ['ms-13bn-disclosed', 'azure-exclusive', 'cloud-rivals'],
    'first-refusal': ['ms-13bn-disclosed', 'azure-rofr', 'cloud-rivals'],
    products: ['ms-13bn-disclosed', 'azure-rofr', 'cloud-rivals', 'integration'],
    'the-loop': ['ms-13bn-disclosed', 'azure-rofr', 'integration', 'azure-runs-it', 'jefferies-subscribers'],
    'since-2025': ['ms-13bn-disclosed', 'since-ms-openai-deal', 'since-aws-38bn', 'cloud-rivals', 'integration'],
    [SUMMARY]: ['ms-13bn-disclosed', 'azure-exclusive', 'integration', 'since-ms-openai-deal', 'since-aws-38bn'],
  },
  keyState: 'since-2025',
  geometry: (ctx) => geometry(ctx),
  alt(ctx) {
    const since = data.since;
    return ctx.say(`alt.${ctx.state}`, {
      n: c.ms.amountBn,
      total: billions(ctx.lang, c.ms.amountBn),
      date: ctx.date(ctx.state === 'money' ? c.ms.date : since.date),
      first: billions(ctx.lang, data.investments[0]?.amountBn ?? 0),
      from: ctx.date(data.rofrDate),
      azure: billions(ctx.lang, c.azure.amountBn),
      azureN: c.azure.amountBn,
      ratio,
      aws: billions(ctx.lang, c.aws.amountBn),
      awsDate: ctx.date(c.aws.date),
      pct: ctx.num(since.stakePct),
      company: since.company,
      stake: billions(ctx.lang, since.stakeBn),
    });
  },
  table(ctx) {
    const s = ctx.say;
    const since = data.since;
    const date = ctx.date(since.date);
    const unit = data.unit;
    return [
      { fact: 'ms-biggest-backer', label: s('table.role'), value: s('table.role.value'), raw: null, unit: '' },
      { fact: 'integration', label: s('table.flows'), value: s('table.flows.value'), raw: null, unit: '', schematic: true },
      ...data.investments.map((inv) => ({
        fact: inv.fact,
        label: s('table.invest', { date: roundLabel(inv, ctx.lang) }),
        value: inv.amountBn === null ? s(inv.described === 'multi-year' ? 'table.invest.multi-year' : 'table.invest.more-funding') : billions(ctx.lang, inv.amountBn),
        raw: inv.amountBn,
        unit,
      })),
      { fact: c.ms.fact, label: s('table.total', { date: ctx.date(c.ms.date) }), value: billions(ctx.lang, c.ms.amountBn), raw: c.ms.amountBn, unit },
      { fact: 'azure-exclusive', label: s('table.cloud'), value: s('table.cloud.value', { cloud: data.cloud }), raw: null, unit: '' },
      { fact: 'azure-rofr', label: s('table.rofr', { from: ctx.date(data.rofrDate), to: ctx.date(data.rofrEnded) }), value: s('table.rofr.value'), raw: null, unit: '' },
      { fact: 'cloud-rivals', label: s('table.rivals'), value: data.rivals.join(', '), raw: null, unit: '' },
      { fact: 'integration', label: s('table.products'), value: s('table.products.value', { first: data.products[0] ?? '', hosts: data.hosts.join(', '), rest: data.products.slice(1).join(', ') }), raw: null, unit: '' },
      { fact: 'azure-runs-it', label: s('table.azure'), value: s('table.azure.value'), raw: null, unit: '' },
      { fact: 'jefferies-subscribers', label: s('table.subs'), value: s('table.subs.value', { plan: data.subscription }), raw: null, unit: '' },
      { fact: 'nadella-vision', label: s('table.strategy', { person: data.strategist }), value: s('table.strategy.value'), raw: null, unit: '' },
      { fact: 'since-ms-openai-deal', label: s('table.since.stake', { company: since.company, date }), value: s('table.since.stake.value', { pct: formatNumber(ctx.lang, since.stakePct) }), raw: since.stakePct, unit: 'percent' },
      { fact: 'since-ms-openai-deal', label: s('table.since.stakeValue', { date }), value: s('table.since.stakeValue.value', { stake: billions(ctx.lang, since.stakeBn) }), raw: since.stakeBn, unit },
      { fact: c.azure.fact, label: s('table.since.azure', { date }), value: billions(ctx.lang, c.azure.amountBn), raw: c.azure.amountBn, unit },
      {
        fact: c.azure.fact,
        label: s('table.ratio'),
        value: s('table.ratio.value', { ratio }),
        raw: ratio,
        unit: 'times',
        derived: s('table.ratio.derived', { azure: billions(ctx.lang, c.azure.amountBn), total: billions(ctx.lang, c.ms.amountBn), ratio: formatNumber(ctx.lang, c.azure.amountBn / c.ms.amountBn) }),
      },
      { fact: 'since-ms-openai-deal', label: s('table.since.rofr'), value: s('table.since.rofr.value', { date }), raw: null, unit: '' },
      { fact: 'since-ms-openai-deal', label: s('table.since.ip'), value: s('table.since.ip.value', { year: since.ipThrough }), raw: since.ipThrough, unit: 'year' },
      {
        fact: c.aws.fact,
        label: s('table.since.aws', { rival: since.aws.rival, date: ctx.date(c.aws.date) }),
        value: s('table.since.aws.value', { amount: billions(ctx.lang, c.aws.amountBn), years: formatNumber(ctx.lang, since.aws.years) }),
        raw: c.aws.amountBn,
        unit,
      },
    ];
  },
});
