/**
 * `npm run --silent sim -- [--json] FILE|-`: replays a script (one command line per line; blank
 * lines and `#` comments skipped) in a fresh world and prints the transcript. Exit status is 0
 * whenever the script ran; failing commands are part of the transcript.
 */
import { readFileSync } from 'node:fs';
import { jsonEntries, scriptLines, transcriptText } from './transcript';
import { loadParts, replay } from '../sim';

async function main(argv: readonly string[]): Promise<number> {
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
  // Every line runs at once, as in a page whose engine parts have all downloaded (sim/parts.ts).
  await loadParts();
  const { transcript } = replay(scriptLines(text));
  process.stdout.write(
    json ? `${JSON.stringify(jsonEntries(transcript), null, 2)}\n` : transcriptText(transcript),
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
