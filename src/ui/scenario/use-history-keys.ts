/**
 * Ctrl+Z undoes the last command, Ctrl+Shift+Z and Ctrl+Y redo it, anywhere on the page — except
 * in a text field, where those keys belong to the text being edited. The terminal input is the
 * one exception when it is empty: there is no text to undo, so the keys go to the lab.
 */
import { useEffect } from 'react';
import { labStore } from '../../store';

export function useHistoryKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return;
      const key = e.key.toLowerCase();
      const action =
        key === 'z' ? (e.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : undefined;
      if (!action || isEditingText(e.target)) return;
      e.preventDefault();
      labStore.getState()[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  if (!TEXT_TYPES.has(target.type)) return false;
  return !(target.getAttribute('aria-label') === 'Terminal input' && target.value === '');
}

const TEXT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number']);
