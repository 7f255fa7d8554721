/**
 * The figure's source line follows the state it shows. FigureFrame renders one line per
 * distinct set of sources, each naming its states in data-source-states, with the static
 * state's line visible; figure-stage sends a bubbling `figure:state` ({ detail: { step } })
 * whenever it moves to a state (an unknown request arrives as the summary it falls back to).
 */
function show(stage: Element, step: string): void {
  const fig = stage.closest('.fig');
  for (const line of fig?.querySelectorAll<HTMLElement>('[data-source-states]') ?? []) {
    line.hidden = !(line.dataset['sourceStates'] ?? '').split(' ').includes(step);
  }
}

document.addEventListener('figure:state', (event) => {
  const step = (event as CustomEvent<{ step?: unknown }>).detail?.step;
  if (typeof step === 'string' && event.target instanceof Element) show(event.target, step);
});
// A stage that moved before this listener existed says so in data-shown.
for (const stage of document.querySelectorAll('figure-stage[data-shown]')) show(stage, stage.getAttribute('data-shown') ?? '');
