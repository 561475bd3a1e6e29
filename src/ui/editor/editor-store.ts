/**
 * The file open in the editor panel, if any. Opening it changes nothing in the world: only the
 * here-document that saving types reaches the command log (design.md rule 1).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { EditableFile } from '../../store/lab-engine';

interface EditorState {
  readonly file?: EditableFile;
  /** Where focus goes back when the editor closes (the terminal input that typed `nano`). */
  readonly opener?: HTMLElement;
}

const editorStore = createStore<EditorState>()(() => ({}));

export function openEditor(file: EditableFile): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  editorStore.setState({ file, opener });
}

export function closeEditor(): void {
  const { opener } = editorStore.getState();
  editorStore.setState({ file: undefined, opener: undefined });
  if (opener?.isConnected) opener.focus();
}

export const useEditorFile = (): EditableFile | undefined => useStore(editorStore, (s) => s.file);
