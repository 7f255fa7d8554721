import raw from '../../../content/data/users-race.json';
import { fact } from '../../data/facts';

/** One week-over-week app metric from Sensor Tower. */
export interface Metric {
  key: 'downloads' | 'wau' | 'revenue';
  /** Change in percent (11 for +11 %). */
  change: number;
  unit: string;
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
}

/** Reads content/data/users-race.json, checks its fact ids, and derives the rates. */
export function loadUsersRace(input: typeof raw = raw): UsersRaceData {
  for (const entry of [input.users, input.days2022, input.hours2025, ...input.metrics]) fact(entry.fact);
  const hours2022 = input.days2022.value * 24;
  const hours2025 = input.hours2025.value;
  if (!(hours2025 > 0 && hours2022 > hours2025)) {
    throw new Error('content/data/users-race.json: the 2025 duration must be positive and shorter than 2022');
  }
  const users = input.users.value;
  return {
    users,
    hours2022,
    hours2025,
    speedup: hours2022 / hours2025,
    perSecond2022: users / (hours2022 * 3600),
    perSecond2025: users / (hours2025 * 3600),
    metrics: input.metrics.map((m) => ({ ...m, key: m.key as Metric['key'] })),
  };
}

export const data = loadUsersRace();
