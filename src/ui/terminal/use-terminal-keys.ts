/**
 * The terminal input's keys, bound as bash's readline binds them: Enter runs the line, ↑/↓ walk
 * the history, Tab completes and a second Tab lists the choices, Ctrl+A/E/U/K/W and Alt+Backspace
 * edit, Ctrl+R searches the history, Ctrl+C cancels the line (unless text is selected: then it
 * copies), Ctrl+L clears the screen. Tab stays in the input; Esc then Tab, or Shift+Tab, moves
 * the focus on, so the keyboard can always leave.
 */
import {
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { labStore, useLab } from '../../store';
import { openEditor } from '../editor/editor-store';
import { CTRL_EDITS, killAlnumWordBack, type EditLine } from './line-editing';
import {
  eraseInSearch,
  searchCaret,
  searchOlder,
  searchPrompt,
  shownLine,
  startSearch,
  typeInSearch,
  type ReverseSearch,
} from './reverse-search';
import { useTerminalHistory } from './use-terminal-history';

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/** The letter of a Ctrl+letter chord, without other modifiers. */
const ctrlLetter = (e: KeyboardEvent) =>
  e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey ? e.key.toLowerCase() : undefined;

/** Text selected in the input or on the page: Ctrl+C is then the copy key. */
const hasSelection = (input: HTMLInputElement | null) =>
  (input !== null && input.selectionStart !== input.selectionEnd) ||
  !!window.getSelection()?.toString();

/** How many characters of the terminal's font fit across `screen`, as $COLUMNS tells readline. */
function screenColumns(screen: HTMLElement | null): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!screen || !context) return 80;
  const style = getComputedStyle(screen);
  context.font = `${style.fontSize} ${style.fontFamily}`;
  const glyph = context.measureText('0').width;
  const width = screen.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return glyph > 0 ? Math.max(1, Math.floor(width / glyph)) : 80;
}

export function useTerminalKeys(
  input: RefObject<HTMLInputElement | null>,
  screen: RefObject<HTMLElement | null>,
  history: readonly string[],
) {
  const line = useTerminalHistory(history);
  const { run, clear, interrupt, listChoices } = useLab(
    useShallow(({ run, clear, interrupt, listChoices }) => ({
      run,
      clear,
      interrupt,
      listChoices,
    })),
  );
  const [search, setSearch] = useState<ReverseSearch>();
  const lastKey = useRef('');
  // A caret position waiting for the value it belongs to to render.
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    input.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const show = (l: EditLine) => {
    if (l.value === line.value) input.current?.setSelectionRange(l.caret, l.caret);
    else {
      line.edit(l.value);
      pendingCaret.current = l.caret;
    }
  };
  const atCaret = (): EditLine => ({
    value: line.value,
    caret: input.current?.selectionStart ?? line.value.length,
  });
  const searchTo = (next: ReverseSearch | undefined) => {
    setSearch(next);
    pendingCaret.current = next ? searchCaret(next, history) : line.value.length;
  };
  const runLine = (text: string) => {
    // `nano FILE` opens the page's editor, which types the file back as a here-document.
    // Before the engine is in, the line waits like any other and its lab line says so.
    const s = labStore.getState();
    const file = s.engine ? s.engine.editableFileOf(s.world, text) : undefined;
    if (file) openEditor(file);
    else run(text);
    line.reset();
  };

  /** Completes at the caret, or lists the choices; true when the line changed. */
  const tab = (listing: boolean) => {
    const at = atCaret();
    const s = labStore.getState();
    if (!s.engine) return false;
    const r = s.engine.completeAt(s.world, at.value, at.caret);
    if (r.line !== at.value) show({ value: r.line, caret: r.caret });
    else if (listing && r.choices.length > 1)
      listChoices(at.value, r.choices, screenColumns(screen.current));
    return r.line !== at.value;
  };

  /** A key while searching the history. */
  const searchKey = (e: KeyboardEvent<HTMLInputElement>, s: ReverseSearch) => {
    const ctrl = ctrlLetter(e);
    if (MODIFIERS.has(e.key) || (ctrl === 'c' && hasSelection(input.current))) return;
    e.preventDefault();
    if (e.key === 'Enter') {
      setSearch(undefined);
      runLine(shownLine(s, history));
    } else if (ctrl === 'c') {
      setSearch(undefined);
      interrupt(shownLine(s, history));
      line.reset();
    } else if (e.key === 'Escape' || ctrl === 'g') {
      // This Esc ends the search; it does not also let the next Tab leave the input.
      lastKey.current = '';
      searchTo(undefined);
    } else if (ctrl === 'r') searchTo(searchOlder(s, history));
    else if (e.key === 'Backspace') searchTo(eraseInSearch(s, history));
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey)
      searchTo(typeInSearch(s, e.key, history));
    else {
      // Any other key takes the line found, for editing, as readline does.
      setSearch(undefined);
      show({ value: shownLine(s, history), caret: searchCaret(s, history) });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const previous = lastKey.current;
    if (!MODIFIERS.has(e.key)) lastKey.current = e.key;
    if (search) return searchKey(e, search);
    const ctrl = ctrlLetter(e);
    const plain = !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
    if (e.key === 'Enter') {
      e.preventDefault();
      runLine(line.value);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      line.older();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      line.newer();
    } else if (e.key === 'Tab' && plain && previous !== 'Escape') {
      e.preventDefault();
      // readline lists the choices on a Tab right after one that left the line as it was.
      if (tab(previous === 'Tab')) lastKey.current = '';
    } else if (ctrl === 'c' && !hasSelection(input.current)) {
      e.preventDefault();
      interrupt(line.value);
      line.reset();
    } else if (ctrl === 'l') {
      e.preventDefault();
      clear();
    } else if (ctrl === 'r') {
      e.preventDefault();
      searchTo(startSearch(line.value));
    } else if (ctrl !== undefined && Object.hasOwn(CTRL_EDITS, ctrl)) {
      e.preventDefault();
      show(CTRL_EDITS[ctrl](atCaret()));
    } else if (e.key === 'Backspace' && e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      show(killAlnumWordBack(atCaret()));
    }
  };

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    setSearch(undefined);
    line.edit(e.target.value);
  };

  return {
    value: search ? shownLine(search, history) : line.value,
    /** What replaces the prompt while searching the history. */
    searchPrompt: search ? searchPrompt(search) : undefined,
    onKeyDown,
    onChange,
  };
}
