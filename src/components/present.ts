/**
 * Classroom mode: turns the list of slides into a presentation. One slide is shown
 * at a time and the figure (<figure-stage>) moves to its state. Keys: → ↓ Space
 * PageDown next; ← ↑ Shift+Space PageUp previous (PageUp/PageDown are what
 * presentation clickers send); Home/End first/last; F full screen. A horizontal
 * swipe moves too. The address carries the slide (#<step-id>). Everything is in
 * the page: a slide change fetches nothing.
 */

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);
/** A horizontal move at least this long (CSS px) is a swipe. */
const SWIPE = 50;

function setup(deck: HTMLElement): void {
  const slides = [...deck.querySelectorAll<HTMLElement>('[data-slide]')];
  const stage = deck.querySelector<HTMLElement>('figure-stage');
  const status = deck.querySelector<HTMLElement>('[data-deck-status]');
  const counter = deck.querySelector<HTMLElement>('[data-deck-count]');
  const prev = deck.querySelector<HTMLButtonElement>('[data-deck-prev]');
  const next = deck.querySelector<HTMLButtonElement>('[data-deck-next]');
  const full = deck.querySelector<HTMLButtonElement>('[data-deck-full]');
  const controls = deck.querySelector<HTMLElement>('[data-deck-controls]');
  if (!slides.length || !stage || !status || !counter || !prev || !next || !full || !controls) return;
  const template = deck.dataset['labelSlide'] ?? '{n} / {total}';
  const label = (n: number) => template.replace('{n}', String(n)).replace('{total}', String(slides.length));
  let current = -1;

  /** The slide a fragment names, by id among the slides only (the fragment is data, never a selector). */
  const fromHash = (): number => {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      id = '';
    }
    return slides.findIndex((s) => s.id === id);
  };

  const show = (index: number, opts: { announce?: boolean; instant?: boolean } = {}): void => {
    const i = Math.max(0, Math.min(slides.length - 1, index));
    if (i === current) return;
    const previous = slides[current];
    const focusWasInside = previous?.contains(document.activeElement) ?? false;
    current = i;
    const slide = slides[i] as HTMLElement;
    slides.forEach((s, j) => {
      s.hidden = j !== i;
    });
    if (opts.instant) stage.setAttribute('data-instant', '');
    stage.setAttribute('data-step', slide.dataset['slide'] ?? 'summary');
    stage.removeAttribute('data-instant');
    counter.textContent = label(i + 1);
    prev.disabled = i === 0;
    next.disabled = i === slides.length - 1;
    deck.dataset['current'] = slide.id;
    // The address follows once the reader moves; on arrival without a fragment it stays bare, so the
    // browser's Tab order still starts at the top of the page (a fragment would move it to the slide).
    if (!opts.instant && location.hash.slice(1) !== slide.id) history.replaceState(history.state, '', `#${slide.id}`);
    if (opts.announce !== false) {
      const heading = slide.querySelector('h2')?.textContent ?? '';
      const key = slide.querySelector('.slide__key')?.textContent ?? '';
      status.textContent = `${label(i + 1)}: ${heading}. ${key}`;
    }
    if (focusWasInside) slide.focus({ preventScroll: true });
  };

  const toggleFull = (): void => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void deck.requestFullscreen?.().catch(() => undefined);
  };

  deck.classList.add('is-live');
  controls.hidden = false;
  const start = fromHash();
  show(start < 0 ? 0 : start, { announce: false, instant: true });

  prev.addEventListener('click', () => show(current - 1));
  next.addEventListener('click', () => show(current + 1));
  full.addEventListener('click', toggleFull);
  document.addEventListener('fullscreenchange', () => {
    full.setAttribute('aria-pressed', String(document.fullscreenElement === deck));
  });
  addEventListener('hashchange', () => {
    const i = fromHash();
    if (i >= 0) show(i);
  });

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    // Space and Enter on a button or link press it; typing in a field is typing.
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if ((e.key === ' ' || e.key === 'Enter') && target?.closest('button, a')) return;
    let to: number | null = null;
    if (e.key === ' ' && e.shiftKey) to = current - 1;
    else if (NEXT.has(e.key)) to = current + 1;
    else if (PREV.has(e.key)) to = current - 1;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = slides.length - 1;
    else if (e.key === 'f' || e.key === 'F') {
      e.preventDefault();
      toggleFull();
      return;
    }
    if (to === null) return;
    e.preventDefault();
    show(to);
  });

  // Swipe: a mostly horizontal move on the deck; left goes on, right goes back.
  let down: { x: number; y: number; id: number } | null = null;
  deck.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse') down = { x: e.clientX, y: e.clientY, id: e.pointerId };
  });
  deck.addEventListener('pointerup', (e) => {
    if (!down || e.pointerId !== down.id) return;
    const dx = e.clientX - down.x;
    const dy = e.clientY - down.y;
    down = null;
    if (Math.abs(dx) >= SWIPE && Math.abs(dx) > 1.5 * Math.abs(dy)) show(current + (dx < 0 ? 1 : -1));
  });
  deck.addEventListener('pointercancel', () => {
    down = null;
  });
}

for (const deck of document.querySelectorAll<HTMLElement>('[data-deck]')) setup(deck);
