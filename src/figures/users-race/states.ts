import { SUMMARY } from '../types';

/** The figure's states in reading order; chapter steps use these ids. */
export const states = ['five-days', 'one-hour', 'per-second', 'app-metrics', 'since-then', SUMMARY] as const;
export type UsersRaceState = (typeof states)[number];

/** Maps any step id to a state; an unknown id falls back to the first state. */
export function stateFor(stepId: string | null | undefined): UsersRaceState {
  return (states as readonly string[]).includes(stepId ?? '') ? (stepId as UsersRaceState) : states[0];
}
