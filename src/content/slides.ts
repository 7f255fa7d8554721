import { fact, type Fact } from '../data/facts';
import type { FigureModule } from '../figures/types';
import type { Lang } from '../i18n/lang';
import { stepTexts, type StepText } from './chapter-steps';

/** One slide of a chapter's classroom mode: a step with its figure state, heading, key sentence and sources. */
export interface Slide extends StepText {
  /** The figure's text alternative for this state (the caption where the step has no text yet). */
  alt: string;
  /** The slide's sources, one per distinct source line. */
  facts: Fact[];
}

/**
 * The slides of a chapter: one per step, in the order of the frontmatter's `steps`
 * (so a step added there is a slide at once). Heading, key sentence and sources come
 * from the step's text in the body; a step without any falls back to the figure's
 * text alternative and the figure's own sources.
 */
export function chapterSlides(steps: readonly string[], body: string, fig: FigureModule, lang: Lang): Slide[] {
  const texts = new Map(stepTexts(body).map((s) => [s.id, s]));
  return steps.map((id) => {
    const text = texts.get(id);
    const alt = fig.alt(id, lang);
    const ids = text?.sources.length ? text.sources : [...fig.sources];
    const seen = new Set<string>();
    const facts = ids.map(fact).filter((f) => (seen.has(f.source[lang]) ? false : (seen.add(f.source[lang]), true)));
    return { id, heading: text?.heading || fig.title(lang), key: text?.key || alt, sources: ids, alt, facts };
  });
}

/** A fact's public address, where the facts sheet gives one. */
export function factUrl(f: Fact): string | undefined {
  const url = (f as Fact & { url?: unknown }).url;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
}
