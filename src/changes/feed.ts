import { Feed } from 'feed';
import { changes, type Change } from './changes';
import type { Lang } from '../i18n/lang';
import { absolute, changesFeedPath, homePath, pagePath } from '../i18n/routes';
import { t } from '../i18n/t';

/** A change's feed id: a tag URI, stable across domains and base paths (RFC 4151). */
function entryId(change: Change, lang: Lang): string {
  return `tag:ghibli-gpus,2026:${lang}/changes/${change.id}`;
}

/** Where a change is described on the changes page (absolute URL). */
function entryLink(change: Change, lang: Lang, site: URL | undefined): string {
  return `${absolute(pagePath(lang, 'changes'), site)}#change-${change.id}`;
}

/**
 * The Atom 1.0 feed of one language's changes page, built with the `feed` library:
 * one entry per change, newest first, updated = the newest change's date.
 */
export function changesFeed(lang: Lang, site: URL | undefined): string {
  const newest = changes[0];
  const feed = new Feed({
    id: `tag:ghibli-gpus,2026:${lang}/changes`,
    title: `${t(lang, 'site.name')}: ${t(lang, 'changes.title')}`,
    description: t(lang, 'changes.intro'),
    link: absolute(pagePath(lang, 'changes'), site),
    language: lang,
    feedLinks: { atom: absolute(changesFeedPath(lang), site) },
    copyright: t(lang, 'licence.note'),
    generator: false,
    author: { name: t(lang, 'site.name'), link: absolute(homePath(lang), site) },
    ...(newest ? { updated: new Date(`${newest.date}T00:00:00Z`) } : {}),
  });
  for (const c of changes) {
    const date = new Date(`${c.date}T00:00:00Z`);
    feed.addItem({
      id: entryId(c, lang),
      title: `${t(lang, `changes.kind.${c.kind}`)}: ${c.title[lang]}`,
      link: entryLink(c, lang, site),
      date,
      published: date,
      description: c.text[lang],
      category: [{ term: c.kind, name: t(lang, `changes.kind.${c.kind}`) }],
    });
  }
  return feed.atom1();
}
