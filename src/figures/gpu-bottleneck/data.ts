import raw from '../../../content/data/gpu-bottleneck.json';
import { fact, isSince } from '../../data/facts';
import { defineStrings } from '../../i18n/t';
import de from './strings.de.json';
import en from './strings.en.json';

/** The figure's words, one typed dictionary per language. */
export type Key = keyof typeof de;
export const strings = defineStrings<Key>(de, { en });

export type VendorKey = 'nvidia' | 'amd' | 'intel';
export type AgreementKey = 'nvidia' | 'amd' | 'broadcom';

/** One chip agreement after the article, in gigawatts of electrical power (never a number of chips). */
export interface Agreement {
  key: AgreementKey;
  name: string;
  gw: number;
  /** The agreement names a minimum ("at least 10 gigawatts"). */
  atLeast: boolean;
  /** ISO date, taken from the fact. */
  date: string;
  fact: string;
}

export interface Vendor {
  key: VendorKey;
  name: string;
  /** The supplier the article calls dominant (drawn with the accent, not bigger). */
  leads: boolean;
  fact: string;
}

export interface GpuBottleneckData {
  quote: { text: string; speaker: string; channel: string; date: string; fact: string };
  /** Words of the quote, verbatim, from `excerptFrom` to the end of `excerptTo`: what the phone figure has room for. */
  excerpt: string;
  /** The rate limits Altman announced (context, dated): the real counterpart of the simulated limit. */
  rateLimit: { date: string; fact: string };
  /** The chunk size in Altman's call ("100k"); he names no unit, GPUs is our reading. */
  chunk: number;
  /** Drawing scale: how much of the chunk one grid square stands for. */
  perSquare: number;
  /** Derived: squares in the grid (chunk ÷ perSquare). */
  squares: number;
  /** Jefferies' estimate, USD bn per year, as a range. */
  contract: { low: number; high: number; fact: string };
  vendors: Vendor[];
  /** The chip agreements of September–October 2025 (context, after the article). */
  since: {
    agreements: Agreement[];
    /** Derived: the sum of the agreements' gigawatts. */
    total: { gw: number; fact: string };
    /** First deployments planned from this half-year. */
    firstDeployment: { year: number; half: 1 | 2; fact: string };
  };
}

const VENDOR_KEYS: readonly string[] = ['nvidia', 'amd', 'intel'];

/** A fact's English claim with no-break spaces as plain ones, for matching the numbers it names. */
const claimText = (id: string) => fact(id).claim.en.replace(/\u00a0/g, ' ');
const AGREEMENT_KEYS: readonly string[] = ['nvidia', 'amd', 'broadcom'];

/**
 * Reads content/data/gpu-bottleneck.json, checks every fact id and that the quote is
 * word for word the one on the facts sheet, and derives the number of grid squares.
 * The gigawatts of each agreement must be the ones its fact names, its date comes from
 * the fact, and the total must be their sum (the sheet's derived row).
 */
export function loadGpuBottleneck(input: typeof raw = raw): GpuBottleneckData {
  const file = 'content/data/gpu-bottleneck.json';
  for (const entry of [input.quote, input.rateLimit, input.chunk, input.perSquare, input.contract, input.fewSuppliers, ...input.vendors, ...input.schematic]) {
    fact(entry.fact);
  }
  if (!fact(input.quote.fact).claim.en.includes(input.quote.text)) {
    throw new Error(`${file}: the quote must match the facts sheet (${input.quote.fact}) word for word`);
  }
  const at = input.quote.text.indexOf(input.quote.excerptFrom);
  const to = input.quote.text.indexOf(input.quote.excerptTo, at);
  if (at < 0 || to < 0) throw new Error(`${file}: quote.excerptFrom and excerptTo must be words of the quote, in that order`);
  const limitFact = fact(input.rateLimit.fact);
  if (limitFact.kind !== 'context' || !limitFact.date) throw new Error(`${file}: rateLimit must cite a dated context fact`);
  const chunk = input.chunk.value;
  const perSquare = input.perSquare.value;
  const squares = chunk / perSquare;
  if (!(perSquare > 0 && Number.isInteger(squares) && squares > 0 && squares <= 400)) {
    throw new Error(`${file}: one square must stand for a whole fraction of the chunk (got ${chunk} ÷ ${perSquare})`);
  }
  const { low, high } = input.contract;
  if (!(low >= 0 && high > low)) {
    throw new Error(`${file}: the contract estimate must be a range with 0 ≤ low < high`);
  }
  for (const v of input.vendors) {
    if (!VENDOR_KEYS.includes(v.key)) throw new Error(`${file}: unknown vendor key "${v.key}"`);
  }
  if (input.vendors.filter((v) => v.leads).length !== 1) {
    throw new Error(`${file}: exactly one vendor leads`);
  }
  const agreements = input.since.agreements.map((a): Agreement => {
    const f = fact(a.fact);
    if (!AGREEMENT_KEYS.includes(a.key)) throw new Error(`${file}: unknown agreement key "${a.key}"`);
    if (!isSince(f) || !f.date) throw new Error(`${file}: agreement ${a.key} must cite a dated since- fact (got ${a.fact})`);
    const named = `${a.atLeast ? 'at least ' : ''}${a.gw} gigawatts`;
    if (!(a.gw > 0) || !claimText(a.fact).includes(named)) {
      throw new Error(`${file}: agreement ${a.key} says ${a.gw} GW, but ${a.fact} does not name "${named}"`);
    }
    return { key: a.key as AgreementKey, name: a.name, gw: a.gw, atLeast: a.atLeast, date: f.date, fact: a.fact };
  });
  const sum = agreements.reduce((acc, a) => acc + a.gw, 0);
  const totalFact = fact(input.since.total.fact);
  if (input.since.total.gw !== sum || !claimText(totalFact.id).includes(`${sum} gigawatts`) || !totalFact.derivedFrom?.every((id) => agreements.some((a) => a.fact === id))) {
    throw new Error(`${file}: the total of ${input.since.total.gw} GW must be the sum of the agreements (${sum} GW) it is derived from`);
  }
  const first = input.since.firstDeployment;
  const half = first.half === 1 || first.half === 2 ? first.half : null;
  if (!half) throw new Error(`${file}: firstDeployment.half must be 1 or 2`);
  const phrase = `${half === 2 ? 'second' : 'first'} half of ${first.year}`;
  if (!claimText(first.fact).includes(phrase)) {
    throw new Error(`${file}: firstDeployment says the ${phrase}, but ${first.fact} does not`);
  }
  return {
    quote: { text: input.quote.text, speaker: input.quote.speaker, channel: input.quote.channel, date: input.quote.date, fact: input.quote.fact },
    excerpt: input.quote.text.slice(at, to + input.quote.excerptTo.length),
    rateLimit: { date: limitFact.date, fact: limitFact.id },
    chunk,
    perSquare,
    squares,
    contract: { low, high, fact: input.contract.fact },
    vendors: input.vendors.map((v) => ({ ...v, key: v.key as VendorKey })),
    since: { agreements, total: { gw: sum, fact: input.since.total.fact }, firstDeployment: { year: first.year, half, fact: first.fact } },
  };
}

export const data = loadGpuBottleneck();
