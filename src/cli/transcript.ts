/** Script text <-> command lines, and the plain-text transcript the runner prints. */
import type { TranscriptEntry } from '../sim';

export function scriptLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

export function transcriptText(entries: readonly TranscriptEntry[]): string {
  return entries.map((e) => `$ ${e.command}\n${e.stdout}${e.stderr}`).join('');
}
