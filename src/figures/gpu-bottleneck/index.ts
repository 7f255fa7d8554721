import { defineFigure, type TextContext } from '../kit';
import { SUMMARY, type DataRow } from '../types';
import { data, strings, type Agreement, type Key } from './data';
import { geometry, rejectedAfter, STATES } from './geometry';
import { rates, BASE, SIM } from './simulation';

/** "mind. 10 GW" / "6 GW": an agreement's gigawatts as the figure labels them. */
const gwValue = (c: TextContext<Key>, a: Agreement) => c.say(a.atLeast ? 'since.valueAtLeast' : 'since.value', { gw: c.num(a.gw) });
const half = (c: TextContext<Key>) => c.say(`since.half.${data.since.firstDeployment.half}`);

/**
 * The GPU bottleneck (chapter 5): why GPUs, what they are used for, a simulated surge that
 * overflows a fixed pool until the reader doubles it, Altman's call for "100k" chunks, the
 * few suppliers and the gigawatt deals that followed the article.
 */
export const figure = defineFigure({
  id: 'gpu-bottleneck',
  states: STATES,
  accent: 'plum',
  strings,
  sources: ['gpu-origin', 'train-vs-infer', 'gpus-melting', 'altman-100k', 'vendors', 'few-suppliers', 'contract-1-2bn', 'since-nvidia-10gw', 'since-amd-6gw', 'since-broadcom-10gw', 'since-gw-total'],
  stateSources: {
    'why-gpus': ['gpu-origin'],
    'train-and-serve': ['train-vs-infer'],
    'the-surge': ['train-vs-infer'],
    'rate-limit': ['gpus-melting'],
    'more-gpus': ['train-vs-infer'],
    '100k-chunks': ['altman-100k'],
    suppliers: ['few-suppliers', 'vendors', 'contract-1-2bn'],
    'since-then': ['since-nvidia-10gw', 'since-amd-6gw', 'since-broadcom-10gw', 'since-gw-total'],
    [SUMMARY]: ['few-suppliers', 'altman-100k', 'contract-1-2bn', 'since-gw-total'],
  },
  keyState: 'rate-limit',
  geometry: (ctx) => geometry(ctx),
  alt(ctx) {
    const { agreements, total, firstDeployment } = data.since;
    const after = rejectedAfter();
    const params: Record<string, string> = {
      n: ctx.num(data.chunk),
      c: ctx.num(data.squares),
      per: ctx.num(data.perSquare),
      lo: ctx.num(data.contract.low),
      hi: ctx.num(data.contract.high),
      date: ctx.date(data.quote.date),
      sum: ctx.num(total.gw),
      without: ctx.num(after.without),
      with: ctx.num(after.with),
      list: agreements.map((a) => ctx.say('alt.since-then.item', { name: a.name, value: gwValue(ctx, a), kind: ctx.say(`since.kind.${a.key}`), date: ctx.date(a.date) })).join('; '),
      arith: `${agreements.map((a) => ctx.num(a.gw)).join(' + ')} = ${ctx.say('since.value', { gw: ctx.num(total.gw) })}`,
      half: half(ctx),
      year: String(firstDeployment.year),
    };
    return ctx.say(`alt.${ctx.state}`, params);
  },
  table(c): DataRow[] {
    const { agreements, total, firstDeployment } = data.since;
    const schematic = c.say('table.schematic');
    const peak = rates(BASE, SIM.horizon);
    return [
      { fact: 'gpu-origin', label: c.say('table.cpuGpu'), value: schematic, raw: null, unit: '', schematic: true },
      { fact: 'train-vs-infer', label: c.say('table.trainServe'), value: schematic, raw: null, unit: '', schematic: true },
      { fact: 'train-vs-infer', label: c.say('table.sim'), value: c.say('table.simValue', { cap: c.num(peak.capacity), peak: c.num(peak.demand) }), raw: null, unit: '', schematic: true },
      { fact: data.rateLimit.fact, label: c.say('table.limit'), value: c.say('table.limitValue', { date: c.date(data.rateLimit.date) }), raw: null, unit: '' },
      { fact: 'altman-100k', label: c.say('table.chunk'), value: c.say('table.chunkValue', { n: c.num(data.chunk) }), raw: data.chunk, unit: 'unit not stated (read as GPUs)' },
      { fact: 'altman-100k', label: c.say('table.perSquare'), value: c.num(data.perSquare), raw: data.perSquare, unit: 'per square' },
      {
        fact: 'altman-100k',
        label: c.say('table.squares'),
        value: c.num(data.squares),
        raw: data.squares,
        unit: 'squares',
        derived: `${c.num(data.chunk)} ÷ ${c.num(data.perSquare)} = ${c.num(data.squares)}`,
      },
      ...data.vendors.map((v) => ({ fact: v.fact, label: c.say('table.vendor', { name: v.name }), value: c.say(`table.vendorValue.${v.key}`), raw: null, unit: '' })),
      { fact: 'few-suppliers', label: c.say('table.few'), value: c.say('table.fewValue'), raw: null, unit: '' },
      { fact: data.contract.fact, label: c.say('table.low'), value: c.say('table.bn', { n: c.num(data.contract.low) }), raw: data.contract.low, unit: 'USD bn per year' },
      { fact: data.contract.fact, label: c.say('table.high'), value: c.say('table.bn', { n: c.num(data.contract.high) }), raw: data.contract.high, unit: 'USD bn per year' },
      ...agreements.map((a) => ({
        fact: a.fact,
        label: c.say('table.agreement', { name: a.name, kind: c.say(`since.kind.${a.key}`), date: c.date(a.date) }),
        value: gwValue(c, a),
        raw: a.gw,
        unit: a.atLeast ? 'GW (at least), planned' : 'GW, planned',
      })),
      {
        fact: total.fact,
        label: c.say('table.total'),
        value: c.say('since.value', { gw: c.num(total.gw) }),
        raw: total.gw,
        unit: 'GW, planned',
        derived: `${agreements.map((a) => c.num(a.gw)).join(' + ')} = ${c.num(total.gw)}`,
      },
      { fact: firstDeployment.fact, label: c.say('table.first'), value: c.say('table.firstValue', { half: half(c), year: firstDeployment.year }), raw: null, unit: '' },
    ];
  },
});
