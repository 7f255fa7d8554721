import { SUMMARY, type FigureModule } from './types';

/**
 * The figure registry: every folder src/figures/<id>/ (but kit/, the shared parts) whose index.ts exports
 * `figure` is a figure, found at build time. Adding a figure is adding a folder;
 * no list to edit. Chapters name a figure by id; the content schema checks it here.
 */
const modules = import.meta.glob<{ figure: FigureModule }>(['./*/index.ts', '!./kit/index.ts'], { eager: true });

export const figures: Readonly<Record<string, FigureModule>> = Object.fromEntries(
  Object.entries(modules).map(([path, mod]) => {
    const folder = path.split('/')[1] ?? '';
    if (!mod.figure || mod.figure.id !== folder) {
      throw new Error(`src/figures/${folder}/index.ts must export \`figure\` with id "${folder}"`);
    }
    return [folder, mod.figure];
  }),
);

export function isFigureId(id: string): boolean {
  return Object.hasOwn(figures, id);
}

/** Looks up a figure; an unknown id throws (pages only ask for ids the schema checked). */
export function figure(id: string): FigureModule {
  const f = figures[id];
  if (!f) throw new Error(`Unknown figure "${id}"; known: ${Object.keys(figures).join(', ')}`);
  return f;
}

/** The fact ids behind one state of a figure, in the order its source line names them. */
export function sourcesOf(fig: FigureModule, state: string): readonly string[] {
  return fig.stateSources?.[state] ?? fig.sources;
}

/** The state that shows a figure's point at a glance (chapter cards, previews). */
export function keyStateOf(fig: FigureModule): string {
  return fig.keyState && fig.states.includes(fig.keyState) ? fig.keyState : SUMMARY;
}
