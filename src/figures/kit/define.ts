import { fill, formatChange, formatDate, formatNumber, formatPercent } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { Mark } from '../marks';
import { SUMMARY, type DataRow, type FigureModule, type GeometryOptions, type LayoutName, type Size } from '../types';

/**
 * The two layouts every figure is drawn at, in SVG user units. They are sized to be shown at
 * 1:1 or larger: narrow fills the pinned phone panel (at least 288×200 CSS px from 320 px
 * wide phones up), wide the desktop column (4:3). With the smallest type role at 12 units
 * (type.ts), figure text is never below 12 CSS px where the figure is pinned.
 */
export const LAYOUTS: Readonly<Record<LayoutName, Size>> = {
  narrow: { width: 288, height: 200 },
  wide: { width: 640, height: 480 },
};

type Params = Record<string, string | number>;

/** What text a figure has in every language: a typed dictionary per language (defineStrings). */
export type FigureStrings<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

/** Formatting and words for one language: what alt texts and tables need. */
export interface TextContext<K extends string> {
  lang: Lang;
  /** The figure's string for key, with {placeholders} filled. */
  say(key: K, params?: Params): string;
  /** A number in the language's format (digits: fraction digits). */
  num(n: number, digits?: number): string;
  /** A share in percent (11 → "11 %" / "11%"). */
  pct(n: number): string;
  /** A change in percent points with its sign (+11 %). */
  change(n: number): string;
  /** An ISO date as the language writes it. */
  date(iso: string): string;
}

/** Everything geometry and alt text get about the state they draw. */
export interface FigureContext<S extends string, K extends string> extends TextContext<K> {
  /** A known state: an unknown one resolves to SUMMARY here, in this one place. */
  state: S;
  layout: LayoutName;
  narrow: boolean;
  width: number;
  height: number;
}

export interface FigureDefinition<S extends string, K extends string> {
  id: string;
  /** State ids in reading order, SUMMARY included; chapter steps use these ids. */
  states: readonly S[];
  /** Defaults to LAYOUTS; a figure that draws at other sizes must still meet the 12 px rule. */
  layouts?: Readonly<Record<LayoutName, Size>>;
  accent: FigureModule['accent'];
  strings: FigureStrings<K>;
  /** The figure's name (its accessible name, download title); defaults to the string "title". */
  title?: K;
  /** Fact ids the source line names, all states together. */
  sources: readonly string[];
  /** Fact ids behind single states (see FigureModule.stateSources). */
  stateSources?: Partial<Record<S, readonly string[]>>;
  /** The state chapter cards and previews show; defaults to SUMMARY. */
  keyState?: S;
  geometry(ctx: FigureContext<S, K>): Mark[];
  alt(ctx: FigureContext<S, K>): string;
  table(ctx: TextContext<K>): DataRow[];
}

/** textContext(strings, lang): say/num/pct/change/date for one language. */
export function textContext<K extends string>(strings: FigureStrings<K>, lang: Lang): TextContext<K> {
  return {
    lang,
    say: (key, params) => fill(strings[lang][key], params),
    num: (n, digits) => formatNumber(lang, n, digits),
    pct: (n) => formatPercent(lang, n),
    change: (n) => formatChange(lang, n),
    date: (iso) => formatDate(lang, iso),
  };
}

/**
 * defineFigure(definition): a figure folder's whole contract. The folder declares its states,
 * strings, sources and three pure functions; this turns them into the FigureModule the frame,
 * the stage, the exports and the tests use, resolving states and layouts in one place.
 */
export function defineFigure<const S extends string, K extends string>(def: FigureDefinition<S, K>): FigureModule {
  if (!def.states.includes(SUMMARY as S)) throw new Error(`figure ${def.id}: states must include "${SUMMARY}"`);
  const layouts = def.layouts ?? LAYOUTS;
  const resolve = (state: string): S => ((def.states as readonly string[]).includes(state) ? (state as S) : (SUMMARY as S));
  const context = (opts: GeometryOptions): FigureContext<S, K> => {
    const layout: LayoutName = opts.layout ?? (opts.width === layouts.narrow.width ? 'narrow' : 'wide');
    return { ...textContext(def.strings, opts.lang), state: resolve(opts.state), layout, narrow: layout === 'narrow', width: opts.width, height: opts.height };
  };
  return {
    id: def.id,
    states: def.states,
    layouts,
    accent: def.accent,
    title: (lang) => def.strings[lang][def.title ?? ('title' as K)],
    geometry: (opts) => def.geometry(context(opts)),
    alt: (state, lang) => def.alt(context({ state, lang, ...layouts.wide, layout: 'wide' })),
    table: (lang) => def.table(textContext(def.strings, lang)),
    sources: def.sources,
    ...(def.stateSources ? { stateSources: def.stateSources as Record<string, readonly string[]> } : {}),
    ...(def.keyState ? { keyState: def.keyState } : {}),
  };
}
