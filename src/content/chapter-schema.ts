import { z } from 'astro/zod';
import { isFactId } from '../data/facts';
import { figures, isFigureId } from '../figures';
import { SUMMARY } from '../figures/types';

/**
 * Frontmatter of a chapter. A missing field, an unknown figure id or a step the
 * figure does not know fails the build; Astro prefixes the message with the entry
 * ("chapters → de/03-der-ansturm"), which is the file's path.
 */
export const chapterSchema = z
  .object({
    number: z.number().int().min(1).max(5),
    title: z.string().min(1),
    /** Short title for navigation (table of contents, previous/next). */
    short: z.string().min(1),
    slug: z.string().regex(/^[a-z0-9-]+$/, 'slug: lowercase letters, digits and hyphens only'),
    summary: z.string().min(1),
    figure: z.string().refine(isFigureId, {
      error: (issue) =>
        `figure "${String(issue.input)}" has no folder src/figures/${String(issue.input)}/ (known: ${Object.keys(figures).join(', ')})`,
    }),
    steps: z.array(z.string().min(1)).min(1),
    /** Three to five questions for class discussion (teaching box at the chapter's end). */
    questions: z.array(z.string().min(10)).min(3).max(5),
    /** The chapter's key numbers for the teaching box, as fact ids. */
    keyNumbers: z
      .array(z.string().refine(isFactId, { error: (issue) => `keyNumbers: "${String(issue.input)}" is not a fact id in content/data/facts.json` }))
      .min(2)
      .max(6),
    /** Date of the last content change, ISO (YYYY-MM-DD). */
    updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'updated: a date as YYYY-MM-DD'),
  })
  .superRefine((ch, ctx) => {
    const fig = figures[ch.figure];
    if (!fig) return;
    const known = new Set(fig.states);
    for (const step of ch.steps) {
      if (!known.has(step)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps'],
          message: `step "${step}" is not a state of figure "${ch.figure}" (its states: ${fig.states.join(', ')})`,
        });
      }
    }
    if (new Set(ch.steps).size !== ch.steps.length) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'steps: each step id may appear only once' });
    }
    if (ch.steps.at(-1) !== SUMMARY) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: `steps: the last step must be "${SUMMARY}"` });
    }
  });

export type ChapterData = z.infer<typeof chapterSchema>;
