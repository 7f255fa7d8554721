import type { APIRoute, GetStaticPaths } from 'astro';
import { figureCsv, figureJsonText, figureXlsx } from '../../../export';
import { picture } from '../../../export/picture';
import { storyUrl } from '../../../embed/story';
import { figure, figures } from '../../../figures';
import { SUMMARY } from '../../../figures/types';
import { LANGS, type Lang } from '../../../i18n/lang';
import { downloadPath, type DownloadKind } from '../../../i18n/routes';

/**
 * /downloads/<lang>/<figure>.<svg|png|csv|json|xlsx> for every registered figure: the
 * summary state in the wide layout as SVG and PNG (each state is under
 * /downloads/<lang>/<figure>/<state>.*), the data as CSV, JSON and an Excel workbook.
 * The file name is the last segment of downloadPath(), so links and files agree.
 */

const KINDS: readonly DownloadKind[] = ['svg', 'png', 'csv', 'json', 'xlsx'];

const TYPES: Record<DownloadKind, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
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

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const fig = figure(props.id);
  const headers = { 'Content-Type': TYPES[props.kind] };
  const story = await storyUrl(props.lang, fig.id, site);
  switch (props.kind) {
    case 'svg':
    case 'png':
      return new Response(picture({ figure: fig, lang: props.lang, state: SUMMARY, kind: props.kind, url: story }), { headers });
    case 'csv':
      return new Response(figureCsv(fig, props.lang, story), { headers });
    case 'json':
      return new Response(figureJsonText(fig, props.lang), { headers });
    case 'xlsx':
      return new Response(await figureXlsx({ figure: fig, lang: props.lang, storyUrl: story }), { headers });
  }
};
