import type { APIRoute, GetStaticPaths } from 'astro';
import { picture } from '../../../../export/picture';
import { storyUrl } from '../../../../embed/story';
import { figure, figures } from '../../../../figures';
import { LANGS, type Lang } from '../../../../i18n/lang';
import { stateDownloadPath } from '../../../../i18n/routes';

/**
 * /downloads/<lang>/<figure>/<state>.<svg|png>: every state of every figure as a
 * picture, from the figure's own `states` list (a new state gets its files by itself).
 */

const TYPES = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png' } as const;

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    Object.values(figures).flatMap((fig) =>
      fig.states.flatMap((state) =>
        (['svg', 'png'] as const).map((kind) => ({
          params: { lang, figure: fig.id, file: stateDownloadPath(lang, fig.id, state, kind).split('/').pop() as string },
          props: { lang, id: fig.id, state, kind },
        })),
      ),
    ),
  )) satisfies GetStaticPaths;

interface Props {
  lang: Lang;
  id: string;
  state: string;
  kind: 'svg' | 'png';
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const fig = figure(props.id);
  const url = await storyUrl(props.lang, fig.id, site);
  return new Response(picture({ figure: fig, lang: props.lang, state: props.state, kind: props.kind, url }), {
    headers: { 'Content-Type': TYPES[props.kind] },
  });
};
