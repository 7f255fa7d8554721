import { glossary } from '../glossary/glossary';
import { LOCALE, type Lang } from '../i18n/lang';

/**
 * schema.org structured data for every kind of page, as plain objects (Base renders
 * them into one <script type="application/ld+json">). Pure: every URL comes in absolute.
 */

const LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

/** The site as schema.org sees it: the publisher and author of every page. */
export interface SiteRef {
  lang: Lang;
  name: string;
  /** Absolute URL of the landing page in this language. */
  home: string;
  /** Absolute URL of the site card (1200 × 630). */
  logo: string;
}

/** What every page contributes: its address, name, summary and preview image. */
export interface PageRef {
  url: string;
  name: string;
  description: string;
  image: string;
}

function organization(site: SiteRef) {
  return { '@type': 'Organization', name: site.name, url: site.home, logo: { '@type': 'ImageObject', url: site.logo } };
}

function website(site: SiteRef) {
  return { '@type': 'WebSite', name: site.name, url: site.home };
}

/** What every page node says about itself: its name, summary, address, image, language and site. */
function pageFields(site: SiteRef, page: PageRef) {
  return {
    name: page.name,
    description: page.description,
    url: page.url,
    image: page.image,
    inLanguage: LOCALE[site.lang],
    isPartOf: website(site),
  };
}

/** JSON-LD inside <script>: no "<" may close the element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** A chapter: an Article with image, both dates, language and the page it is the main entity of. */
export function articleLd(site: SiteRef, page: PageRef, dates: { published: string; modified: string }, position: number) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': `${page.url}#article`,
    headline: page.name,
    description: page.description,
    image: [page.image],
    datePublished: dates.published,
    dateModified: dates.modified,
    inLanguage: LOCALE[site.lang],
    mainEntityOfPage: { '@type': 'WebPage', '@id': page.url },
    url: page.url,
    position,
    author: organization(site),
    publisher: organization(site),
    license: LICENCE,
    isPartOf: website(site),
  };
}

/** The landing page: the WebSite itself. */
export function websiteLd(site: SiteRef, page: PageRef) {
  return {
    '@context': 'https://schema.org',
    ...website(site),
    '@id': `${site.home}#website`,
    description: page.description,
    image: page.image,
    inLanguage: LOCALE[site.lang],
    publisher: organization(site),
    license: LICENCE,
  };
}

/** The sources page: a CollectionPage of the facts with their sources. */
export function collectionLd(site: SiteRef, page: PageRef) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': page.url,
    ...pageFields(site, page),
    publisher: organization(site),
    license: LICENCE,
  };
}

/** The glossary: a DefinedTermSet whose terms link to their entries on the page. */
export function termSetLd(site: SiteRef, page: PageRef) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTermSet',
    '@id': page.url,
    ...pageFields(site, page),
    hasDefinedTerm: glossary[site.lang].map((term) => ({
      '@type': 'DefinedTerm',
      '@id': `${page.url}#term-${term.id}`,
      name: term.term,
      description: term.definition,
      inDefinedTermSet: page.url,
    })),
  };
}

/** A chapter's classroom mode: a presentation of the chapter's Article. */
export function presentationLd(site: SiteRef, page: PageRef, chapterUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'PresentationDigitalDocument',
    '@id': page.url,
    ...pageFields(site, page),
    isBasedOn: { '@type': 'Article', '@id': `${chapterUrl}#article`, url: chapterUrl },
    publisher: organization(site),
    license: LICENCE,
    educationalUse: 'presentation',
  };
}

/** Any other page (the 404 page): a plain WebPage. */
export function webPageLd(site: SiteRef, page: PageRef) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    ...pageFields(site, page),
  };
}
