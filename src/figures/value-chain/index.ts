import { defineFigure } from '../kit';
import { SUMMARY } from '../types';
import { data, STATES, strings } from './data';
import { geometry } from './geometry';

const facts = {
  trend: data.trend.fact,
  launch: data.launch.fact,
  strain: data.strain.fact,
  melting: data.melting.fact,
  infra: data.infrastructure.fact,
};

/**
 * One image request, followed as a zoom that pulls back (chapter 1): a prompt becomes one
 * picture tile, the tile one of a wall of them, the wall a stream into a hall of GPU racks,
 * the hall Azure's consumption meter. Schematic, with the dated context on the figure.
 */
export const figure = defineFigure({
  id: 'value-chain',
  states: STATES,
  accent: 'teal',
  strings,
  sources: [facts.trend, facts.launch, facts.strain, facts.melting, facts.infra],
  stateSources: {
    'one-prompt': [facts.launch],
    'the-wave': [facts.trend],
    'the-surge': [facts.strain, facts.melting],
    'azure-meter': [facts.infra],
    [SUMMARY]: [facts.trend, facts.launch, facts.melting, facts.infra],
  },
  keyState: SUMMARY,
  geometry: (ctx) => geometry(ctx),
  alt: (ctx) => ctx.say(`alt.${ctx.state}`, { date: ctx.date(ctx.state === 'the-surge' ? data.melting.date : data.launch.date), q: data.melting.quote, speaker: data.melting.speaker }),
  table(ctx) {
    const who = { speaker: data.melting.speaker, channel: data.melting.channel };
    return [
      { fact: facts.trend, label: ctx.say('table.trend'), value: ctx.say('table.trend.value'), raw: null, unit: '' },
      { fact: facts.launch, label: ctx.say('table.launch'), value: ctx.date(data.launch.date), raw: null, unit: 'date' },
      { fact: facts.strain, label: ctx.say('table.strain'), value: ctx.say('table.strain.value'), raw: null, unit: '' },
      { fact: facts.melting, label: ctx.say('table.melting', who), value: ctx.say('table.melting.value', { date: ctx.date(data.melting.date), q: data.melting.quote }), raw: null, unit: '' },
      { fact: facts.infra, label: ctx.say('table.infra'), value: ctx.say('table.infra.value'), raw: null, unit: '' },
      { fact: facts.trend, label: ctx.say('table.tiles'), value: ctx.say('table.tiles.value'), raw: null, unit: '', schematic: true },
      { fact: facts.infra, label: ctx.say('table.meter'), value: ctx.say('table.meter.value'), raw: null, unit: '', schematic: true },
    ];
  },
});
