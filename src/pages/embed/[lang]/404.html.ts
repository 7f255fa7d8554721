import type { APIRoute } from 'astro';
import { LANGS, type Lang } from '../../../i18n/lang';
import { absolute, homePath, withBase } from '../../../i18n/routes';
import { t } from '../../../i18n/t';

/**
 * /embed/<lang>/404.html: what a stale iframe shows when its figure or step is gone.
 * deploy/nginx.conf (and Cloudflare Pages, which serves the nearest 404.html; Netlify
 * through public/_redirects) answer a missing /embed/<lang>/… with it, status 404 and
 * the embed headers, so the host article shows a short note instead of "refused to connect".
 * Plain HTML: it must work with nothing else of the site around it.
 */
export function getStaticPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const GET: APIRoute = ({ params, site }) => {
  const lang = params['lang'] as Lang;
  const home = absolute(homePath(lang), site);
  const html = `<!DOCTYPE html>
<html lang="${lang}" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(t(lang, 'embed.moved.title'))}</title>
<link rel="stylesheet" href="${esc(withBase('embed/moved.css'))}">
</head>
<body>
<main>
<h1>${esc(t(lang, 'embed.moved.title'))}</h1>
<p>${esc(t(lang, 'embed.moved.body'))}</p>
<p><a href="${esc(home)}" target="_blank" rel="noopener">${esc(t(lang, 'embed.moved.link'))}</a> · ${esc(t(lang, 'site.name'))}</p>
</main>
</body>
</html>
`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
