import raw from '../../../content/data/valuation.json';
import { fact } from '../../data/facts';

/** The four valuations the figure draws, oldest first; the last is the reported 2025 round. */
export const VALUATION_KEYS = ['early-2023', 'early-2024', 'oct-2024', 'spring-2025'] as const;
export type ValuationKey = (typeof VALUATION_KEYS)[number];

/** One valuation of OpenAI in billions of US dollars. */
export interface Valuation {
  key: ValuationKey;
  /** Billions of US dollars. */
  value: number;
  /** True where the source only gives an approximate figure ("about"), so labels say so. */
  hedged: boolean;
  fact: string;
}

export interface ValuationData {
  unit: string;
  valuations: Valuation[];
  /** The reported 2025 valuation (last entry). */
  reported: Valuation;
  /** The valuation just before it (October 2024), the reference for the jump. */
  previous: Valuation;
  /** Derived: reported − previous, in billions. */
  jump: number;
  /** Derived: reported ÷ previous. */
  factor: number;
  /** New money in the October 2024 round, in billions (fact valuation-157). */
  raisedOct2024: { value: number; fact: string };
  /** The round OpenAI announced on 31 March 2025 (context fact round-40-300). */
  announced: { date: string; raised: number; postMoney: number; fact: string };
  /** After the article: the reported valuation of the October 2025 secondary sale (since-valuation-500). */
  since: SinceValuation;
  /** The largest valuation of all: the right end of the one dollar scale every bar state shares. */
  domainMax: number;
}

/** A valuation from after the article, with what changed hands (billions of US dollars). */
export interface SinceValuation {
  key: 'oct-2025';
  value: number;
  /** Shares sold by employees in the secondary sale: money to the sellers, not to OpenAI. */
  sold: number;
  /** ISO date of the reports. */
  date: string;
  fact: string;
}

/** The raw shape of content/data/valuation.json. */
export interface ValuationInput {
  unit: string;
  valuations: { key: string; value: number; hedged: boolean; fact: string }[];
  raisedOct2024: { value: number; fact: string };
  announced: { date: string; raised: number; postMoney: number; fact: string };
  since: { key: string; value: number; sold: number; date: string; fact: string };
}

const positive = (n: number) => Number.isFinite(n) && n > 0;

/**
 * Reads content/data/valuation.json: checks every fact id, that the four
 * valuations come in the expected order with positive values, and derives the
 * jump from October 2024 to the reported 2025 round (shown on the figure) and the
 * end of the dollar scale, which also has to hold the later October 2025 value.
 */
export function loadValuation(input: ValuationInput = raw): ValuationData {
  const where = 'content/data/valuation.json';
  const keys = input.valuations.map((v) => v.key);
  if (keys.join() !== VALUATION_KEYS.join()) {
    throw new Error(`${where}: valuations must be ${VALUATION_KEYS.join(', ')} in this order (got ${keys.join(', ')})`);
  }
  for (const v of input.valuations) {
    fact(v.fact);
    if (!positive(v.value)) throw new Error(`${where}: valuation "${v.key}" must be a positive number`);
  }
  fact(input.raisedOct2024.fact);
  fact(input.announced.fact);
  if (!positive(input.raisedOct2024.value) || !positive(input.announced.raised) || !positive(input.announced.postMoney)) {
    throw new Error(`${where}: amounts raised and the post-money valuation must be positive numbers`);
  }
  for (const [name, date] of [['announced', input.announced.date], ['since', input.since.date]]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) throw new Error(`${where}: ${name}.date must be an ISO date (YYYY-MM-DD)`);
  }
  fact(input.since.fact);
  if (input.since.key !== 'oct-2025') throw new Error(`${where}: since.key must be oct-2025 (got ${input.since.key})`);
  if (!positive(input.since.value) || !positive(input.since.sold)) {
    throw new Error(`${where}: since.value and since.sold must be positive numbers`);
  }
  const valuations = input.valuations.map((v) => ({ ...v, key: v.key as ValuationKey }));
  const reported = valuations[valuations.length - 1];
  const previous = valuations[valuations.length - 2];
  if (!reported || !previous) throw new Error(`${where}: needs at least two valuations`);
  if (!(reported.value > previous.value)) {
    throw new Error(`${where}: the reported 2025 valuation must exceed October 2024 (the figure shows a jump)`);
  }
  return {
    unit: input.unit,
    valuations,
    reported,
    previous,
    jump: reported.value - previous.value,
    factor: reported.value / previous.value,
    raisedOct2024: input.raisedOct2024,
    announced: input.announced,
    since: { ...input.since, key: 'oct-2025' },
    domainMax: Math.max(...valuations.map((v) => v.value), input.since.value),
  };
}

export const data = loadValuation();
