import { countAt, fieldFill, type Box } from './hook-model';

/**
 * <rate-hook>: runs the landing page's ten seconds of sign-ups. The server renders the
 * still (the count after the whole window); this element replays it from zero while it is
 * on screen and the tab is visible, and leaves it alone under reduced motion. It writes only
 * text and SVG attributes (no HTML, no inline styles), so the CSP holds.
 */
class RateHook extends HTMLElement {
  #elapsed = 0;
  #last: number | null = null;
  #frame = 0;
  #visible = false;
  #userPaused = false;
  #done = false;
  #observer: IntersectionObserver | null = null;
  #motion = matchMedia('(prefers-reduced-motion: reduce)');
  #format = new Intl.NumberFormat();
  #shown = new Map<Element, string>();
  #button: HTMLButtonElement | null = null;

  connectedCallback(): void {
    if (this.#motion.matches) return;
    this.#format = new Intl.NumberFormat(this.dataset['locale']);
    this.#button = this.querySelector<HTMLButtonElement>('[data-hook-toggle]');
    this.#motion.addEventListener('change', this.#onMotion);
    document.addEventListener('visibilitychange', this.#tick);
    this.#button?.addEventListener('click', this.#onButton);
    this.#observer = new IntersectionObserver(
      (entries) => {
        // Runs while at least 30 % of the hook is on screen (isIntersecting alone would say yes down to one pixel).
        for (const e of entries) this.#visible = e.isIntersecting && e.intersectionRatio >= 0.3;
        this.#tick();
      },
      { threshold: [0, 0.3] },
    );
    this.#observer.observe(this);
    this.#render();
    this.#tick();
  }

  disconnectedCallback(): void {
    this.#stop();
    this.#observer?.disconnect();
    this.#motion.removeEventListener('change', this.#onMotion);
    document.removeEventListener('visibilitychange', this.#tick);
    this.#button?.removeEventListener('click', this.#onButton);
  }

  get #window(): number {
    return Number(this.dataset['window']);
  }

  /** Starts or stops the clock to match what the reader can see and has asked for. */
  #tick = (): void => {
    const run = this.#visible && !document.hidden && !this.#userPaused && !this.#done && !this.#motion.matches;
    if (run && !this.#frame) this.#frame = requestAnimationFrame(this.#step);
    if (!run) this.#stop();
    // Says whether the clock runs (tests wait on it; no style depends on it).
    this.toggleAttribute('data-running', run);
  };

  #stop(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    // The next start measures from its own first frame: time away from the screen does not count.
    this.#last = null;
  }

  #step = (now: number): void => {
    this.#frame = 0;
    if (this.#last !== null) this.#elapsed += Math.min(now - this.#last, 100) / 1000;
    this.#last = now;
    if (this.#elapsed >= this.#window) {
      this.#elapsed = this.#window;
      this.#done = true;
    }
    this.#render();
    this.#tick();
  };

  #onButton = (): void => {
    if (this.#done) {
      this.#elapsed = 0;
      this.#done = false;
      this.#userPaused = false;
    } else {
      this.#userPaused = !this.#userPaused;
    }
    this.#render();
    this.#tick();
  };

  /** Reduced motion switched on mid-run: show the still and stop for good. */
  #onMotion = (): void => {
    if (!this.#motion.matches) return;
    this.#elapsed = this.#window;
    this.#done = true;
    this.#render();
    this.#stop();
  };

  #render(): void {
    const t = this.#elapsed;
    const pitch = Number(this.dataset['pitch']);
    const cols = Number(this.dataset['cols']);
    for (const el of this.querySelectorAll<HTMLElement>('[data-count]')) {
      const n = countAt(Number(el.dataset['rate']), t, this.#window);
      this.#text(el, this.#format.format(n));
      const svg = this.querySelector(`[data-field="${el.dataset['count']}"]`);
      if (!svg) continue;
      const fill = fieldFill(n, cols, pitch);
      this.#box(svg.querySelector('[data-fill="full"]'), fill.full);
      this.#box(svg.querySelector('[data-fill="partial"]'), fill.partial);
    }
    const clock = this.querySelector<HTMLElement>('[data-hook-clock]');
    if (clock) {
      const second = Math.min(this.#window, Math.floor(t) + 1);
      const label = this.#done ? clock.dataset['labelStill'] : clock.dataset['labelRunning'];
      this.#text(clock, (label ?? '').replace('{s}', this.#format.format(second)).replace('{total}', this.#format.format(this.#window)));
    }
    if (this.#button) {
      const key = this.#done ? 'replay' : this.#userPaused ? 'resume' : 'pause';
      this.#text(this.#button, this.#button.dataset[key] ?? '');
    }
  }

  /** Writes text only when it changed: most frames change one number, not every label. */
  #text(el: Element, value: string): void {
    if (this.#shown.get(el) === value) return;
    this.#shown.set(el, value);
    el.textContent = value;
  }

  #box(el: Element | null, box: Box): void {
    if (!el) return;
    const key = `${box.width},${box.height},${box.y}`;
    if (this.#shown.get(el) === key) return;
    this.#shown.set(el, key);
    el.setAttribute('y', String(box.y));
    el.setAttribute('width', String(box.width));
    el.setAttribute('height', String(box.height));
  }
}

if (!customElements.get('rate-hook')) customElements.define('rate-hook', RateHook);
