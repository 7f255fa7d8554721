import type { Mark } from '../marks';
import { NUMERIC_ATTRS } from '../marks';
import { ARRIVING_SEEN_FROM, LEAVING_SEEN_UNTIL, TEXT_SWITCH } from '../schedule';

/** Samples of a change of state, as shares of its progress. */
export const SAMPLES = [0, 0.25, 0.5, 0.75, 1] as const;

const seen = (m: Mark | undefined): m is Mark => m !== undefined && (m.opacity ?? 1) > 0;

/**
 * frameAt(from, to, p): the marks a reader sees at progress p of the change from one state to
 * the next, as figure-stage runs it (schedule.ts). Marks seen in both states move linearly
 * in step, and a label that changes its words shows the old words before TEXT_SWITCH and the
 * new ones after, never both; a mark only in the first state counts as seen until
 * LEAVING_SEEN_UNTIL, one only in the second from ARRIVING_SEEN_FROM (the latest and earliest
 * a fading mark is still, or already, half visible).
 */
export function frameAt(from: readonly Mark[], to: readonly Mark[], p: number): Mark[] {
  const a = new Map(from.filter(seen).map((m) => [m.key, m]));
  const b = new Map(to.filter(seen).map((m) => [m.key, m]));
  const out: Mark[] = [];
  for (const [key, m] of a) {
    const n = b.get(key);
    if (n) out.push(between(m, n, p));
    else if (p < LEAVING_SEEN_UNTIL) out.push(m);
  }
  for (const [key, n] of b) if (!a.has(key) && p >= ARRIVING_SEEN_FROM) out.push(n);
  return out;
}

/** One mark part way from m to n (same key). Kinds differ only in a broken figure; then it jumps at TEXT_SWITCH. */
function between(m: Mark, n: Mark, p: number): Mark {
  if (m.kind !== n.kind) return p < TEXT_SWITCH ? m : n;
  const late = p >= TEXT_SWITCH;
  const out = { ...(late ? n : m) } as Record<string, unknown>;
  for (const attr of NUMERIC_ATTRS[m.kind]) {
    const x = (m as unknown as Record<string, number | undefined>)[attr] ?? 0;
    const y = (n as unknown as Record<string, number | undefined>)[attr] ?? 0;
    out[attr] = x + (y - x) * p;
  }
  return out as unknown as Mark;
}
