/**
 * j / k (and the arrow keys while a step has focus) move by one step; ordinary scrolling
 * keys keep their meaning. Typing in a field, or working in the open share panel, is
 * never taken over.
 */
export function keyboardSteps(move: (by: number) => void): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    // A key event dispatched on document (or window) has no element as its target.
    const target = event.target instanceof Element ? event.target : document.body;
    if (target.closest('input, textarea, select, [contenteditable], details[open] .share__panel')) return;
    const onStep = target.matches('[data-step-id]');
    const by =
      event.key === 'j' || (onStep && event.key === 'ArrowDown') ? 1 : event.key === 'k' || (onStep && event.key === 'ArrowUp') ? -1 : 0;
    if (!by) return;
    event.preventDefault();
    move(by);
  });
}
