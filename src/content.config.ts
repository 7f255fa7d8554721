import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './content/chapter-schema';

/**
 * Chapters: content/chapters/<lang>/<nn>-<slug>.mdx. The entry id keeps the folder
 * ("de/03-der-ansturm"), so a schema error names the file it comes from.
 */
const chapters = defineCollection({
  loader: glob({
    pattern: '*/*.mdx',
    base: './content/chapters',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
