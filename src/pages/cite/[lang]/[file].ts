import type { APIRoute, GetStaticPaths } from 'astro';
import { bibtex, cslJson, ris, type CiteInput } from '../../../cite/citation';
import { CITE_FORMATS, CITE_TYPES, chapterCitation, PIECE, pieceCitation, type CiteFormat } from '../../../cite/entries';
import { chaptersIn } from '../../../content/chapters';
import { LANGS } from '../../../i18n/lang';

/**
 * /cite/<lang>/<chapter>.ris|json|bib: one chapter's citation; /cite/<lang>/ghibli-gpus.*:
 * the whole piece followed by its chapters, so one import brings all of them.
 */
export const getStaticPaths = (async () => {
  const out = [];
  for (const lang of LANGS) {
    const chapters = await chaptersIn(lang);
    for (const format of CITE_FORMATS) {
      for (const entry of chapters) out.push({ params: { lang, file: `${entry.data.slug}.${format}` }, props: { format, lang, slug: entry.data.slug } });
      out.push({ params: { lang, file: `${PIECE}.${format}` }, props: { format, lang, slug: PIECE } });
    }
  }
  return out;
}) satisfies GetStaticPaths;

interface Props {
  format: CiteFormat;
  lang: (typeof LANGS)[number];
  slug: string;
}

const WRITERS: Record<CiteFormat, (items: CiteInput[]) => string> = {
  ris,
  json: cslJson,
  bib: (items) => `${items.map(bibtex).join('\n\n')}\n`,
};

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const chapters = await chaptersIn(props.lang);
  const items =
    props.slug === PIECE
      ? [await pieceCitation(props.lang, site), ...chapters.map((c) => chapterCitation(c, props.lang, site))]
      : chapters.filter((c) => c.data.slug === props.slug).map((c) => chapterCitation(c, props.lang, site));
  return new Response(WRITERS[props.format](items), { headers: { 'Content-Type': `${CITE_TYPES[props.format]}; charset=utf-8` } });
};
