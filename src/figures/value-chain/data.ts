import raw from '../../../content/data/value-chain.json';
import { fact, type FactKind } from '../../data/facts';

/** The five links of the chain, in the order a request passes them. */
export const LINKS = ['reader', 'app', 'model', 'azure', 'gpus'] as const;
export type LinkKey = (typeof LINKS)[number];

export interface Link {
  key: LinkKey;
  fact: string;
}

/** Dated context facts the figure labels on screen (launch, Altman's post). */
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
  links: Link[];
  launch: Dated;
  strain: { hedged: boolean; fact: string };
  melting: Quote;
  infrastructure: { operator: string; share: string; fact: string };
}

type Raw = typeof raw;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads content/data/value-chain.json and checks it against the facts sheet:
 * the links in chain order, known fact ids, kinds that match the sheet (context
 * must stay labelled as context), ISO dates, and the hedge on the capacity claim.
 */
export function loadValueChain(input: Raw = raw): ValueChainData {
  const fail = (why: string): never => {
    throw new Error(`content/data/value-chain.json: ${why}`);
  };
  const keys = input.links.map((l) => l.key);
  if (keys.join() !== LINKS.join()) fail(`links must be ${LINKS.join(' → ')} (got ${keys.join(' → ')})`);
  for (const entry of [...input.links, input.launch, input.strain, input.melting, input.infrastructure]) fact(entry.fact);
  for (const dated of [input.launch, input.melting]) {
    if (!ISO_DATE.test(dated.date) || Number.isNaN(Date.parse(dated.date))) fail(`"${dated.fact}" needs an ISO date (got "${dated.date}")`);
    if (fact(dated.fact).kind !== dated.kind) fail(`"${dated.fact}" is ${fact(dated.fact).kind} on the facts sheet, not ${dated.kind}`);
  }
  if (fact(input.strain.fact).claim.en.includes('reportedly') && !input.strain.hedged) {
    fail(`"${input.strain.fact}" is hedged on the facts sheet ("reportedly"); keep "hedged": true`);
  }
  if (!input.melting.quote.trim() || !input.melting.speaker.trim()) fail('the quote needs its words and its speaker');
  if (!fact(input.melting.fact).claim.en.includes(input.melting.quote)) {
    fail(`the quote "${input.melting.quote}" is not worded as on the facts sheet`);
  }
  return {
    links: input.links.map((l) => ({ key: l.key as LinkKey, fact: l.fact })),
    launch: { ...input.launch, kind: input.launch.kind as FactKind },
    strain: input.strain,
    melting: { ...input.melting, kind: input.melting.kind as FactKind },
    infrastructure: input.infrastructure,
  };
}

export const data = loadValueChain();
