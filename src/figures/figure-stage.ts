import { easeCubicInOut } from 'd3-ease';
import { interpolateNumber, interpolateString } from 'd3-interpolate';
import { timer, type Timer } from 'd3-timer';
import type { StatePayload } from './frames';

/**
 * <figure-stage data-step="…">: moves a figure's pre-rendered SVG marks to the
 * state named by its data-step attribute. All geometry was computed at build time
 * and arrives as JSON (<script type="application/json" data-figure-states>), so
 * this element only interpolates attributes; it never parses markup. It knows
 * nothing about scrolling or about any particular figure.
 */

/** Transitions stay short; reduced motion jumps. */
const DURATION = 500;

interface Payload {
  alts: Record<string, string>;
  layouts: Record<string, StatePayload>;
}

const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
const printing = matchMedia('print');

class FigureStage extends HTMLElement {
  static observedAttributes = ['data-step'];
  #payload: Payload | null = null;
  #timers = new Map<SVGSVGElement, Timer>();

  connectedCallback(): void {
    this.#load();
    const step = this.getAttribute('data-step');
    if (step) this.#show(step, true);
    printing.addEventListener('change', this.#onPrint);
    addEventListener('beforeprint', this.#onPrint);
    addEventListener('afterprint', this.#onPrint);
  }

  disconnectedCallback(): void {
    printing.removeEventListener('change', this.#onPrint);
    removeEventListener('beforeprint', this.#onPrint);
    removeEventListener('afterprint', this.#onPrint);
  }

  /** Print shows the summary state, as the page does without JavaScript; the screen gets its step back. */
  #onPrint = (event: Event): void => {
    const toPrint = event.type === 'beforeprint' || (event.type === 'change' && printing.matches);
    this.#show(toPrint ? 'summary' : (this.getAttribute('data-step') ?? 'summary'), true);
  };

  attributeChangedCallback(_name: string, previous: string | null, step: string | null): void {
    if (!this.isConnected || step === null || step === previous || printing.matches) return;
    this.#show(step, this.hasAttribute('data-instant') || reduceMotion.matches);
  }

  #load(): void {
    if (this.#payload) return;
    const script = this.querySelector('script[data-figure-states]');
    try {
      this.#payload = JSON.parse(script?.textContent ?? 'null') as Payload | null;
    } catch {
      this.#payload = null;
    }
  }

  #show(requested: string, instant: boolean): void {
    this.#load();
    const payload = this.#payload;
    if (!payload) return;
    // An unknown state falls back to the summary, which every figure has.
    const step = Object.hasOwn(payload.alts, requested) ? requested : 'summary';
    for (const svg of this.querySelectorAll<SVGSVGElement>('svg[data-layout]')) {
      const states = payload.layouts[svg.dataset.layout ?? ''];
      const target = states?.[step];
      if (target) this.#move(svg, target, instant);
    }
    const alt = payload.alts[step] ?? '';
    for (const el of this.querySelectorAll<HTMLElement>('[data-figure-alt]')) el.textContent = alt;
    this.dataset.shown = step;
    this.dispatchEvent(new CustomEvent('figure:state', { detail: { step }, bubbles: true }));
  }

  #move(svg: SVGSVGElement, target: StatePayload[string], instant: boolean): void {
    this.#timers.get(svg)?.stop();
    const tweens: ((t: number) => void)[] = [];
    for (const el of svg.querySelectorAll<SVGElement>('[data-key]')) {
      const entry = target[el.dataset.key ?? ''];
      const attrs: Record<string, string | number> = entry ? entry[0] : { opacity: 0 };
      if (entry) {
        if (entry[1] !== undefined && el.textContent !== entry[1]) el.textContent = entry[1];
        el.setAttribute('class', String(attrs['class'] ?? ''));
        if (!('opacity' in attrs)) attrs['opacity'] = 1;
      }
      for (const [name, to] of Object.entries(attrs)) {
        if (name === 'class') continue;
        const from = el.getAttribute(name) ?? (name === 'opacity' ? '1' : null);
        if (instant || from === null || String(to) === from) {
          el.setAttribute(name, String(to));
          continue;
        }
        if (typeof to === 'number') {
          const i = interpolateNumber(Number(from), to);
          tweens.push((t) => el.setAttribute(name, String(i(t))));
        } else if (name === 'd') {
          const i = interpolateString(from, to);
          tweens.push((t) => el.setAttribute(name, i(t)));
        } else {
          el.setAttribute(name, to);
        }
      }
    }
    // Marks at opacity 0 leave rendering altogether (visibility), so hidden marks of
    // other states cost nothing per frame; a mark about to fade in comes back first.
    const settle = (): void => {
      for (const el of svg.querySelectorAll<SVGElement>('[data-key]')) {
        if (Number(el.getAttribute('opacity') ?? 1) === 0) el.setAttribute('visibility', 'hidden');
      }
    };
    for (const el of svg.querySelectorAll<SVGElement>('[data-key][visibility]')) {
      const entry = target[el.dataset.key ?? ''];
      if (entry && (entry[0]['opacity'] ?? 1) !== 0) el.removeAttribute('visibility');
    }
    if (!tweens.length) {
      settle();
      return;
    }
    const run = timer((elapsed) => {
      const t = Math.min(1, elapsed / DURATION);
      const e = easeCubicInOut(t);
      for (const tween of tweens) tween(e);
      if (t >= 1) {
        run.stop();
        settle();
      }
    });
    this.#timers.set(svg, run);
  }
}

if (!customElements.get('figure-stage')) customElements.define('figure-stage', FigureStage);
