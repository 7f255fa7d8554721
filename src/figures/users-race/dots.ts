// Imported for its effect too: <figure-stage> is defined (and claim() exists) before this runs.
import '../figure-stage';
import type { FigureStageElement } from '../figure-stage';
import { countAt, prefixEnds } from './field';

/**
 * Fills the dot fields of "per-second" in real time: for ten seconds, one dot per new user at
 * each year's average rate, with the counts and the clock running up. The static SVG is the
 * still after the whole window (what readers without JavaScript, under reduced motion and in
 * print see); this module only replays it from empty, while the state is shown, the figure is
 * on screen and the tab is visible. Under prefers-reduced-motion it does nothing.
 *
 * Each field is one path: a prefix of the still's own d (field.ts), so no dot is computed
 * here and a frame writes one attribute per field and the changed numbers. The counting
 * text sits inside the SVG's role="img" and is aria-hidden besides; the figure's text
 * alternative says the same in words.
 */

interface FieldConfig {
  key: string;
  count: string;
  rate: number;
}

interface Words {
  locale: string;
  one: string;
  other: string;
}

interface Config {
  state: string;
  window: number;
  fields: FieldConfig[];
  clock: string;
  words: Record<string, Words>;
}

interface Field {
  path: SVGPathElement;
  count: SVGTextElement;
  rate: number;
  /** The still's d and where each of its dots ends in it. */
  still: string;
  ends: number[];
  /** The dots drawn now (-1: unknown, write on the next frame). */
  drawn: number;
}

interface View {
  svg: SVGSVGElement;
  fields: Field[];
  clock: SVGTextElement;
  visible: boolean;
  shownSecond: number;
}

const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

/** The JSON Enhance.astro wrote, or null if it is not there or not JSON. */
function readConfig(host: HTMLElement): Config | null {
  try {
    return JSON.parse(host.textContent ?? '') as Config;
  } catch {
    return null;
  }
}

/**
 * loop(wanted, tick): an animation frame loop that runs while wanted() holds, giving tick the
 * seconds since the frame before (at most 0.1, so a late frame or a tab coming back never
 * jumps). Returns the function to call whenever wanted() may have changed.
 */
function loop(wanted: () => boolean, tick: (seconds: number) => void): () => void {
  let raf = 0;
  let last = -1;
  const frame = (now: number): void => {
    raf = 0;
    if (!wanted()) return;
    tick(last < 0 ? 0 : Math.min(now - last, 100) / 1000);
    last = now;
    if (wanted()) raf = requestAnimationFrame(frame);
  };
  return () => {
    const want = wanted();
    if (want && !raf) {
      last = -1;
      raf = requestAnimationFrame(frame);
    }
    if (!want && raf) {
      cancelAnimationFrame(raf);
      raf = 0;
    }
  };
}

