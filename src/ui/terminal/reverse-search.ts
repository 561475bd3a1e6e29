/**
 * readline's reverse incremental search (Ctrl+R): each typed character narrows the search to the
 * newest history line holding the query, another Ctrl+R steps to an older one, and while nothing
 * matches the last match stays on show under a `failed` prompt.
 */

export interface ReverseSearch {
  readonly query: string;
  /** Index in the history of the line on show; undefined before anything matched. */
  readonly match?: number;
  /** The query matches no line at or before the one on show. */
  readonly failed: boolean;
  /** The line being typed when the search began: cancelling brings it back. */
  readonly original: string;
}

export const startSearch = (original: string): ReverseSearch => ({
  query: '',
  failed: false,
  original,
});

/** The newest line before index `before` that holds `query`. */
function findBack(history: readonly string[], query: string, before: number): number | undefined {
  for (let i = Math.min(before, history.length) - 1; i >= 0; i--)
    if (history[i]?.includes(query)) return i;
  return undefined;
}

function searchFrom(s: ReverseSearch, query: string, history: readonly string[], before: number) {
  const match = query === '' ? undefined : findBack(history, query, before);
  return match === undefined
    ? { ...s, query, failed: query !== '' }
    : { ...s, query, match, failed: false };
}

/** A character typed while searching: the line on show may still hold the longer query. */
export const typeInSearch = (s: ReverseSearch, text: string, history: readonly string[]) =>
  searchFrom(s, s.query + text, history, (s.match ?? history.length - 1) + 1);

/** Backspace while searching: the shorter query, searched again from the newest line. */
export const eraseInSearch = (s: ReverseSearch, history: readonly string[]) =>
  searchFrom(s, s.query.slice(0, -1), history, history.length);

/** Ctrl+R again: the next older line holding the query. */
export const searchOlder = (s: ReverseSearch, history: readonly string[]) =>
  searchFrom(s, s.query, history, s.match ?? history.length);

/** The line the search shows. */
export const shownLine = (s: ReverseSearch, history: readonly string[]): string =>
  (s.match === undefined ? undefined : history[s.match]) ?? s.original;

/** Where the caret sits in the line on show: on the match, as readline puts it. */
export const searchCaret = (s: ReverseSearch, history: readonly string[]): number =>
  Math.max(0, shownLine(s, history).lastIndexOf(s.query));

export const searchPrompt = (s: ReverseSearch): string =>
  `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
