/**
 * Keyboard access to the context menu from the Topology outline: Shift+F10 or the ContextMenu
 * key on an item opens the menu of that item (or of the selection), beside it.
 */
import { useEffect } from 'react';
import { containerRef, HOST_REF, networkRef, type ObjectRef } from '../../graph/refs';
import { viewStore } from '../../store';
import { openMenu } from './action-store';

/** The object an outline item stands for, from the last segment of its id (`…/ctr:web`). */
function refOfItem(item: HTMLElement): ObjectRef | undefined {
  const id = item.dataset.outlineId ?? '';
  const last = id.slice(id.lastIndexOf('/') + 1);
  if (last.startsWith('ctr:')) return containerRef(last.slice(4));
  if (last.startsWith('net:')) return networkRef(last.slice(4));
  if (last.startsWith('host:')) return HOST_REF;
  return undefined;
}

export function useOutlineMenu(): void {
  useEffect(() => {
    const open = (e: Event, target: EventTarget | null) => {
      const item = (target as HTMLElement | null)?.closest<HTMLElement>(
        '[aria-label="Topology outline"] [role="treeitem"]',
      );
      if (!item) return;
      const ref = refOfItem(item) ?? viewStore.getState().selected;
      if (!ref) return;
      e.preventDefault();
      const box = item.getBoundingClientRect();
      openMenu({ ref, x: box.left + 24, y: box.top + 20 });
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu')
        open(e, document.activeElement);
    };
    const onContextMenu = (e: MouseEvent) => open(e, e.target);
    document.addEventListener('keydown', onKey);
    document.addEventListener('contextmenu', onContextMenu);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('contextmenu', onContextMenu);
    };
  }, []);
}
