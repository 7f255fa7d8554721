/**
 * Runs inside the embed page (/embed/<lang>/<figure>/[<step>/]). The page is complete
 * without it: the static HTML already shows its state in the light theme. Reads the
 * query as data (never as HTML): ?step picks another state (unknown → the page's own),
 * ?theme=dark|auto (anything else → light), ?plain hides the title (never the credit
 * and licence line), ?childId names the page for pym.js parents.
 * Reports the page height to the parent whenever it changes, in three formats:
 * pym.js, AMP embed-size, and our own JSON message (read by /embed.js, src/embed/loader.ts).
 */

const MESSAGE_TYPE = 'gg-embed:height';
const params = new URLSearchParams(location.search);
const root = document.documentElement;
const stage = document.querySelector<HTMLElement>('figure-stage');

const theme = params.get('theme');
if (theme === 'dark') root.dataset.theme = 'dark';
else if (theme === 'auto') delete root.dataset.theme;
if (params.has('plain')) root.dataset.plain = '';

const known = (() => {
  try {
    const payload = JSON.parse(stage?.querySelector('script[data-figure-states]')?.textContent ?? '{}') as { alts?: Record<string, string> };
    return Object.keys(payload.alts ?? {});
  } catch {
    return [];
  }
})();
const step = params.get('step') ?? '';
if (stage) {
  stage.setAttribute('data-instant', '');
  if (known.includes(step)) stage.setAttribute('data-step', step);
}

const rawId = params.get('childId') ?? '';
// pym.js builds its messages as "pymxPYMx<id>xPYMx…": any id of 1–128 characters works
// (container ids like "chart.1", "graphic:1" or "é") unless it contains the separator.
// It only ever goes into a string we post, never into the page; markup characters and
// control characters are refused too, so no message to a host carries anything tag-like.
const childId = rawId.length >= 1 && rawId.length <= 128 && !rawId.includes('xPYMx') && !/[<>\u0000-\u001f\u007f]/.test(rawId) ? rawId : '';
let sent = 0;

function report(): void {
  if (window.parent === window) return;
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (!height || height === sent) return;
  sent = height;
  if (childId) window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  window.parent.postMessage({ type: MESSAGE_TYPE, height, figure: stage?.dataset.figure ?? '' }, '*');
}

new ResizeObserver(report).observe(root);
addEventListener('load', report);
addEventListener('resize', report);
document.addEventListener('figure:state', report);
document.addEventListener('toggle', report, true);
void document.fonts?.ready.then(report);
// pym.js parents ask for the height when their width changes; answer the same way.
addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  // Our loader, started after this page reported its height, asks for it again.
  const ask = typeof event.data === 'object' && event.data !== null && (event.data as { type?: unknown }).type === 'gg-embed:ask';
  if (ask || (typeof event.data === 'string' && event.data.startsWith(`pymxPYMx${childId}xPYMxwidth`))) {
    sent = 0;
    report();
  }
});
report();
