import type { APIRoute, GetStaticPaths } from 'astro';
import { ogImage } from '../../../export';
import { figure, figures } from '../../../figures';
import { LANGS, type Lang } from '../../../i18n/lang';
import { ogImagePath } from '../../../i18n/routes';

/** /og/<lang>/<figure>.png: the 1200 × 630 social preview of every registered figure (name from ogImagePath()). */

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    Object.keys(figures).map((id) => ({
      params: { lang, file: ogImagePath(lang, id).split('/').pop() as string },
      props: { lang, id },
    })),
  )) satisfies GetStaticPaths;

interface Props {
  lang: Lang;
  id: string;
}

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(ogImage({ figure: figure(props.id), lang: props.lang }), { headers: { 'Content-Type': 'image/png' } });
