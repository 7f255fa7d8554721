import { fill, formatDate } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { DataRow, FigureModule } from '../types';
import { data } from './data';
import { geometry } from './geometry';
import { stateFor, states } from './states';
import { strings } from './strings';

const s = (lang: Lang, key: keyof (typeof strings)['de'], params?: Record<string, string | number>) =>
  fill(strings[lang][key], params);

/** One image request along the chain reader → ChatGPT → GPT-4o → Azure → GPUs (chapter 1). Schematic. */
export const figure: FigureModule = {
  id: 'value-chain',
  states,
  layouts: { narrow: { width: 340, height: 320 }, wide: { width: 640, height: 340 } },
  accent: 'teal',
  title: (lang) => strings[lang].title,
  geometry: (opts) => geometry(opts),
  alt(state, lang) {
    const st = stateFor(state);
    const dated = st === 'the-surge' ? data.melting : data.launch;
    return s(lang, `alt.${st}`, {
      date: formatDate(lang, dated.date),
      q: data.melting.quote,
      speaker: data.melting.speaker,
    });
  },
  table(lang): DataRow[] {
    const who = { speaker: data.melting.speaker, channel: data.melting.channel };
    return [
      { fact: 'ghibli-wave', label: s(lang, 'table.trend'), value: s(lang, 'table.trend.value'), raw: null, unit: '' },
      { fact: data.launch.fact, label: s(lang, 'table.launch'), value: formatDate(lang, data.launch.date), raw: null, unit: 'date' },
      { fact: data.strain.fact, label: s(lang, 'table.strain'), value: s(lang, 'table.strain.value'), raw: null, unit: '' },
      {
        fact: data.melting.fact,
        label: s(lang, 'table.melting', who),
        value: s(lang, 'table.melting.value', { date: formatDate(lang, data.melting.date), q: data.melting.quote }),
        raw: null,
        unit: '',
      },
      { fact: data.infrastructure.fact, label: s(lang, 'table.infra'), value: s(lang, 'table.infra.value'), raw: null, unit: '' },
      { fact: data.infrastructure.fact, label: s(lang, 'table.chain'), value: s(lang, 'table.chain.value'), raw: null, unit: '', schematic: true },
    ];
  },
  sources: ['ghibli-wave', 'gpt4o-images-launch', 'capacity-strain', 'gpus-melting', 'azure-runs-it'],
};
