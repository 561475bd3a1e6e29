/**
 * The parts of the page that need the engine (the graph, the side panel's tabs, the dialogs, the
 * trace player) are fetched once it is in: on a slow link the engine, which the first command
 * needs, comes first. Each part arrives with its strings in the UI language; `ready` says what it
 * waits for (the engine, or with `partsReady` the engine's parts too).
 */
import { lazy, type ComponentType } from 'react';
import { i18n } from '../i18n';
import { labReady } from '../store';

export function afterEngine<P extends object>(
  load: () => Promise<ComponentType<P>>,
  namespaces: readonly string[] = [],
  ready: Promise<void> = labReady,
) {
  return lazy(async () => {
    await ready;
    const [component] = await Promise.all([load(), i18n.loadNamespaces([...namespaces])]);
    return { default: component };
  });
}
