import { describe, expect, it } from 'vitest';
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

const HISTORY = ['docker network create mynet', 'docker ps', 'ip addr', 'docker ps -a'];

const typed = (text: string, s: ReverseSearch = startSearch('draft')) =>
  [...text].reduce((acc, c) => typeInSearch(acc, c, HISTORY), s);

describe('reverse incremental search', () => {
  it('shows the newest line holding the query, narrowing as it grows', () => {
    const s = typed('ps');
    expect(shownLine(s, HISTORY)).toBe('docker ps -a');
    expect(searchPrompt(s)).toBe("(reverse-i-search)`ps': ");
    expect(searchCaret(s, HISTORY)).toBe(7);
    expect(shownLine(typed('net'), HISTORY)).toBe('docker network create mynet');
  });

  it('Ctrl+R again steps to an older line; past the oldest the search fails and keeps its line', () => {
    const older = searchOlder(typed('ps'), HISTORY);
    expect(shownLine(older, HISTORY)).toBe('docker ps');
    const none = searchOlder(older, HISTORY);
    expect(none.failed).toBe(true);
    expect(shownLine(none, HISTORY)).toBe('docker ps');
    expect(searchPrompt(none)).toBe("(failed reverse-i-search)`ps': ");
  });

  it('shows the line being typed until something matches; Backspace widens the query again', () => {
    expect(shownLine(startSearch('draft'), HISTORY)).toBe('draft');
    const miss = typed('xyz');
    expect(miss.failed).toBe(true);
    expect(shownLine(miss, HISTORY)).toBe('draft');
    const wider = eraseInSearch(typed('ip x'), HISTORY);
    expect(wider).toMatchObject({ query: 'ip ', failed: false });
    expect(shownLine(wider, HISTORY)).toBe('ip addr');
  });
});
