import { chapterForFigure } from '../content/chapters';
import type { Lang } from '../i18n/lang';
import { absolute, chapterPath, homePath } from '../i18n/routes';

/** The path of the story a figure belongs to (its chapter; the landing page if none tells it). */
export async function storyPath(lang: Lang, figure: string): Promise<string> {
  const chapter = await chapterForFigure(lang, figure);
  return chapter ? chapterPath(lang, chapter.data.slug) : homePath(lang);
}

/** The same as an absolute URL on the deployed site (SITE), the link every download and embed code cites. */
export async function storyUrl(lang: Lang, figure: string, site: URL | undefined): Promise<string> {
  return absolute(await storyPath(lang, figure), site);
}
