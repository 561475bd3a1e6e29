/**
 * readline's editing keys (emacs mode, as bash starts) on the terminal's input line: pure edits of
 * the text and its caret. What a kill removes is dropped: there is no kill ring to yank from.
 */

/** The input line and where its caret is. */
export interface EditLine {
  readonly value: string;
  readonly caret: number;
}

/** Deletes back from the caret past any non-word characters, then past the word before them. */
function killBack(l: EditLine, word: (c: string) => boolean): EditLine {
  let i = l.caret;
  while (i > 0 && !word(l.value[i - 1] ?? '')) i--;
  while (i > 0 && word(l.value[i - 1] ?? '')) i--;
  return { value: l.value.slice(0, i) + l.value.slice(l.caret), caret: i };
}

/** Edits bound to Ctrl and a letter. */
export const CTRL_EDITS: Readonly<Record<string, (l: EditLine) => EditLine>> = {
  /** beginning-of-line */
  a: (l) => ({ ...l, caret: 0 }),
  /** end-of-line */
  e: (l) => ({ ...l, caret: l.value.length }),
  /** unix-line-discard: everything before the caret. */
  u: (l) => ({ value: l.value.slice(l.caret), caret: 0 }),
  /** kill-line: everything from the caret on. */
  k: (l) => ({ ...l, value: l.value.slice(0, l.caret) }),
  /** unix-word-rubout: the word before the caret, words being what lies between blanks. */
  w: (l) => killBack(l, (c) => !/\s/.test(c)),
};

/** Alt+Backspace, backward-kill-word: the word before the caret, words being letters and digits. */
export const killAlnumWordBack = (l: EditLine): EditLine =>
  killBack(l, (c) => /[\p{L}\p{N}]/u.test(c));
