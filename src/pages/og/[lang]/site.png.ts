import type { APIRoute, GetStaticPaths } from 'astro';
import { chaptersIn } from '../../../content/chapters';
import { siteCardPng } from '../../../content/site-card';
import { figure } from '../../../figures';
import { LANGS, type Lang } from '../../../i18n/lang';

/** /og/<lang>/site.png: the site card, the preview of every page that is not a chapter (see siteCardPath()). */
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang }, props: { lang } }))) satisfies GetStaticPaths;

interface Props {
  lang: Lang;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const figures = (await chaptersIn(props.lang)).map((c) => figure(c.data.figure));
  return new Response(siteCardPng(props.lang, figures), { headers: { 'Content-Type': 'image/png' } });
};
