import { SUMMARY } from '../types';

/** The figure's states in reading order; chapter steps use these ids. */
export const states = ['earlier-rounds', 'the-jump', 'what-microsoft-gets', 'feedback-loop', 'since-then', SUMMARY] as const;
export type ValuationState = (typeof states)[number];

/** Maps any step id to a state; an unknown id falls back to the first state. */
export function stateFor(stepId: string | null | undefined): ValuationState {
  return (states as readonly string[]).includes(stepId ?? '') ? (stepId as ValuationState) : states[0];
}
