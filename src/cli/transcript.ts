/** Script text <-> command lines, and the plain-text transcript the runner prints. */
import { terminalText, type TranscriptEntry } from '../sim';

export function scriptLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

export function transcriptText(entries: readonly TranscriptEntry[]): string {
  return entries.map((e) => `$ ${e.command}\n${terminalText(e)}`).join('');
}

/** The runner's `--json` entries (design.md contract 1): both streams, and `output` as the terminal shows them. */
export const jsonEntries = (entries: readonly TranscriptEntry[]) =>
  entries.map((e) => ({
    command: e.command,
    stdout: e.stdout,
    stderr: e.stderr,
    exitCode: e.exitCode,
    output: terminalText(e),
  }));
