/**
 * The landing page's hook: ten seconds of sign-ups at the two derived rates of chapter 3
 * (fact "rates-per-second"), one dot per new user. Pure, so the build (the still) and the
 * browser (the count running up) compute the same numbers from the same functions.
 */

/** How long the simulation runs: short enough to watch to the end, long enough to see the gap. */
export const WINDOW_SECONDS = 10;

/** Dots per row of a field; both fields share it, so a dot has one size. */
export const FIELD_COLS = 64;

/** Distance between dot centres, in viewBox units. */
export const DOT_PITCH = 6;

/** The two sign-up rates, with the figures they come from (content/data/users-race.json). */
export interface HookRates {
  /** New users counted by each fact (one million). */
  users: number;
  /** Seconds the million took in late 2022 (five days) and in March 2025 (one hour). */
  secondsThen: number;
  secondsNow: number;
  /** New users per second, derived: users ÷ seconds. */
  perSecondThen: number;
  perSecondNow: number;
  /** How many times faster the 2025 million came. */
  speedup: number;
}

/** The rates from the users-race data (its fields in hours), with the seconds the arithmetic shows. */
export function hookRates(data: { users: number; hours2022: number; hours2025: number }): HookRates {
  const secondsThen = data.hours2022 * 3600;
  const secondsNow = data.hours2025 * 3600;
  if (!(data.users > 0 && secondsNow > 0 && secondsThen > secondsNow)) {
    throw new Error('hookRates: needs a positive million and a 2025 duration shorter than the 2022 one');
  }
  return {
    users: data.users,
    secondsThen,
    secondsNow,
    perSecondThen: data.users / secondsThen,
    perSecondNow: data.users / secondsNow,
    speedup: secondsThen / secondsNow,
  };
}

/**
 * New users after `seconds` at `perSecond`, rounded to whole people and held at the end of
 * the window: countAt(1e6 / 3600, 10) is 2778, the number the still shows.
 */
export function countAt(perSecond: number, seconds: number, window = WINDOW_SECONDS): number {
  const t = Math.min(Math.max(seconds, 0), window);
  return Math.round(perSecond * t);
}

/** An axis-aligned rectangle in viewBox units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of a field that n dots fill, row by row from the top left: the full rows as one
 * box and the started row as another. Filled with a dot pattern of the same pitch, each box
 * shows exactly its share of dots, so two rectangles draw thousands of dots.
 */
export function fieldFill(n: number, cols = FIELD_COLS, pitch = DOT_PITCH): { full: Box; partial: Box } {
  const count = Math.max(0, Math.floor(n));
  const fullRows = Math.floor(count / cols);
  const rest = count - fullRows * cols;
  return {
    full: { x: 0, y: 0, width: fullRows > 0 ? cols * pitch : 0, height: fullRows * pitch },
    partial: { x: 0, y: fullRows * pitch, width: rest * pitch, height: rest > 0 ? pitch : 0 },
  };
}

/** How many dots a fill draws (the inverse of fieldFill, for tests and checks). */
export function dotsIn(fill: { full: Box; partial: Box }, pitch = DOT_PITCH): number {
  const per = (b: Box) => Math.round(b.width / pitch) * Math.round(b.height / pitch);
  return per(fill.full) + per(fill.partial);
}

/** The size of a field that holds n dots, in viewBox units (at least one row, so an empty field keeps its place). */
export function fieldSize(n: number, cols = FIELD_COLS, pitch = DOT_PITCH): { width: number; height: number } {
  return { width: cols * pitch, height: Math.max(1, Math.ceil(n / cols)) * pitch };
}
