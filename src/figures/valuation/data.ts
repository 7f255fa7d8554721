import raw from '../../../content/data/valuation.json';
import { fact } from '../../data/facts';
import { defineStrings } from '../../i18n/t';
import de from './strings.de.json';
import en from './strings.en.json';

/** The four valuations the staircase draws, oldest first; the last is the 2025 round. */
export const VALUATION_KEYS = ['early-2023', 'early-2024', 'oct-2024', 'spring-2025'] as const;
export type ValuationKey = (typeof VALUATION_KEYS)[number];

/** Where on the time axis a valuation takes effect: a day the source names, or a window it only approximates. */
export type When = { date: string } | { window: { from: string; to: string } };

/** One valuation of OpenAI in billions of US dollars, and when it took effect. */
export type Valuation = {
  key: ValuationKey;
  /** Billions of US dollars. */
  value: number;
  /** True where the source only gives an approximate figure ("about"), so labels say so. */
  hedged: boolean;
  fact: string;
  /** The fact that dates it, where another fact than the value's gives the day (the 2025 round). */
  dateFact: string;
} & When;

export interface ValuationData {
  unit: string;
  valuations: Valuation[];
  /** The 2025 valuation (last entry): reported at about $300bn, dated by the round OpenAI announced. */
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
  /** The day the Ghibli wave began: image generation in GPT‑4o (chapter 1, gpt4o-images-launch). */
  ghibli: { date: string; fact: string };
  /** End of spring 2025, when the article appeared: where the time axis ends before "since then". */
  springEnd: string;
  /** What Microsoft itself disclosed: funding commitments in billions, and the filing's date. */
  microsoft: { commitments: number; date: string; fact: string; benefits: string };
  /** The fact behind the schematic cycle. */
  loop: { fact: string };
  /** After the article: the reported valuation of the October 2025 secondary sale (since-valuation-500). */
  since: SinceValuation;
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
  /** Where the time axis ends in the since-then state. */
  end: string;
}

/** The raw shape of content/data/valuation.json. */
export interface ValuationInput {
  unit: string;
  valuations: { key: string; value: number; hedged: boolean; fact: string; date?: string; dateFact?: string; window?: { from: string; to: string } }[];
  raisedOct2024: { value: number; fact: string };
  announced: { date: string; raised: number; postMoney: number; fact: string };
  ghibli: { date: string; fact: string };
  spring: { end: string };
  microsoft: { commitments: number; date: string; fact: string; benefits: string };
  loop: { fact: string };
  since: { key: string; value: number; sold: number; date: string; fact: string; end: string };
}

const positive = (n: number) => Number.isFinite(n) && n > 0;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The day a valuation takes effect, or the middle of its window (where its step is drawn). */
export function dayOf(v: When): string {
  if ('date' in v) return v.date;
  const mid = (Date.parse(v.window.from) + Date.parse(v.window.to)) / 2;
  return new Date(mid).toISOString().slice(0, 10);
}

/**
 * Reads content/data/valuation.json: checks every fact id, that the four valuations come
 * in the expected order with positive values, each with a day or a window (never both: a
 * source that says "early 2023" gets a shaded window, not an invented day), that they
 * rise and come in time order, and derives the jump from October 2024 to 2025.
 */
export function loadValuation(input: ValuationInput = raw): ValuationData {
  const where = 'content/data/valuation.json';
  const keys = input.valuations.map((v) => v.key);
  if (keys.join() !== VALUATION_KEYS.join()) {
    throw new Error(`${where}: valuations must be ${VALUATION_KEYS.join(', ')} in this order (got ${keys.join(', ')})`);
  }
  const valuations: Valuation[] = input.valuations.map((v) => {
    fact(v.fact);
    if (v.dateFact) fact(v.dateFact);
    if (!positive(v.value)) throw new Error(`${where}: valuation "${v.key}" must be a positive number`);
    const base = { key: v.key as ValuationKey, value: v.value, hedged: v.hedged, fact: v.fact, dateFact: v.dateFact ?? v.fact };
    if (v.date !== undefined && v.window === undefined) {
      if (!ISO.test(v.date)) throw new Error(`${where}: valuation "${v.key}" date must be an ISO date (YYYY-MM-DD)`);
      return { ...base, date: v.date };
    }
    if (v.window !== undefined && v.date === undefined) {
      const { from, to } = v.window;
      if (!ISO.test(from) || !ISO.test(to) || !(from < to)) throw new Error(`${where}: valuation "${v.key}" window must run from one ISO date to a later one`);
      return { ...base, window: { from, to } };
    }
    throw new Error(`${where}: valuation "${v.key}" needs either a date or a window, not both`);
  });
  valuations.forEach((v, i) => {
    const before = valuations[i - 1];
    if (before && !(dayOf(before) < dayOf(v))) throw new Error(`${where}: valuation "${v.key}" must come after "${before.key}"`);
  });
  for (const f of [input.raisedOct2024.fact, input.announced.fact, input.ghibli.fact, input.microsoft.fact, input.microsoft.benefits, input.loop.fact, input.since.fact]) fact(f);
  if (!positive(input.raisedOct2024.value) || !positive(input.announced.raised) || !positive(input.announced.postMoney) || !positive(input.microsoft.commitments)) {
    throw new Error(`${where}: amounts raised, the post-money valuation and Microsoft's commitments must be positive numbers`);
  }
  for (const [name, date] of [['announced', input.announced.date], ['ghibli', input.ghibli.date], ['spring.end', input.spring.end], ['microsoft', input.microsoft.date], ['since', input.since.date], ['since.end', input.since.end]] as const) {
    if (!ISO.test(date)) throw new Error(`${where}: ${name}.date must be an ISO date (YYYY-MM-DD)`);
  }
  if (input.since.key !== 'oct-2025') throw new Error(`${where}: since.key must be oct-2025 (got ${input.since.key})`);
  if (!positive(input.since.value) || !positive(input.since.sold)) {
    throw new Error(`${where}: since.value and since.sold must be positive numbers`);
  }
  const reported = valuations[valuations.length - 1];
  const previous = valuations[valuations.length - 2];
  if (!reported || !previous) throw new Error(`${where}: needs at least two valuations`);
  if (!(reported.value > previous.value)) {
    throw new Error(`${where}: the reported 2025 valuation must exceed October 2024 (the figure shows a jump)`);
  }
  if (!(dayOf(reported) < input.spring.end && input.spring.end < input.since.date && input.since.date < input.since.end)) {
    throw new Error(`${where}: the axis ends (spring.end, since.end) must follow the valuations they close`);
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
    ghibli: input.ghibli,
    springEnd: input.spring.end,
    microsoft: input.microsoft,
    loop: input.loop,
    since: { ...input.since, key: 'oct-2025' },
  };
}

export const data = loadValuation();

/** The figure's words in both languages (strings.de.json is the reference; a missing key is a type error). */
export const strings = defineStrings<keyof typeof de>(de, { en });
export type StringKey = keyof typeof de;
