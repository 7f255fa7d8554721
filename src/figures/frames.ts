import type { Lang } from '../i18n/lang';
import { markAttributes, marksToSvg, unionKeys, type Mark } from './marks';
import { SUMMARY, type FigureModule, type LayoutName } from './types';

/** Every state of one layout, computed at build time. */
export interface LayoutFrames {
  name: LayoutName;
  width: number;
  height: number;
  keys: string[];
  states: Record<string, Mark[]>;
}

/** Computes all states of a figure for one layout and language. */
export function layoutFrames(fig: FigureModule, name: LayoutName, lang: Lang): LayoutFrames {
  const { width, height } = fig.layouts[name];
  const states: Record<string, Mark[]> = {};
  for (const state of fig.states) states[state] = fig.geometry({ state, width, height, lang, layout: name });
  const order = [SUMMARY, ...fig.states.filter((s) => s !== SUMMARY)];
  return { name, width, height, keys: unionKeys(order.map((s) => states[s] ?? [])), states };
}

/** The static SVG of one state; marks the state lacks are present but hidden, ready to morph in. */
export function stateSvg(frames: LayoutFrames, state: string, rootAttrs: Record<string, string> = {}, title?: string): string {
  const fallback = new Map<string, Mark>();
  for (const s of Object.keys(frames.states)) {
    for (const m of frames.states[s] ?? []) if (!fallback.has(m.key)) fallback.set(m.key, m);
  }
  return marksToSvg({
    width: frames.width,
    height: frames.height,
    state: frames.states[state] ?? frames.states[SUMMARY] ?? [],
    keys: frames.keys,
    fallback,
    rootAttrs,
    ...(title ? { title } : {}),
  });
}

/**
 * The client payload: per state, per key, the SVG attributes and text to move to.
 * Keys absent from a state fade out. Shipped as JSON next to the SVG.
 */
export type StatePayload = Record<string, Record<string, [Record<string, string | number>, string?]>>;

export function statePayload(frames: LayoutFrames): StatePayload {
  const out: StatePayload = {};
  for (const [state, marks] of Object.entries(frames.states)) {
    const entry: Record<string, [Record<string, string | number>, string?]> = {};
    for (const m of marks) {
      const { 'data-key': _key, ...attrs } = markAttributes(m);
      entry[m.key] = m.kind === 'text' ? [attrs, m.text] : [attrs];
    }
    out[state] = entry;
  }
  return out;
}
