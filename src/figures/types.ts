import type { Lang } from '../i18n/lang';
import type { Mark } from './marks';

/** Every figure has this state; it is shown without JavaScript, in print and by default in embeds. */
export const SUMMARY = 'summary';

export interface Size {
  width: number;
  height: number;
}

/** The two layouts every figure is computed for at build time. */
export type LayoutName = 'narrow' | 'wide';

export interface GeometryOptions {
  state: string;
  width: number;
  height: number;
  lang: Lang;
  /** Which of the figure's layouts this is; when absent, the one whose width matches (else wide). */
  layout?: LayoutName;
}

/** One row of a figure's data table (and, later, of its CSV download). */
export interface DataRow {
  /** Fact id on content/data/facts.json. */
  fact: string;
  label: string;
  /** The value as the reader sees it, formatted for the language. */
  value: string;
  /** The raw number and its unit, for downloads. */
  raw: number | null;
  unit: string;
  /**
   * For a value we computed from the row's fact (a difference, a ratio): the
   * arithmetic, in the row's language. The row then counts as "derived".
   */
  derived?: string;
  /** The row describes a schematic part of the figure (no data behind it); the sources page lists it as such. */
  schematic?: boolean;
}

/**
 * What a figure folder exports (see src/figures/<id>/index.ts). The shared
 * machinery (FigureFrame, figure-stage, Scrolly) needs nothing else.
 */
export interface FigureModule {
  id: string;
  /** State ids in reading order; must include SUMMARY. Step ids in chapters come from here. */
  states: readonly string[];
  layouts: Record<LayoutName, Size>;
  title(lang: Lang): string;
  /** Pure: marks for one state in one layout. */
  geometry(opts: GeometryOptions): Mark[];
  /** One or two sentences saying what the state shows, for screen readers. */
  alt(state: string, lang: Lang): string;
  /** Rows for the data table. */
  table(lang: Lang): DataRow[];
  /** Fact ids the figure's source line names, in order (all states together). */
  sources: readonly string[];
  /**
   * Fact ids behind one state, when a state shows only some of them: the source line then
   * names these while that state is shown. A state not listed names all of `sources`.
   */
  stateSources?: Readonly<Record<string, readonly string[]>>;
  /** The state that shows the figure's point at a glance (chapter cards, previews); defaults to SUMMARY. */
  keyState?: string;
  /** Chapter accent for this figure, a token name from tokens.css. */
  accent: 'teal' | 'vermilion' | 'indigo' | 'ochre' | 'plum';
}
