import raw from '../../../content/data/users-race.json';
import { fact } from '../../data/facts';
import { defineStrings } from '../../i18n/t';
import { SUMMARY } from '../types';
import de from './strings.de.json';
import en from './strings.en.json';

/** The figure's states in reading order; chapter steps use these ids. */
export const STATES = ['five-days', 'one-hour', 'per-second', 'app-metrics', 'since-then', SUMMARY] as const;
export type State = (typeof STATES)[number];

/** The state whose fields fill in the browser (Enhance.astro). */
export const FIELD_STATE = 'per-second' satisfies State;

/** The figure's words, per language (strings.de.json is the reference). */
export const strings = defineStrings<keyof typeof de>(de, { en });
export type Key = keyof typeof de;

/** One week-over-week app metric from Sensor Tower. */
export interface Metric {
  key: 'downloads' | 'wau' | 'revenue';
  /** Change in percent (11 for +11 %). */
  change: number;
  unit: string;
  /** The source calls it a record (an all-time high), so the bar says so. */
  record: boolean;
  fact: string;
}

/** ChatGPT's weekly users at one date, in millions (context facts; the later one is after the article). */
export interface WeeklyUsers {
  key: 'march-2025' | 'october-2025';
  millions: number;
  /** ISO date of the source (announcement or talk). */
  date: string;
  /** True where the source says "about", so the label says so too. */
  hedged: boolean;
  fact: string;
}

export interface UsersRaceData {
  users: number;
  hours2022: number;
  hours2025: number;
  /** Derived: how many times faster the 2025 million came (fact "speedup"). */
  speedup: number;
  /** Derived: sign-ups per second (fact "rates-per-second"). */
  perSecond2022: number;
  perSecond2025: number;
  metrics: Metric[];
  /** Weekly users at the end of March 2025 and in October 2025, oldest first. */
  weekly: WeeklyUsers[];
  /**
   * Derived (fact "new-users-not-first"): the hour's million as a share of the
   * weekly users of March 2025, in percent.
   */
  baseShare: number;
}

/** Reads content/data/users-race.json, checks its fact ids and the weekly users, and derives the rates and the base share. */
export function loadUsersRace(input: typeof raw = raw): UsersRaceData {
  for (const entry of [input.users, input.days2022, input.hours2025, ...input.metrics, ...input.weekly]) fact(entry.fact);
  const hours2022 = input.days2022.value * 24;
  const hours2025 = input.hours2025.value;
  if (!(hours2025 > 0 && hours2022 > hours2025)) {
    throw new Error('content/data/users-race.json: the 2025 duration must be positive and shorter than 2022');
  }
  const where = 'content/data/users-race.json';
  const weekly = input.weekly.map((w) => ({ ...w, key: w.key as WeeklyUsers['key'] }));
  if (weekly.map((w) => w.key).join() !== 'march-2025,october-2025') {
    throw new Error(`${where}: weekly must list march-2025, then october-2025`);
  }
  for (const w of weekly) {
    if (!(Number.isFinite(w.millions) && w.millions > 0)) throw new Error(`${where}: weekly "${w.key}" needs a positive number of millions`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(w.date)) throw new Error(`${where}: weekly "${w.key}" needs an ISO date (YYYY-MM-DD)`);
  }
  const users = input.users.value;
  const base = weekly[0]?.millions ?? Number.NaN;
  return {
    users,
    hours2022,
    hours2025,
    speedup: hours2022 / hours2025,
    perSecond2022: users / (hours2022 * 3600),
    perSecond2025: users / (hours2025 * 3600),
    metrics: input.metrics.map((m) => ({ ...m, key: m.key as Metric['key'] })),
    weekly,
    baseShare: (users / (base * 1e6)) * 100,
  };
}

export const data = loadUsersRace();
