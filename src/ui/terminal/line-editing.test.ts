import { describe, expect, it } from 'vitest';
import { CTRL_EDITS, killAlnumWordBack, type EditLine } from './line-editing';

/** The line with `|` marking the caret. */
const at = (text: string): EditLine => ({
  value: text.replace('|', ''),
  caret: text.indexOf('|'),
});
const shown = (l: EditLine) => `${l.value.slice(0, l.caret)}|${l.value.slice(l.caret)}`;
const ctrl = (key: string, text: string) => shown(CTRL_EDITS[key](at(text)));

describe('readline editing keys', () => {
  it('Ctrl+A and Ctrl+E move to the start and the end', () => {
    expect(ctrl('a', 'docker n|etwork ls')).toBe('|docker network ls');
    expect(ctrl('e', 'docker n|etwork ls')).toBe('docker network ls|');
  });

  it('Ctrl+U kills back to the start, Ctrl+K to the end', () => {
    expect(ctrl('u', 'docker network| ls')).toBe('| ls');
    expect(ctrl('k', 'docker network| ls')).toBe('docker network|');
  });

  it('Ctrl+W kills the blank-separated word before the caret and the blanks after it', () => {
    expect(ctrl('w', 'docker run --name=web  |nginx')).toBe('docker run |nginx');
    expect(ctrl('w', 'docker|')).toBe('|');
    expect(ctrl('w', '|docker')).toBe('|docker');
  });

  it('Alt+Backspace kills back to the start of a word of letters and digits', () => {
    expect(shown(killAlnumWordBack(at('docker run --name=web|')))).toBe('docker run --name=|');
    expect(shown(killAlnumWordBack(at('cat /etc/|')))).toBe('cat /|');
  });
});
