import { fill, formatDate, formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { DataRow, FigureModule } from '../types';
import { data, type Agreement } from './data';
import { geometry } from './geometry';
import { stateFor, states } from './states';
import { strings } from './strings';

const s = (lang: Lang, key: keyof (typeof strings)['de'], params?: Record<string, string | number>) =>
  fill(strings[lang][key], params);

/** "mind. 10 GW" / "6 GW": an agreement's gigawatts as the figure labels them. */
const gwValue = (lang: Lang, a: Agreement) => s(lang, a.atLeast ? 'since.valueAtLeast' : 'since.value', { gw: formatNumber(lang, a.gw) });

/**
 * The GPU bottleneck: requests flowing into a pool of GPUs whose capacity is fixed in the short run
 * (chapter 5), and the chip agreements in gigawatts that followed the article.
 */
export const figure: FigureModule = {
  id: 'gpu-bottleneck',
  states,
  layouts: { narrow: { width: 340, height: 330 }, wide: { width: 640, height: 360 } },
  accent: 'plum',
  title: (lang) => strings[lang].title,
  geometry: (opts) => geometry(opts),
  alt(state, lang) {
    const st = stateFor(state);
    const n = (v: number) => formatNumber(lang, v);
    const params: Record<string, string> = {
      n: n(data.chunk),
      c: n(data.squares),
      per: n(data.perSquare),
      lo: n(data.contract.low),
      hi: n(data.contract.high),
      date: formatDate(lang, data.quote.date),
      sum: n(data.since.total.gw),
    };
    if (st === 'since-then') {
      const { agreements, total, firstDeployment } = data.since;
      params['list'] = agreements
        .map((a) =>
          s(lang, 'alt.since-then.item', { name: a.name, value: gwValue(lang, a), kind: s(lang, `since.kind.${a.key}`), date: formatDate(lang, a.date) }),
        )
        .join('; ');
      params['arith'] = `${agreements.map((a) => n(a.gw)).join(' + ')} = ${s(lang, 'since.value', { gw: n(total.gw) })}`;
      params['half'] = s(lang, `since.half.${firstDeployment.half}`);
      params['year'] = String(firstDeployment.year);
    }
    return s(lang, `alt.${st}`, params);
  },
  table(lang): DataRow[] {
    const n = (v: number) => formatNumber(lang, v);
    const schematic = s(lang, 'table.schematic');
    const { agreements, total, firstDeployment } = data.since;
    return [
      { fact: 'gpu-origin', label: s(lang, 'table.cpuGpu'), value: schematic, raw: null, unit: '' },
      { fact: 'train-vs-infer', label: s(lang, 'table.trainServe'), value: schematic, raw: null, unit: '' },
      { fact: 'altman-100k', label: s(lang, 'table.chunk'), value: s(lang, 'table.chunkValue', { n: n(data.chunk) }), raw: data.chunk, unit: 'unit not stated (read as GPUs)' },
      { fact: 'altman-100k', label: s(lang, 'table.perSquare'), value: n(data.perSquare), raw: data.perSquare, unit: 'per square' },
      {
        fact: 'altman-100k',
        label: s(lang, 'table.squares', { a: n(data.chunk), b: n(data.perSquare) }),
        value: n(data.squares),
        raw: data.squares,
        unit: 'squares',
      },
      ...data.vendors.map((v) => ({ fact: v.fact, label: s(lang, 'table.vendor', { name: v.name }), value: s(lang, `vendor.${v.key}`), raw: null, unit: '' })),
      { fact: 'few-suppliers', label: s(lang, 'table.few'), value: s(lang, 'table.fewValue'), raw: null, unit: '' },
      { fact: data.contract.fact, label: s(lang, 'table.low'), value: s(lang, 'table.bn', { n: n(data.contract.low) }), raw: data.contract.low, unit: 'USD bn per year' },
      { fact: data.contract.fact, label: s(lang, 'table.high'), value: s(lang, 'table.bn', { n: n(data.contract.high) }), raw: data.contract.high, unit: 'USD bn per year' },
      ...agreements.map((a) => ({
        fact: a.fact,
        label: s(lang, 'table.agreement', { name: a.name, kind: s(lang, `since.kind.${a.key}`), date: formatDate(lang, a.date) }),
        value: gwValue(lang, a),
        raw: a.gw,
        unit: a.atLeast ? 'GW (at least), planned' : 'GW, planned',
      })),
      { fact: total.fact, label: s(lang, 'table.total'), value: s(lang, 'since.value', { gw: n(total.gw) }), raw: total.gw, unit: 'GW, planned' },
      {
        fact: firstDeployment.fact,
        label: s(lang, 'table.first'),
        value: s(lang, 'table.firstValue', { half: s(lang, `since.half.${firstDeployment.half}`), year: firstDeployment.year }),
        raw: null,
        unit: '',
      },
    ];
  },
  sources: ['gpu-origin', 'train-vs-infer', 'altman-100k', 'vendors', 'few-suppliers', 'contract-1-2bn', 'since-nvidia-10gw', 'since-amd-6gw', 'since-broadcom-10gw', 'since-gw-total'],
};