function attach(host: HTMLElement): void {
  const stage = host.closest<HTMLElement>('figure-stage');
  const config = stage ? readConfig(host) : null;
  if (!stage || !config) return;
  const lang = stage.closest('[lang]')?.getAttribute('lang') ?? '';
  const words = config.words[lang] ?? Object.values(config.words)[0];
  if (!words) return;
  const format = new Intl.NumberFormat(words.locale);
  const plural = new Intl.PluralRules(words.locale);

  const views: View[] = [];
  for (const svg of stage.querySelectorAll<SVGSVGElement>('svg[data-layout]')) {
    const fields: Field[] = [];
    for (const f of config.fields) {
      const path = svg.querySelector<SVGPathElement>(`path[data-key="${f.key}"]`);
      const count = svg.querySelector<SVGTextElement>(`text[data-key="${f.count}"]`);
      if (!path || !count) continue;
      // The static d is the still's, whichever state the page opened on (no one else writes a prefix).
      const still = path.getAttribute('d') ?? '';
      fields.push({ path, count, rate: f.rate, still, ends: prefixEnds(still), drawn: -1 });
      count.setAttribute('aria-hidden', 'true');
    }
    const clock = svg.querySelector<SVGTextElement>(`text[data-key="${config.clock}"]`);
    if (fields.length !== config.fields.length || !clock) continue;
    clock.setAttribute('aria-hidden', 'true');
    views.push({ svg, fields, clock, visible: false, shownSecond: -1 });
  }
  if (!views.length) return;
  const claimed = [...config.fields.flatMap((f) => [f.key, f.count]), config.clock];
  (stage as FigureStageElement).claim(claimed);

  /** The state is shown and this module owns the fields (not under reduced motion). */
  let active = false;
  /** figure-stage has landed on the state: the clock may run. */
  let landed = false;
  let elapsed = 0;

  const write = (v: View, force: boolean): void => {
    for (const f of v.fields) {
      const n = Math.min(countAt(f.rate, elapsed, config.window), f.ends.length);
      if (!force && n === f.drawn) continue;
      f.path.setAttribute('d', n > 0 ? f.still.slice(0, f.ends[n - 1]) : '');
      f.count.textContent = format.format(n);
      f.drawn = n;
    }
    const second = Math.floor(elapsed);
    if (force || second !== v.shownSecond) {
      v.clock.textContent = (plural.select(second) === 'one' ? words.one : words.other).replace('{n}', format.format(second));
      v.shownSecond = second;
    }
  };

  // While this module owns the fields, figure-stage may still write the still's d and counts
  // into them (a change of state lands them half way, as every mark): put the replay back
  // before the frame is painted. Records of this module's own writes are taken and dropped.
  const guard = new MutationObserver(() => {
    if (!active) return;
    for (const v of views) write(v, true);
    guard.takeRecords();
  });
  for (const v of views) {
    for (const f of v.fields) {
      guard.observe(f.path, { attributes: true, attributeFilter: ['d'] });
      guard.observe(f.count, { childList: true, characterData: true, subtree: true });
    }
    guard.observe(v.clock, { childList: true, characterData: true, subtree: true });
  }

  const render = (force = false): void => {
    // Records waiting here are not this module's (it takes its own after every write):
    // something else wrote into the fields since, so every view is written afresh.
    const foreign = guard.takeRecords().length > 0;
    for (const v of views) if (v.visible || force || foreign) write(v, force || foreign);
    guard.takeRecords();
  };

  const running = (): boolean => active && landed && elapsed < config.window && views.some((v) => v.visible) && !document.hidden;
  const update = loop(running, (seconds) => {
    elapsed = Math.min(config.window, elapsed + seconds);
    render();
  });

  const onState = (step: string | undefined): void => {
    landed = false;
    active = step === config.state && !reduceMotion.matches;
    if (active) {
      // A new visit replays from the start; the fields are empty until the change has landed.
      elapsed = 0;
      render(true);
    }
    update();
  };

  stage.addEventListener('figure:state', (event) => onState((event as CustomEvent<{ step?: string }>).detail.step));
  stage.addEventListener('figure:settled', (event) => {
    if (!active || (event as CustomEvent<{ step?: string }>).detail.step !== config.state) return;
    landed = true;
    update();
  });
  // The stage may have shown its state before this module ran: a jump lands at once.
  if (stage.dataset.shown === config.state) {
    onState(config.state);
    landed = active;
    update();
  }

  // Off screen (or the layout not shown at this width): pause, and carry on from there.
  const io = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const v = views.find((view) => view.svg === entry.target);
      if (!v) continue;
      v.visible = entry.isIntersecting;
      if (v.visible && active) render(true);
    }
    update();
  });
  for (const v of views) io.observe(v.svg);
  document.addEventListener('visibilitychange', update);

  // Reduced motion switched on mid-run: show the still and let it be.
  reduceMotion.addEventListener('change', () => {
    if (!reduceMotion.matches || !active) return;
    elapsed = config.window;
    render(true);
    active = false;
    update();
  });
}

for (const host of document.querySelectorAll<HTMLElement>('script[data-users-fields]')) attach(host);
