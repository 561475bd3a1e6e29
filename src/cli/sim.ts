/**
 * `npm run --silent sim -- [--json] FILE|-`: replays a script (one command line per line; blank
 * lines and `#` comments skipped) in a fresh world and prints the transcript. Exit status is 0
 * whenever the script ran; failing commands are part of the transcript.
 */
import { readFileSync } from 'node:fs';
import { jsonEntries, scriptLines, transcriptText } from './transcript';
import { replay } from '../sim';

function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const file = files[0];
  if (file === undefined || files.length > 1) {
    process.stderr.write('usage: npm run --silent sim -- [--json] FILE|-\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`sim: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const { transcript } = replay(scriptLines(text));
  process.stdout.write(
    json ? `${JSON.stringify(jsonEntries(transcript), null, 2)}\n` : transcriptText(transcript),
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
