/**
 * The parts of the page that need the engine (the graph, the side panel's tabs, the dialogs, the
 * trace player) are fetched once it is in: on a slow link the engine, which the first command
 * needs, comes first. Each part arrives with its strings in the UI language.
 */
import { lazy, type ComponentType } from 'react';
import { i18n } from '../i18n';
import { labReady } from '../store';

export function afterEngine<P extends object>(
  load: () => Promise<ComponentType<P>>,
  namespaces: readonly string[] = [],
) {
  return lazy(async () => {
    await labReady;
    const [component] = await Promise.all([load(), i18n.loadNamespaces([...namespaces])]);
    return { default: component };
  });
}
