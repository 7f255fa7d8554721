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
  /** Microsoft's total funding commitments in billions of US dollars, as Microsoft disclosed them (ms-13bn-disclosed). */
  totalBn: number;
  /** ISO date of the filing that disclosed the total. */
  totalDate: string;
  unit: string;
  /** ISO date of the switch from exclusivity to a right of first refusal (context fact azure-rofr). */
  rofrDate: string;
  /** ISO date the right of first refusal ended: the day of the October 2025 agreement. */
  rofrEnded: string;
  rivals: string[];
  products: string[];
  hosts: string[];
  subscription: string;
  strategist: string;
  /** What changed after the article (since- facts), drawn in the since-2025 state. */
  since: Since;
}

/** The October 2025 agreement and the AWS contract of November 2025 (context, since-ms-openai-deal and since-aws-38bn). */
export interface Since {
  date: string;
  company: string;
  /** Microsoft's stake, as-converted and diluted, in per cent. */
  stakePct: number;
  /** What that stake was valued at, billions of US dollars. */
  stakeBn: number;
  /** OpenAI's incremental Azure commitment, billions of US dollars. */
  azureBn: number;
  ipThrough: number;
  aws: { date: string; rival: string; amountBn: number; years: number };
}

/** One sourced commitment drawn as a bar in the since-2025 state; all bars share one scale. */
export interface Commitment {
  key: 'ms' | 'azure' | 'aws';
  amountBn: number;
  fact: string;
}

/** commitments(d): the three sourced amounts, in the order the figure lists them (who pays whom). */
export function commitments(d: SymbiosisData): Commitment[] {
  return [
    { key: 'ms', amountBn: d.totalBn, fact: 'ms-13bn-disclosed' },
    { key: 'azure', amountBn: d.since.azureBn, fact: 'since-ms-openai-deal' },
    { key: 'aws', amountBn: d.since.aws.amountBn, fact: 'since-aws-38bn' },
  ];
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
 * amounts (the known amounts may not exceed the disclosed total), and returns
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
    input.since.deal,
    input.since.aws,
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
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  for (const [name, date] of [['total.date', input.total.date], ['rofr.date', input.rofr.date], ['rofr.ended', input.rofr.ended], ['since.deal.date', input.since.deal.date], ['since.aws.date', input.since.aws.date]] as const) {
    if (!iso.test(date)) fail(`${name} must be YYYY-MM-DD`);
  }
  const last = investments.at(-1);
  if (last && Number(input.rofr.date.slice(0, 4)) < last.year) fail('rofr.date must not precede the investments');
  // The right of first refusal ended with the October 2025 agreement; one date, not two that can drift apart.
  if (input.rofr.ended !== input.since.deal.date) fail('rofr.ended must be the date of since.deal');
  if (!(input.rofr.ended > input.rofr.date)) fail('rofr.ended must come after rofr.date');
  if (input.rivals.length === 0) fail('needs at least one rival');
  const { deal, aws } = input.since;
  if (!(deal.stakePct > 0 && deal.stakePct < 100)) fail('since.deal.stakePct must be a share between 0 and 100');
  for (const [name, n] of [['since.deal.stakeBn', deal.stakeBn], ['since.deal.azureBn', deal.azureBn], ['since.aws.amountBn', aws.amountBn]] as const) {
    if (!(n > 0)) fail(`${name} must be a positive amount`);
  }
  if (!input.rivals.some((r) => r.name === aws.rival)) fail(`since.aws.rival "${aws.rival}" is not one of the rivals`);

  return {
    microsoft: input.partners.microsoft.name,
    openai: input.partners.openai.name,
    cloud: input.cloud.name,
    investments,
    totalBn: input.total.amountBn,
    totalDate: input.total.date,
    unit: input.unit,
    rofrDate: input.rofr.date,
    rofrEnded: input.rofr.ended,
    rivals: input.rivals.map((r) => r.name),
    products: input.products.names,
    hosts: input.products.hosts,
    subscription: input.subscription.name,
    strategist: input.strategy.person,
    since: {
      date: deal.date,
      company: deal.company,
      stakePct: deal.stakePct,
      stakeBn: deal.stakeBn,
      azureBn: deal.azureBn,
      ipThrough: deal.ipThrough,
      aws: { date: aws.date, rival: aws.rival, amountBn: aws.amountBn, years: aws.years },
    },
  };
}

export const data = loadSymbiosis();
