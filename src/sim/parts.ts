/**
 * The core's heavier parts, fetched when first used or on idle (issue 14 §2): Compose with its YAML
 * parser, the image builder, and Go's text/template (`--format`). The rest of the engine answers
 * the first command without them.
 *
 * A line that needs a part not loaded yet throws `MissingPart` before it has changed anything
 * (worlds are immutable), and whoever runs lines (the store, `npm run sim`, the tests) loads the
 * part and runs the line again. So what a line prints never depends on when a part arrived; the
 * loaded modules are code, not state.
 */
const LOADERS = {
  compose: () => import('./compose/cli'),
  build: () => import('./docker/build-cli'),
  template: () => import('./format/go-template'),
};

export type PartName = keyof typeof LOADERS;
export const PART_NAMES = Object.keys(LOADERS) as readonly PartName[];

type Part<K extends PartName> = Awaited<ReturnType<(typeof LOADERS)[K]>>;
const loaded = new Map<PartName, unknown>();

/** Thrown by a line that needs `part` before it has loaded; never shown to a learner. */
export class MissingPart extends Error {
  constructor(readonly part: PartName) {
    super(`the simulator's ${part} part has not loaded yet`);
    this.name = 'MissingPart';
  }
}

/** The part's module, or MissingPart thrown when it is still to load. */
export function part<K extends PartName>(name: K): Part<K> {
  const module = loaded.get(name);
  if (!module) throw new MissingPart(name);
  return module as Part<K>;
}

/** The part a MissingPart asks for; undefined for any other error. */
export const missingPartOf = (error: unknown): PartName | undefined =>
  error instanceof MissingPart ? error.part : undefined;

/** Loads one part (once; a failed download can be tried again). */
export async function loadPart(name: PartName): Promise<void> {
  if (!loaded.has(name)) loaded.set(name, await LOADERS[name]());
}

/** Loads every part: before a headless run, or on idle in the page. */
export async function loadParts(): Promise<void> {
  await Promise.all(PART_NAMES.map(loadPart));
}
