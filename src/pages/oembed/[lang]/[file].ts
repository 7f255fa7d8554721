import type { APIRoute } from 'astro';
import { embedCode } from '../../../embed/code';
import { embedHeight } from '../../../embed/heights';
import { siteLoader } from '../../../embed/loader';
import { storyUrl as storyUrlOf } from '../../../embed/story';
import { figure as getFigure, figures } from '../../../figures';
import { LANGS, type Lang } from '../../../i18n/lang';
import { BASE, absolute, embedPath, ogImagePath } from '../../../i18n/routes';
import { t } from '../../../i18n/t';

/**
 * A static oEmbed document (type "rich") per figure and language: /oembed/<lang>/<figure>.json.
 * Its html is the share menu's embed code (whole-number height, a link to the story
 * inside the iframe for consumers that drop frames); cache_age lets consumers refresh daily.
 */
const CACHE_AGE = 86_400;
/** The widest common article column, the width the fixed height is measured for. */
const WIDTH = 700;
export function getStaticPaths() {
  return LANGS.flatMap((lang) => Object.keys(figures).map((id) => ({ params: { lang, file: `${id}.json` } })));
}

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params['lang'] as Lang;
  const fig = getFigure((params['file'] ?? '').replace(/\.json$/, ''));
  const siteRoot = absolute(BASE, site);
  const height = embedHeight(fig.id);
  const title = fig.title(lang);
  const storyUrl = await storyUrlOf(lang, fig.id, site);
  const iframeTitle = t(lang, 'embed.iframeTitle', { title });
  const body = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: t(lang, 'site.name'),
    provider_url: siteRoot,
    author_name: t(lang, 'site.name'),
    author_url: siteRoot,
    html: embedCode({ siteRoot, lang, figure: fig.id, title: iframeTitle, height, storyUrl, integrity: siteLoader().integrity }),
    width: WIDTH,
    height,
    cache_age: CACHE_AGE,
    thumbnail_url: absolute(ogImagePath(lang, fig.id), site),
    thumbnail_width: 1200,
    thumbnail_height: 630,
    url: absolute(embedPath(lang, fig.id), site),
    license: 'CC BY 4.0',
    license_url: 'https://creativecommons.org/licenses/by/4.0/',
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
