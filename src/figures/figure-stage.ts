import { easeCubicInOut } from 'd3-ease';
import { timer, type Timer } from 'd3-timer';
import type { StatePayload } from './frames';
import { DURATION, ENTER, EXIT, stagger, TEXT_SWITCH } from './schedule';

/**
 * <figure-stage data-step="…">: moves a figure's pre-rendered SVG marks to the
 * state named by its data-step attribute. All geometry was computed at build time
 * and arrives as JSON (<script type="application/json" data-figure-states>), so
 * this element only interpolates attributes; it never parses markup. It knows
 * nothing about scrolling or about any particular figure.
 *
 * A state change costs the reader as little as possible (no long task while
 * scrolling on a slow phone):
 * - every mark's attributes are mirrored in memory, so a change writes only the
 *   attributes that differ and never reads the DOM back;
 * - a mark that was absent takes its new place unseen and only fades in; a mark
 *   that leaves only fades out; leaving goes first, arriving follows, each staggered,
 *   and labels switch at mid-fade instead of fading (see #moveView and tween);
 * - a layout the page does not show at this width (the other of wide/narrow) is
 *   not touched until it is shown.
 * A script that moves some marks itself (the queue of chapter 5, the dot fields of
 * chapter 3) claims them with stage.claim(keys): their attributes are then read back from
 * the DOM before each change. It learns that a change has landed from the bubbling
 * `figure:settled` event ({ detail: { step } }), sent once every rendered view is still;
 * `figure:state` is sent when a change begins. The schedule is in schedule.ts.
 */

/** The events a figure-stage sends, for scripts that listen on it. */
export interface FigureStageEvents {
  'figure:state': CustomEvent<{ step: string }>;
  'figure:settled': CustomEvent<{ step: string }>;
}

/** What a figure-stage offers scripts that move marks themselves. */
export interface FigureStageElement extends HTMLElement {
  /** The marks with these keys are moved by the caller too: read them back before each change. */
  claim(keys: readonly string[]): void;
}

/**
 * How a state change lands: 'tween' moves and fades over DURATION; 'dissolve' (reduced
 * motion) never moves a mark, it only fades marks out and in; 'now' jumps at once
 * (first paint, a deep link, print).
 */
type Mode = 'tween' | 'dissolve' | 'now';

interface Payload {
  alts: Record<string, string>;
  layouts: Record<string, StatePayload>;
}

/** One mark and the attributes it has in the DOM right now. */
interface Mark {
  el: SVGElement;
  key: string;
  attrs: Map<string, string>;
  text: string | null;
  /** Part of the state last moved to (a mark that was not fades in where it lands). */
  present: boolean;
}

interface View {
  svg: SVGSVGElement;
  marks: Mark[];
  /** The layout is rendered at this width (wide and narrow swap by container query). */
  rendered: boolean;
  /** The state this view shows, or last moved towards. */
  step: string | null;
  run: Timer | null;
}

const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
const printing = matchMedia('print');

function readMark(el: SVGElement): Mark {
  const attrs = new Map<string, string>();
  for (const name of el.getAttributeNames()) if (name !== 'data-key') attrs.set(name, el.getAttribute(name) ?? '');
  if (!attrs.has('opacity')) attrs.set('opacity', '1');
  return {
    el,
    key: el.dataset.key ?? '',
    attrs,
    text: el.localName === 'text' ? el.textContent : null,
    present: attrs.get('opacity') !== '0',
  };
}

class FigureStage extends HTMLElement {
  static observedAttributes = ['data-step'];
  #payload: Payload | null = null;
  #views: View[] = [];
  #shown = '';
  #resize: ResizeObserver | null = null;
  #claimed = new Set<string>();

  claim(keys: readonly string[]): void {
    for (const key of keys) this.#claimed.add(key);
  }

