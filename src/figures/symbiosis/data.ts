import raw from '../../../content/data/symbiosis.json';
import { fact } from '../../data/facts';

/** How an investment without a published amount is described on the figure. */
export type Described = 'amount' | 'more-funding' | 'multi-year';

/** One of Microsoft's investments in OpenAI (context fact ms-investment-rounds). */
export interface Investment {
  key: string;
  year: number;
  /** 1–12, or null when only the year is on the sheet. */
  month: number | null;
  /** Billions of US dollars; null where the sheet names no amount (2021, 2023). */
  amountBn: number | null;
  described: Described;
  fact: string;
}

export interface SymbiosisData {
  microsoft: string;
  openai: string;
  cloud: string;
  investments: Investment[];
  /** Total commitment in billions of US dollars, "widely reported as about" (a hedged figure). */
  totalBn: number;
  unit: string;
  /** ISO date of the switch from exclusivity to a right of first refusal (context fact azure-rofr). */
  rofrDate: string;
  rivals: string[];
  products: string[];
  hosts: string[];
  subscription: string;
  strategist: string;
}

type Raw = typeof raw;

const DESCRIBED: readonly Described[] = ['amount', 'more-funding', 'multi-year'];

/** parseMonthDate("2019-07") → { year: 2019, month: 7 }; "2021" → { year: 2021, month: null }. */
export function parseMonthDate(date: string): { year: number; month: number | null } {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(date);
  const month = m?.[2] === undefined ? null : Number(m[2]);
  if (!m || (month !== null && (month < 1 || month > 12))) {
    throw new Error(`content/data/symbiosis.json: "${date}" is not a date of the form YYYY or YYYY-MM`);
  }
  return { year: Number(m[1]), month };
}

/**
 * Where an event sits on a year axis: the middle of its month, or the middle of
 * its year when the month is unknown (so a dot never claims more precision than the sheet).
 */
export function yearPosition(inv: Pick<Investment, 'year' | 'month'>): number {
  return inv.month === null ? inv.year + 0.5 : inv.year + (inv.month - 0.5) / 12;
}

/**
 * Reads content/data/symbiosis.json: checks every fact id, the dates and the
 * amounts (the known amounts may not exceed the reported total), and returns
 * plain typed data for the figure.
 */
export function loadSymbiosis(input: Raw = raw): SymbiosisData {
  const fail = (why: string): never => {
    throw new Error(`content/data/symbiosis.json: ${why}`);
  };
  const entries = [
    input.partners.microsoft,
    input.partners.openai,
    ...input.investments,
    input.total,
    input.cloud,
    input.rofr,
    ...input.rivals,
    input.products,
    input.subscription,
    input.strategy,
  ];
  for (const entry of entries) fact(entry.fact);

  const investments: Investment[] = input.investments.map((inv) => {
    const { year, month } = parseMonthDate(inv.date);
    const amountBn: number | null = inv.amountBn;
    if (amountBn !== null && !(amountBn > 0)) fail(`investment ${inv.key} needs a positive amount or null`);
    if (!(DESCRIBED as readonly string[]).includes(inv.described)) fail(`investment ${inv.key} has an unknown "described"`);
    if ((inv.described === 'amount') !== (amountBn !== null)) {
      fail(`investment ${inv.key}: "described" must be "amount" exactly when an amount is given`);
    }
    return { key: inv.key, year, month, amountBn, described: inv.described as Described, fact: inv.fact };
  });
  if (investments.length === 0) fail('needs at least one investment');
  for (let i = 1; i < investments.length; i++) {
    const a = investments[i - 1];
    const b = investments[i];
    if (a && b && yearPosition(b) <= yearPosition(a)) fail('investments must be in chronological order');
  }
  const known = investments.reduce((sum, inv) => sum + (inv.amountBn ?? 0), 0);
  if (!(input.total.amountBn > 0) || known > input.total.amountBn) {
    fail('the total must be positive and at least the sum of the known amounts');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.rofr.date)) fail('rofr.date must be YYYY-MM-DD');
  const last = investments.at(-1);
  if (last && Number(input.rofr.date.slice(0, 4)) < last.year) fail('rofr.date must not precede the investments');
  if (input.rivals.length === 0) fail('needs at least one rival');

  return {
    microsoft: input.partners.microsoft.name,
    openai: input.partners.openai.name,
    cloud: input.cloud.name,
    investments,
    totalBn: input.total.amountBn,
    unit: input.unit,
    rofrDate: input.rofr.date,
    rivals: input.rivals.map((r) => r.name),
    products: input.products.names,
    hosts: input.products.hosts,
    subscription: input.subscription.name,
    strategist: input.strategy.person,
  };
}

export const data = loadSymbiosis();
