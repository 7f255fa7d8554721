import type { ValueChainState } from './data';

/**
 * When the hall of the-surge has landed, its racks light up one after another, in a fixed
 * shuffled order, until all are lit: the still (every rack lit) is where it ends. Pure, so
 * the order and the pace are tested at build; light-up.ts only applies them.
 */
export const LIGHT_UP = {
  state: 'the-surge' satisfies ValueChainState as ValueChainState,
  /** From the first rack lit to the last. */
  ms: 1400,
  /** Where in the scatter the order starts (any integer gives an even scatter). */
  seed: 27,
} as const;

/** The golden ratio's fractional part: multiples of it scatter evenly over [0, 1). */
const PHI = (Math.sqrt(5) - 1) / 2;

/**
 * lightingOrder(n): rack indexes 0…n−1 in the order they light up, scattered over the hall
 * (sorted by the fractional part of i × φ, offset by the seed), the same on every load.
 */
export function lightingOrder(n: number, seed: number = LIGHT_UP.seed): number[] {
  const at = (i: number) => (((i + seed) * PHI) % 1 + 1) % 1;
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => at(a) - at(b));
}

/** litAt(elapsed, n): how many of n racks are lit `elapsed` ms after the hall has landed (at least one, all at the end). */
export function litAt(elapsed: number, n: number, ms: number = LIGHT_UP.ms): number {
  if (elapsed >= ms) return n;
  return Math.min(n, Math.max(1, Math.ceil((Math.max(0, elapsed) / ms) * n)));
}
