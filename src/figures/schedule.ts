/**
 * When things happen during a change of state, as shares (0 to 1) of the transition.
 * figure-stage runs it in the browser; the transition test (test/unit/figure-layout.test.ts,
 * through kit/transition.ts) samples the same schedule at build time, so the rule the test
 * checks is the rule the reader sees. Pure constants and arithmetic: no DOM.
 */

/** Transitions stay short. */
export const DURATION = 500;

/** Marks that leave fade out in this part of the transition, one after another. */
export const EXIT: readonly [number, number] = [0, 0.5];
/** Marks that arrive take their place unseen and fade in, in this part. */
export const ENTER: readonly [number, number] = [0.35, 1];
/** Within a phase, the last mark starts this far (as a share of the phase) after the first. */
export const STAGGER = 0.4;
/** A label that stays but changes its words switches here, with the moving marks half way. */
export const TEXT_SWITCH = 0.5;

/** Start of the i-th of n staggered fades within a phase. */
export function stagger([from, to]: readonly [number, number], i: number, n: number): number {
  return n > 1 ? from + ((to - from) * STAGGER * i) / (n - 1) : from;
}

/**
 * A fading label switches at the middle of its fade (restyling text every frame is what made
 * frames long on slow phones), and a fading shape is past half its opacity there too. So a
 * leaving mark may still be seen until the latest middle of an exit fade, and an arriving one
 * from the earliest middle of an enter fade.
 */
export const LEAVING_SEEN_UNTIL = (EXIT[0] + STAGGER * (EXIT[1] - EXIT[0]) + EXIT[1]) / 2;
export const ARRIVING_SEEN_FROM = (ENTER[0] + ENTER[1]) / 2;