  connectedCallback(): void {
    this.#load();
    this.#resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const view = this.#views.find((v) => v.svg === entry.target);
        if (!view) continue;
        view.rendered = entry.contentRect.width > 0;
        // Shown again (the page crossed the wide/narrow width): catch up at once.
        if (view.rendered && this.#shown && view.step !== this.#shown) this.#moveView(view, this.#shown, 'now');
      }
    });
    for (const view of this.#views) this.#resize.observe(view.svg);
    const step = this.getAttribute('data-step');
    if (step) this.#show(step, 'now');
    printing.addEventListener('change', this.#onPrint);
    addEventListener('beforeprint', this.#onPrint);
    addEventListener('afterprint', this.#onPrint);
  }

  disconnectedCallback(): void {
    this.#resize?.disconnect();
    printing.removeEventListener('change', this.#onPrint);
    removeEventListener('beforeprint', this.#onPrint);
    removeEventListener('afterprint', this.#onPrint);
  }

  /** Print shows the summary state, as the page does without JavaScript; the screen gets its step back. */
  #onPrint = (event: Event): void => {
    const toPrint = event.type === 'beforeprint' || (event.type === 'change' && printing.matches);
    // Print may pick the other layout: move every view, rendered or not.
    this.#show(toPrint ? 'summary' : (this.getAttribute('data-step') ?? 'summary'), 'now', true);
  };

  attributeChangedCallback(_name: string, previous: string | null, step: string | null): void {
    if (!this.isConnected || step === null || step === previous || printing.matches) return;
    this.#show(step, this.hasAttribute('data-instant') ? 'now' : reduceMotion.matches ? 'dissolve' : 'tween');
  }

  #load(): void {
    if (this.#payload) return;
    const script = this.querySelector('script[data-figure-states]');
    try {
      this.#payload = JSON.parse(script?.textContent ?? 'null') as Payload | null;
    } catch {
      this.#payload = null;
    }
    if (!this.#payload) return;
    this.#views = [...this.querySelectorAll<SVGSVGElement>('svg[data-layout]')].map((svg) => ({
      svg,
      marks: [...svg.querySelectorAll<SVGElement>('[data-key]')].map(readMark),
      rendered: true,
      step: null,
      run: null,
    }));
  }

  #show(requested: string, mode: Mode, everyView = false): void {
    const payload = this.#payload;
    if (!payload) return;
    // An unknown state falls back to the summary, which every figure has.
    const step = Object.hasOwn(payload.alts, requested) ? requested : 'summary';
    this.#shown = step;
    for (const view of this.#views) {
      if (view.rendered || everyView || view.step === null) this.#moveView(view, step, mode);
    }
    const alt = payload.alts[step] ?? '';
    for (const el of this.querySelectorAll<HTMLElement>('[data-figure-alt]')) if (el.textContent !== alt) el.textContent = alt;
    this.dataset.shown = step;
    this.dispatchEvent(new CustomEvent('figure:state', { detail: { step }, bubbles: true }));
    this.#settleIfStill();
  }

  /** Sends figure:settled once no view is moving (at once after a jump). */
  #settleIfStill(): void {
    if (this.#views.some((v) => v.run)) return;
    this.dispatchEvent(new CustomEvent('figure:settled', { detail: { step: this.#shown }, bubbles: true }));
  }

  #moveView(view: View, step: string, mode: Mode): void {
    const target = this.#payload?.layouts[view.svg.dataset.layout ?? '']?.[step];
    if (!target) return;
    view.step = step;
    view.run?.stop();
    view.run = null;
    // Staged like d3's exit, update, enter: marks that leave fade out in the first half;
    // marks in both states move the whole time; marks that arrive take their place unseen
    // once the old ones have nearly gone, and fade in. Within exit and enter the marks
    // start one after another (a short stagger), so no single frame restyles them all.
    // Spreading the changes this way keeps each frame light; the overlap of exit and
    // enter keeps the figure from going blank.
    const instant = mode === 'now';
    const plan: Plan = { cues: [], tweens: [] };
    const leaving: [Mark, [Record<string, string | number>, string?] | undefined][] = [];
    const arriving: [Mark, Record<string, string | number>, string | undefined][] = [];

    for (const m of view.marks) {
      if (this.#claimed.has(m.key)) {
        for (const name of m.el.getAttributeNames()) if (name !== 'data-key') m.attrs.set(name, m.el.getAttribute(name) ?? '');
        if (!m.el.hasAttribute('opacity')) m.attrs.set('opacity', '1');
        m.present = m.attrs.get('opacity') !== '0';
      }
      const entry = target[m.key];
      const opacity = entry ? (entry[0]['opacity'] ?? 1) : 0;
      if (instant) {
        if (entry) place(m, entry[0], entry[1]);
        write(m, 'opacity', String(opacity));
        m.present = opacity !== 0;
        continue;
      }
      // Seen now and not in the target (absent or hidden there): it fades out, and takes its
      // new place, if it has one, once unseen.
      if (!entry || opacity === 0) {
        // A fade-out cut short by this change (present is already false) is still seen: finish it.
        if (m.present || m.attrs.get('opacity') !== '0') leaving.push([m, entry]);
        else if (entry) place(m, entry[0], entry[1]);
        continue;
      }
      if (!m.present) {
        arriving.push([m, entry[0], entry[1]]);
        continue;
      }
      // In both states: numbers move the whole time; words, classes, anchors and path
      // shapes switch half way, together, so a label never shows its old words in its new
      // place or style (schedule.ts; the transition test samples the same rule).
      const [attrs, text] = entry;
      const switches: [string, string][] = [];
      for (const [name, to] of Object.entries(attrs)) {
        if (name === 'opacity') continue;
        if (typeof to === 'number' && mode === 'tween') tween(plan, m, name, to, 0, 1);
        else if (m.attrs.get(name) !== String(to)) switches.push([name, String(to)]);
      }
      if ((text !== undefined && text !== m.text) || switches.length) {
        plan.cues.push({
          at: mode === 'tween' ? TEXT_SWITCH : 0,
          run: () => {
            if (text !== undefined) writeText(m, text);
            for (const [name, to] of switches) write(m, name, to);
          },
        });
      }
      tween(plan, m, 'opacity', opacity, 0, 1);
    }
    leaving.forEach(([m, entry], i) => {
      const at = stagger(EXIT, i, leaving.length);
      m.present = false;
      tween(plan, m, 'opacity', 0, at, EXIT[1]);
      if (entry) plan.cues.push({ at: EXIT[1], run: () => place(m, entry[0], entry[1]) });
    });
    arriving.forEach(([m, attrs, text], i) => {
      const at = stagger(ENTER, i, arriving.length);
      // Placed unseen, then faded in; until its cue the mark counts as absent.
      plan.cues.push({
        at,
        run: () => {
          place(m, attrs, text);
          m.present = true;
        },
      });
      tween(plan, m, 'opacity', attrs['opacity'] ?? 1, at, ENTER[1]);
    });

    if (!plan.cues.length) return;
    plan.cues.sort((a, b) => a.at - b.at);
    let next = 0;
    const run = timer((elapsed) => {
      const t = Math.min(1, elapsed / DURATION);
      while (next < plan.cues.length && plan.cues[next]!.at <= t) plan.cues[next++]!.run();
      for (const tw of plan.tweens) {
        if (t < tw.at) continue;
        const local = Math.min(1, (t - tw.at) / (tw.to - tw.at));
        tw.apply(local >= 1 ? 1 : easeCubicInOut(local));
      }
      if (t >= 1) {
        run.stop();
        view.run = null;
        this.#settleIfStill();
      }
    });
    view.run = run;
  }
}

/** What a transition does: cues run once when their time comes; tweens run from at to to. */
interface Plan {
  cues: { at: number; run: () => void }[];
  tweens: { at: number; to: number; apply: (e: number) => void }[];
}

/** Puts a mark where the state has it: text and every attribute but opacity. */
function place(m: Mark, attrs: Record<string, string | number>, text: string | undefined): void {
  if (text !== undefined) writeText(m, text);
  for (const [name, to] of Object.entries(attrs)) if (name !== 'opacity') write(m, name, String(to));
}

/** Writes an attribute if it differs from the mirror. */
function write(m: Mark, name: string, value: string): void {
  if (m.attrs.get(name) === value) return;
  m.el.setAttribute(name, value);
  m.attrs.set(name, value);
}

function writeText(m: Mark, text: string): void {
  if (m.text === text) return;
  m.el.textContent = text;
  m.text = text;
}

/**
 * Tweens one attribute from the time at to the time to (shares of the transition).
 * The start value is read from the mirror when the tween starts, so a move that
 * interrupts another carries on from where the DOM is. Numbers interpolate; anything
 * else (no path changes shape between states) is set when the tween starts.
 * (d3-interpolate is not used: its bundle would bring all of d3-color into every page
 * for this one line of arithmetic.)
 */
function tween(plan: Plan, m: Mark, name: string, to: string | number, at: number, end: number): void {
  const value = String(to);
  if (m.attrs.get(name) === value) return;
  if (name === 'opacity' && m.text !== null) {
    // Labels switch at the middle of their fade instead of fading: restyling SVG text
    // every frame is what made frames long on slow phones; shapes still fade.
    plan.cues.push({ at: (at + end) / 2, run: () => write(m, name, value) });
    return;
  }
  plan.cues.push({
    at,
    run: () => {
      const raw = m.attrs.get(name);
      const from = Number(raw);
      if (raw === value) return;
      if (raw === undefined || typeof to !== 'number' || Number.isNaN(from)) {
        write(m, name, value);
        return;
      }
      plan.tweens.push({
        at,
        to: end,
        apply: (t) => {
          const v = t >= 1 ? value : String(Math.round((from + (to - from) * t) * 100) / 100);
          m.el.setAttribute(name, v);
          m.attrs.set(name, v);
        },
      });
    },
  });
}

if (!customElements.get('figure-stage')) customElements.define('figure-stage', FigureStage);
