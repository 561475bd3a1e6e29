/**
 * Reading a half-typed line the way bash does before it completes: which simple command the caret
 * is in (after the last `|`, `;`, `&&`, `||` or an unclosed `$(`), that command's words so far,
 * and the word under the caret, with quotes and backslashes removed.
 */
import { readSubstitution } from './parse';

export interface CaretWord {
  /** The command's words before the caret's word, unquoted; leading `NAME=value` left out. */
  readonly words: readonly string[];
  /** The word under the caret, from its start to the caret, unquoted. */
  readonly word: string;
  /** Where that word starts in the line. */
  readonly from: number;
  /** The word follows a redirection (`>`, `<`, `2>`): it names a file. */
  readonly redirect: boolean;
  /** It holds an expansion (`$VAR`, `$(…)`) whose value completion cannot know. */
  readonly opaque: boolean;
}

const isAssignment = (word: string) => /^[A-Za-z_]\w*=/.test(word);

/** The caret's word and its command, or undefined inside a `#` comment. */
export function scanToCaret(line: string, caret: number): CaretWord | undefined {
  let words: string[] = [];
  let word = '';
  let from = caret;
  let started = false;
  let opaque = false;
  let quote: "'" | '"' | undefined;
  // The next word names a redirection's file; `target` marks the word being read as one.
  let redirect = false;
  let target = false;

  const begin = (i: number) => {
    if (started) return;
    started = true;
    from = i;
    target = redirect;
    redirect = false;
  };
  const end = () => {
    if (started && !target && !(words.length === 0 && isAssignment(word))) words.push(word);
    started = false;
    word = '';
    opaque = false;
    target = false;
  };
  const newCommand = () => {
    end();
    words = [];
    redirect = false;
  };

  for (let i = 0; i < caret; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (c === '\\') {
      begin(i);
      if (i + 1 < caret) word += line[++i];
    } else if (c === '$') {
      begin(i);
      opaque = true;
      if (line[i + 1] === '(') {
        const close = readSubstitution(line, i + 1);
        // The caret inside `$(…`: completion is about the command being typed in there.
        if (close < 0 || close > caret) {
          newCommand();
          i++;
        } else i = close - 1;
      }
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') {
      begin(i);
      quote = c;
    } else if (c === ' ' || c === '\t') end();
    else if (c === '#' && !started) return undefined;
    else if (c === ';' || c === '|' || c === '&' || c === '(') newCommand();
    else if (c === '>' || c === '<') {
      // `2>`: the 2 was a file descriptor, not a word.
      if (started && word === '2' && from === i - 1) started = false;
      end();
      if (line[i + 1] === c) i++;
      if (line[i + 1] === '&') {
        // `2>&1` duplicates a descriptor: no file follows.
        i++;
        while (i + 1 < caret && /\d/.test(line[i + 1])) i++;
      } else redirect = true;
    } else {
      begin(i);
      word += c;
    }
  }
  return started
    ? { words, word, from, redirect: target, opaque }
    : { words, word: '', from: caret, redirect, opaque: false };
}
