import { describe, expect, it } from 'vitest';
import { emptyCursor, moveHistoryCursor, type HistoryAction } from './use-terminal-history';

const history = ['docker ps', 'docker run -d nginx', 'hostname'];
const older: HistoryAction = { type: 'older', history };
const newer: HistoryAction = { type: 'newer', history };
const edit = (value: string): HistoryAction => ({ type: 'edit', value });
const walk = (...actions: HistoryAction[]) => actions.reduce(moveHistoryCursor, emptyCursor);

describe('moveHistoryCursor', () => {
  it('↑ recalls lines newest first and stops at the oldest', () => {
    expect(walk(older).value).toBe('hostname');
    expect(walk(older, older).value).toBe('docker run -d nginx');
    expect(walk(older, older, older, older, older).value).toBe('docker ps');
  });

  it('↓ walks back and restores the unfinished line at the bottom', () => {
    const c = walk(edit('docker net'), older, older, newer);
    expect(c.value).toBe('hostname');
    expect(moveHistoryCursor(c, newer)).toMatchObject({ value: 'docker net', index: null });
  });

  it('↓ at the bottom and ↑ with no history change nothing', () => {
    const c = walk(edit('abc'));
    expect(moveHistoryCursor(c, newer)).toBe(c);
    expect(moveHistoryCursor(c, { type: 'older', history: [] })).toBe(c);
  });

  it('editing a recalled line keeps the draft', () => {
    const c = walk(edit('draft'), older, edit('hostname -i'));
    expect(c.value).toBe('hostname -i');
    expect(moveHistoryCursor(c, newer).value).toBe('draft');
  });

  it('reset starts a fresh line', () => {
    expect(walk(edit('x'), older, { type: 'reset' })).toEqual(emptyCursor);
  });
});
