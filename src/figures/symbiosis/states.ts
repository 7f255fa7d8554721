import { SUMMARY } from '../types';

/** The figure's states in reading order; chapter steps use these ids. */
export const states = ['money', 'compute', 'products', 'the-loop', 'since-2025', SUMMARY] as const;
export type SymbiosisState = (typeof states)[number];

/** Maps any step id to a state; an unknown id falls back to the first state. */
export function stateFor(stepId: string | null | undefined): SymbiosisState {
  return (states as readonly string[]).includes(stepId ?? '') ? (stepId as SymbiosisState) : states[0];
}
