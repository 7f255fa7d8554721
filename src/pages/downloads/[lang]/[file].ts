import type { APIRoute, GetStaticPaths } from 'astro';
import { figureCsv, figureJsonText, figurePng, standaloneSvg } from '../../../export';
import { figure, figures } from '../../../figures';
import { LANGS, type Lang } from '../../../i18n/lang';
import { downloadPath, type DownloadKind } from '../../../i18n/routes';

/**
 * /downloads/<lang>/<figure>.<svg|png|csv|json> for every registered figure: the
 * summary state in the wide layout as SVG and PNG, the data table as CSV and JSON.
 * The file name is the last segment of downloadPath(), so links and files agree.
 */

const KINDS: readonly DownloadKind[] = ['svg', 'png', 'csv', 'json'];

const TYPES: Record<DownloadKind, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    Object.keys(figures).flatMap((id) =>
      KINDS.map((kind) => ({
        params: { lang, file: downloadPath(lang, id, kind).split('/').pop() as string },
        props: { lang, id, kind },
      })),
    ),
  )) satisfies GetStaticPaths;

interface Props {
  lang: Lang;
  id: string;
  kind: DownloadKind;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const fig = figure(props.id);
  const headers = { 'Content-Type': TYPES[props.kind] };
  switch (props.kind) {
    case 'svg':
      return new Response(standaloneSvg({ figure: fig, lang: props.lang }), { headers });
    case 'png':
      return new Response(figurePng({ figure: fig, lang: props.lang }), { headers });
    case 'csv':
      return new Response(figureCsv(fig, props.lang), { headers });
    case 'json':
      return new Response(figureJsonText(fig, props.lang), { headers });
  }
};
