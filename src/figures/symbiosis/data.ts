import raw from '../../../content/data/symbiosis.json';
import { fact } from '../../data/facts';
import { defineStrings } from '../../i18n/t';
import { SUMMARY } from '../types';
import de from './strings.de.json';
import en from './strings.en.json';

/**
 * The figure's states in reading order: the ledger fills in one flow at a time (money, compute,
 * the loosened exclusivity, models, the loop), then shows the terms of autumn 2025 to scale.
 */
export const STATES = ['money', 'compute', 'first-refusal', 'products', 'the-loop', 'since-2025', SUMMARY] as const;
export type SymbiosisState = (typeof STATES)[number];

/** The figure's words in both languages (strings.de.json is the reference). */
export const strings = defineStrings<keyof typeof de>(de, { en });
export type StringKey = keyof typeof de;

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
  /** What changed after the article (since- facts), drawn in the since-2025 state and the summary. */
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

/**
 * One flow whose amount is sourced: drawn as that many squares of one billion dollars each,
 * on the one scale every sized flow shares. Flows without a sourced amount are schematic.
 */
export interface Commitment {
  key: 'ms' | 'azure' | 'aws';
  amountBn: number;
  /** ISO date the amount was disclosed or agreed. */
  date: string;
  fact: string;
}

/** commitments(d): the three sourced amounts: Microsoft's to OpenAI, OpenAI's to Azure and to AWS. */
export function commitments(d: SymbiosisData): Record<Commitment['key'], Commitment> {
  return {
    ms: { key: 'ms', amountBn: d.totalBn, date: d.totalDate, fact: 'ms-13bn-disclosed' },
    azure: { key: 'azure', amountBn: d.since.azureBn, date: d.since.date, fact: 'since-ms-openai-deal' },
    aws: { key: 'aws', amountBn: d.since.aws.amountBn, date: d.since.aws.date, fact: 'since-aws-38bn' },
  };
}

/**
 * The ISO date a round is drawn at on the timeline: the middle of its month, or the middle
 * of its year when only the year is known (a dot never claims more precision than the sheet).
 */
export function roundDate(inv: Pick<Investment, 'year' | 'month'>): string {
  return inv.month === null ? `${inv.year}-07-01` : `${inv.year}-${String(inv.month).padStart(2, '0')}-15`;
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
    if (a && b && roundDate(b) <= roundDate(a)) fail('investments must be in chronological order');
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
  // Sized flows are drawn as one square per billion dollars: a fraction of a square cannot be drawn honestly.
  for (const [name, n] of [['total.amountBn', input.total.amountBn], ['since.deal.azureBn', deal.azureBn], ['since.aws.amountBn', aws.amountBn], ...investments.map((inv) => [`investment ${inv.key}`, inv.amountBn ?? 1] as const)] as const) {
    if (!Number.isInteger(n)) fail(`${name} must be whole billions (one square each)`);
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
