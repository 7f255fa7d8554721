import { createHash } from 'node:crypto';

/**
 * The parent-side loader (/embed.js), generated at build with the site's origin
 * and embed path written in. Nothing is read from the host page to decide whom to
 * trust (document.currentScript is null in modules, clobbered by
 * <img name="currentScript">, and points at the host when the file is self-hosted).
 *
 * - One registry per origin under a Symbol.for() key on window: DOM ids and names
 *   create string-named properties only, so no element can fake or hide it, and a
 *   loader from www.example.org and one from example.org both run.
 * - Built-ins are taken from prototypes (EventTarget, Document), because named
 *   elements shadow window.addEventListener and document.getElementsByTagName.
 * - When it starts, it asks each of our iframes already in the page for its height
 *   ('gg-embed:ask'): one that loaded first has sent it before anyone listened.
 * - A message counts only when it comes from that iframe's own window, and the
 *   iframe's src is our embed path; its origin is ours, or "null" when the host put
 *   the iframe in a sandbox without allow-same-origin (WordPress does). It carries a
 *   number, never markup.
 * - ES5, no globals, no `this`: the same file works as a classic script, as a module
 *   and with Subresource Integrity (embed.js is served with Access-Control-Allow-Origin: *).
 */
const TEMPLATE = `/*! Ghibli, GPUs and billions: embed loader (MIT). Resizes our iframes from their height messages. */
(function () {
  'use strict';
  var ORIGIN = __ORIGIN__, PATH = __PATH__;
  if (typeof Symbol !== 'function' || !window.URL) return;
  var key = Symbol.for('gg-embed ' + ORIGIN);
  if (window[key]) return;
  Object.defineProperty(window, key, { value: true });
  var byTag = Document.prototype.getElementsByTagName;
  function ours(frame, origin) {
    var u;
    try {
      u = new URL(frame.src, location.href);
    } catch (e) {
      return false;
    }
    if (u.origin !== ORIGIN || u.pathname.indexOf(PATH) !== 0) return false;
    if (origin === ORIGIN) return true;
    var box = frame.sandbox;
    return origin === 'null' && frame.hasAttribute('sandbox') && !(box && box.contains('allow-same-origin'));
  }
  EventTarget.prototype.addEventListener.call(window, 'message', function (event) {
    var data = event.data;
    if (event.origin !== ORIGIN && event.origin !== 'null') return;
    if (!data || typeof data !== 'object' || data.type !== 'gg-embed:height') return;
    var height = Math.ceil(Number(data.height));
    if (!(height >= 50 && height <= 20000)) return;
    var list = byTag.call(document, 'iframe');
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      if (!ours(frame, event.origin)) return;
      frame.style.height = height + 'px';
      frame.setAttribute('height', String(height));
      frame.setAttribute('scrolling', 'no');
      return;
    }
  });
  // An iframe that loaded before this script ran has already sent its height, to no one:
  // ask each of ours to send it again (the message carries nothing but its type).
  var all = byTag.call(document, 'iframe');
  for (var j = 0; j < all.length; j++) {
    var f = all[j];
    if (f.contentWindow && (ours(f, ORIGIN) || ours(f, 'null'))) f.contentWindow.postMessage({ type: 'gg-embed:ask' }, '*');
  }
})();
`;

/**
 * The loader's source for a site: `origin` like "https://example.org", `base` the
 * path the site lives under ("/" or "/sub/"). Values are written as JSON strings.
 */
export function loaderSource(origin: string, base: string): string {
  const o = new URL(origin).origin;
  const path = `${base.replace(/\/+$/, '')}/embed/`;
  return TEMPLATE.replace('__ORIGIN__', JSON.stringify(o)).replace('__PATH__', JSON.stringify(path));
}

/** The Subresource Integrity value ("sha384-…") of a loader source, as its bytes are served (UTF-8). */
export function integrity(source: string): string {
  return `sha384-${createHash('sha384').update(source, 'utf8').digest('base64')}`;
}

/** The loader of this build (SITE and BASE from astro.config) and its integrity value. */
export function siteLoader(): { source: string; integrity: string } {
  const site = import.meta.env.SITE ?? 'http://localhost/';
  const source = loaderSource(site, import.meta.env.BASE_URL ?? '/');
  return { source, integrity: integrity(source) };
}
