import { SUMMARY } from '../types';

/** The figure's states in reading order; chapter steps use these ids. */
export const states = ['why-gpus', 'train-and-serve', 'the-surge', '100k-chunks', 'suppliers', 'since-then', SUMMARY] as const;
export type GpuBottleneckState = (typeof states)[number];

/** The state in which the request flow is animated (see flow.ts). */
export const FLOW_STATE: GpuBottleneckState = 'the-surge';

/** Maps any step id to a state; an unknown id falls back to the first state. */
export function stateFor(stepId: string | null | undefined): GpuBottleneckState {
  return (states as readonly string[]).includes(stepId ?? '') ? (stepId as GpuBottleneckState) : states[0];
}
