/**
 * Runs inside the embed page (/embed/<lang>/<figure>/). Reads the query as data
 * (never as HTML): ?step picks a state (unknown → summary), ?theme=light|dark|auto,
 * ?plain hides title and credit, ?childId names the page for pym.js parents.
 * Reports the page height to the parent whenever it changes, in three formats:
 * pym.js, AMP embed-size, and our own JSON message (read by public/embed.js).
 */

const MESSAGE_TYPE = 'gg-embed:height';
const params = new URLSearchParams(location.search);
const root = document.documentElement;
const stage = document.querySelector<HTMLElement>('figure-stage');

const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
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
  stage.setAttribute('data-step', known.includes(step) ? step : 'summary');
}

const rawId = params.get('childId') ?? '';
const childId = /^[A-Za-z0-9_-]{1,64}$/.test(rawId) ? rawId : '';
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
  if (event.source === window.parent && typeof event.data === 'string' && event.data.startsWith(`pymxPYMx${childId}xPYMxwidth`)) {
    sent = 0;
    report();
  }
});
report();
