/**
 * The terminal's input line with readline-style history: ↑/↓ walk the command history, and
 * stepping down past the newest entry brings back the line that was being typed.
 */
import { useReducer } from 'react';

export interface HistoryCursor {
  /** What the input shows. */
  readonly value: string;
  /** Index into the history of the recalled line; `null` while editing the new line. */
  readonly index: number | null;
  /** The unfinished new line, kept while the user browses the history. */
  readonly draft: string;
}

export type HistoryAction =
  | { readonly type: 'edit'; readonly value: string }
  | { readonly type: 'older'; readonly history: readonly string[] }
  | { readonly type: 'newer'; readonly history: readonly string[] }
  | { readonly type: 'reset' };

export const emptyCursor: HistoryCursor = { value: '', index: null, draft: '' };

export function moveHistoryCursor(c: HistoryCursor, action: HistoryAction): HistoryCursor {
  switch (action.type) {
    case 'edit':
      return { ...c, value: action.value, draft: c.index === null ? action.value : c.draft };
    case 'older': {
      const last = action.history.length - 1;
      if (last < 0 || c.index === 0) return c;
      const index = c.index === null ? last : Math.min(c.index - 1, last);
      return { ...c, index, value: action.history[index] ?? '' };
    }
    case 'newer': {
      if (c.index === null) return c;
      const index = c.index + 1;
      return index < action.history.length
        ? { ...c, index, value: action.history[index] ?? '' }
        : { ...c, index: null, value: c.draft };
    }
    case 'reset':
      return emptyCursor;
  }
}

export function useTerminalHistory(history: readonly string[]) {
  const [cursor, dispatch] = useReducer(moveHistoryCursor, emptyCursor);
  return {
    value: cursor.value,
    edit: (value: string) => dispatch({ type: 'edit', value }),
    older: () => dispatch({ type: 'older', history }),
    newer: () => dispatch({ type: 'newer', history }),
    reset: () => dispatch({ type: 'reset' }),
  };
}
