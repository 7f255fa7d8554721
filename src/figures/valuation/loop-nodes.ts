/**
 * The four stations of the loop, clockwise from the top; the last is where Azure earns. On
 * its own so the client script that turns the loop (loop-turn.ts) takes only these names,
 * not the geometry and the type measurement behind it.
 */
export const LOOP_NODES = ['progress', 'capital', 'build', 'infrastructure'] as const;
export type LoopNode = (typeof LOOP_NODES)[number];
