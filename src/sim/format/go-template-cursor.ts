// The token cursor of the Go template parser: parse.go's three-token lookahead over the lexer's
// items, and its error reporting (`template: :LINE: …`, with the line an unclosed action began on).
import { describeItem, lex, type Item, type ItemType } from './go-template-lex';

/** Thrown inside the parser only; parseTemplate turns it into a result. */
export class ParseError extends Error {}

export interface Cursor {
  /** Where the action being parsed began (-1 outside one), for "in action started at" errors. */
  actionPos: number;
  readonly next: () => Item;
  readonly backup: () => void;
  /** Pushes back `t1` after the one item already read (parse.go backup2). */
  readonly backup2: (t1: Item) => void;
  /** Pushes back `t2` then `t1` (parse.go backup3). */
  readonly backup3: (t2: Item, t1: Item) => void;
  readonly peek: () => Item;
  readonly nextNonSpace: () => Item;
  readonly peekNonSpace: () => Item;
  readonly errorf: (message: string) => never;
  readonly unexpected: (t: Item, context: string) => never;
  readonly expect: (type: ItemType, context: string) => Item;
}

export function createCursor(source: string): Cursor {
  const items = lex(source);
  const lastItem = items[items.length - 1] ?? { type: 'eof', pos: 0, val: '' };
  let index = 0;
  const token: Item[] = [lastItem, lastItem, lastItem];
  let peekCount = 0;
  const lineOf = (pos: number): number => source.slice(0, pos).split('\n').length;
  const cursor: Cursor = {
    actionPos: -1,
    errorf: (message) => {
      throw new ParseError(`template: :${lineOf(token[0]?.pos ?? 0)}: ${message}`);
    },
    next: () => {
      if (peekCount > 0) peekCount--;
      else token[0] = items[index++] ?? lastItem;
      return token[peekCount] ?? lastItem;
    },
    backup: () => {
      peekCount++;
    },
    backup2: (t1) => {
      token[1] = t1;
      peekCount = 2;
    },
    backup3: (t2, t1) => {
      token[1] = t1;
      token[2] = t2;
      peekCount = 3;
    },
    peek: () => {
      if (peekCount > 0) return token[peekCount - 1] ?? lastItem;
      peekCount = 1;
      token[0] = items[index++] ?? lastItem;
      return token[0];
    },
    nextNonSpace: () => {
      let t = cursor.next();
      while (t.type === 'space') t = cursor.next();
      return t;
    },
    peekNonSpace: () => {
      const t = cursor.nextNonSpace();
      cursor.backup();
      return t;
    },
    unexpected: (t, context) => {
      if (t.type === 'error') {
        let extra = '';
        if (cursor.actionPos >= 0 && lineOf(cursor.actionPos) !== lineOf(t.pos)) {
          extra = ` in action started at :${lineOf(cursor.actionPos)}`;
          if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
        }
        return cursor.errorf(t.val + extra);
      }
      return cursor.errorf(`unexpected ${describeItem(t)} in ${context}`);
    },
    expect: (type, context) => {
      const t = cursor.nextNonSpace();
      return t.type === type ? t : cursor.unexpected(t, context);
    },
  };
  return cursor;
}
