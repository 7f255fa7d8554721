import raw from '../../../content/data/value-chain.json';
import { fact, type FactKind } from '../../data/facts';
import { defineStrings } from '../../i18n/t';
import { SUMMARY } from '../types';
import de from './strings.de.json';
import en from './strings.en.json';

/**
 * The figure's states in reading order, a zoom that only ever pulls back: one prompt becomes
 * one tile, the tile joins a wall of them, the wall pours into a data hall, the hall runs a meter.
 */
export const STATES = ['one-prompt', 'the-wave', 'the-surge', 'azure-meter', SUMMARY] as const;
export type ValueChainState = (typeof STATES)[number];

/** The figure's words in both languages (strings.de.json is the reference). */
export const strings = defineStrings<keyof typeof de>(de, { en });
export type StringKey = keyof typeof de;

/** A dated context fact the figure labels on screen (the launch, Altman's post). */
export interface Dated {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  kind: FactKind;
  fact: string;
}

export interface Quote extends Dated {
  speaker: string;
  channel: string;
  /** The words as written (English original). */
  quote: string;
}

export interface ValueChainData {
  trend: { fact: string };
  launch: Dated;
  strain: { hedged: boolean; fact: string };
  melting: Quote;
  infrastructure: { operator: string; share: string; fact: string };
}

type Raw = typeof raw;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * loadValueChain(input): reads content/data/value-chain.json and checks it against the facts
 * sheet: known fact ids, kinds that match the sheet (context must stay labelled as context),
 * ISO dates, the hedge on the capacity claim and the quote worded as on the sheet.
 */
export function loadValueChain(input: Raw = raw): ValueChainData {
  const fail = (why: string): never => {
    throw new Error(`content/data/value-chain.json: ${why}`);
  };
  for (const entry of [input.trend, input.launch, input.strain, input.melting, input.infrastructure]) fact(entry.fact);
  for (const dated of [input.launch, input.melting]) {
    if (!ISO_DATE.test(dated.date) || Number.isNaN(Date.parse(dated.date))) fail(`"${dated.fact}" needs an ISO date (got "${dated.date}")`);
    if (fact(dated.fact).kind !== dated.kind) fail(`"${dated.fact}" is ${fact(dated.fact).kind} on the facts sheet, not ${dated.kind}`);
    if (fact(dated.fact).date !== undefined && fact(dated.fact).date !== dated.date) fail(`"${dated.fact}" is dated ${fact(dated.fact).date} on the facts sheet, not ${dated.date}`);
  }
  if (fact(input.strain.fact).claim.en.includes('reportedly') && !input.strain.hedged) {
    fail(`"${input.strain.fact}" is hedged on the facts sheet ("reportedly"); keep "hedged": true`);
  }
  if (!input.melting.quote.trim() || !input.melting.speaker.trim()) fail('the quote needs its words and its speaker');
  if (!fact(input.melting.fact).claim.en.includes(input.melting.quote)) {
    fail(`the quote "${input.melting.quote}" is not worded as on the facts sheet`);
  }
  return {
    trend: input.trend,
    launch: { ...input.launch, kind: input.launch.kind as FactKind },
    strain: input.strain,
    melting: { ...input.melting, kind: input.melting.kind as FactKind },
    infrastructure: input.infrastructure,
  };
}

export const data = loadValueChain();
