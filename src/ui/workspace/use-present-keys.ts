/**
 * P enters presentation mode and Esc leaves it, except while typing (the terminal, a dialog's
 * field) or when a dialog or menu is open, whose own Esc comes first.
 */
import { useEffect } from 'react';
import { workspaceStore } from './workspace-store';

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const overlayOpen = (): boolean =>
  !!document.querySelector('[role="dialog"], [role="menu"], dialog[open]');

export function usePresentKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const { presenting, setPresenting } = workspaceStore.getState();
      if (e.key === 'Escape' && presenting && !overlayOpen()) {
        setPresenting(false);
      } else if (e.key.toLowerCase() === 'p' && !typing(e.target) && !overlayOpen()) {
        e.preventDefault();
        setPresenting(!presenting);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
