/**
 * `clear`: writes the terminal's clear-screen sequence. ncurses' clear on TERM=xterm and busybox
 * 1.36's applet write the same bytes: cursor home, erase the display, erase the scrollback (xterm's
 * E3). A terminal that receives them shows an empty screen; the headless runner prints them as is.
 */
import {
  chunksOf,
  fromChunks,
  output,
  failure,
  type Program,
  type Streams,
} from '../shell/process';
import { isBusybox, whereIs } from './place';

export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export const clear: Program = (p) => {
  // ncurses looks the sequence up in terminfo by $TERM, which Docker sets only with a terminal
  // (`docker exec -t`); busybox writes fixed bytes.
  if (!p.tty && !isBusybox(whereIs(p).userland))
    return failure(p.world, 'TERM environment variable not set.');
  return output(p.world, CLEAR_SCREEN);
};

/** What `o` wrote after its last screen clear, or undefined when it cleared nothing. */
export function afterClearScreen(o: Streams): Streams | undefined {
  const chunks = chunksOf(o);
  const at = chunks.findLastIndex((c) => c.text.includes(CLEAR_SCREEN));
  const cleared = chunks[at];
  if (!cleared) return undefined;
  const rest = cleared.text.slice(cleared.text.lastIndexOf(CLEAR_SCREEN) + CLEAR_SCREEN.length);
  return fromChunks([{ stream: cleared.stream, text: rest }, ...chunks.slice(at + 1)]);
}
