import { easeCubicInOut } from 'd3-ease';
import { timer, type Timer } from 'd3-timer';
import type { StatePayload } from './frames';

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
 *   that leaves only fades out; the two happen one after the other (see #moveView);
 * - a layout the page does not show at this width (the other of wide/narrow) is
 *   not touched until it is shown.
 * Marks another script moves (the flow of chapter 5) carry data-live: their
 * attributes are read from the DOM before each change instead.
 */

/** Transitions stay short. */
const DURATION = 500;

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
  }

  #moveView(view: View, step: string, mode: Mode): void {
    const target = this.#payload?.layouts[view.svg.dataset.layout ?? '']?.[step];
    if (!target) return;
    view.step = step;
    view.run?.stop();
    view.run = null;
    // Staged like d3's exit, update, enter: marks that leave fade out in the first half;
    // marks in both states move the whole time; marks that arrive take their place unseen
    // once the old ones have nearly gone, and fade in. Spreading the changes over the
    // transition keeps each frame light; the overlap keeps the figure from going blank.
    const exit = stage(0, 0.5);
    const update = stage(0, 1);
    const enter = stage(0.35, 1);
    const instant = mode === 'now';

    for (const m of view.marks) {
      if (m.el.hasAttribute('data-live')) {
        for (const name of m.el.getAttributeNames()) m.attrs.set(name, m.el.getAttribute(name) ?? '');
        if (!m.el.hasAttribute('opacity')) m.attrs.set('opacity', '1');
      }
      const entry = target[m.key];
      if (!entry) {
        m.present = false;
        if (instant) write(m, 'opacity', '0');
        else tween(exit, m, 'opacity', 0);
        continue;
      }
      const [attrs, text] = entry;
      const opacity = attrs['opacity'] ?? 1;
      if (instant || !m.present) {
        const place = (): void => {
          m.present = true;
          if (text !== undefined) writeText(m, text);
          for (const [name, to] of Object.entries(attrs)) if (name !== 'opacity') write(m, name, String(to));
        };
        if (instant) {
          place();
          write(m, 'opacity', String(opacity));
        } else {
          enter.begin.push(place);
          tween(enter, m, 'opacity', opacity);
        }
        continue;
      }
      if (text !== undefined) writeText(m, text);
      for (const [name, to] of Object.entries(attrs)) {
        if (name === 'opacity') continue;
        if (typeof to === 'number' && mode === 'tween') tween(update, m, name, to);
        else write(m, name, String(to));
      }
      tween(update, m, 'opacity', opacity);
    }

    const stages = [exit, update, enter].filter((s) => s.begin.length);
    if (!stages.length) return;
    const run = timer((elapsed) => {
      const t = Math.min(1, elapsed / DURATION);
      for (const s of stages) {
        if (t < s.from) continue;
        if (!s.begun) {
          s.begun = true;
          for (const begin of s.begin) begin();
        }
        const local = Math.min(1, (t - s.from) / (s.to - s.from));
        const e = local >= 1 ? 1 : easeCubicInOut(local);
        for (const tw of s.tweens) tw(e);
      }
      if (t >= 1) {
        run.stop();
        view.run = null;
      }
    });
    view.run = run;
  }
}

/** One phase of a transition: what to do when it begins, and the tweens it then runs (t from 0 to 1). */
interface Stage {
  from: number;
  to: number;
  begun: boolean;
  begin: (() => void)[];
  tweens: ((t: number) => void)[];
}

function stage(from: number, to: number): Stage {
  return { from, to, begun: false, begin: [], tweens: [] };
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
 * Tweens one attribute during a stage. The start value is read from the mirror when the
 * stage begins, so a move that interrupts another carries on from where the DOM is.
 * Numbers interpolate; anything else (no path changes shape between states) is set when
 * the stage begins. (d3-interpolate is not used: its bundle would bring all of d3-color
 * into every page for this one line of arithmetic.)
 */
function tween(s: Stage, m: Mark, name: string, to: string | number): void {
  const value = String(to);
  if (m.attrs.get(name) === value) return;
  s.begin.push(() => {
    const raw = m.attrs.get(name);
    const from = Number(raw);
    if (raw === value) return;
    if (raw === undefined || typeof to !== 'number' || Number.isNaN(from)) {
      write(m, name, value);
      return;
    }
    s.tweens.push((t) => {
      const v = t >= 1 ? value : String(Math.round((from + (to - from) * t) * 100) / 100);
      m.el.setAttribute(name, v);
      m.attrs.set(name, v);
    });
  });
}

if (!customElements.get('figure-stage')) customElements.define('figure-stage', FigureStage);
