import { SUMMARY } from '../types';

/** The figure's states in reading order; chapter steps use these ids. */
export const states = ['the-wave', 'one-prompt', 'the-surge', 'azure-meter', SUMMARY] as const;
export type ValueChainState = (typeof states)[number];

/** Maps any step id to a state; an unknown id falls back to the first state. */
export function stateFor(stepId: string | null | undefined): ValueChainState {
  return (states as readonly string[]).includes(stepId ?? '') ? (stepId as ValueChainState) : states[0];
}
