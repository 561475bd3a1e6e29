import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { jsonEntries, scriptLines, transcriptText } from './transcript';

describe('the runner (design.md contract 1)', () => {
  const { transcript } = replay(scriptLines('# a lab\ndocker run -d --name web nginx\n'));

  it('prints stdout and stderr interleaved as a terminal shows them', () => {
    const text = transcriptText(transcript).split('\n');
    expect(text[0]).toBe('$ docker run -d --name web nginx');
    expect(text[1]).toBe("Unable to find image 'nginx:latest' locally");
    expect(text.at(-2)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives JSON entries both streams and the terminal view as `output`', () => {
    const [entry] = jsonEntries(transcript);
    expect(Object.keys(entry)).toEqual(['command', 'stdout', 'stderr', 'exitCode', 'output']);
    expect(entry.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(entry.output).toBe(entry.stderr + entry.stdout);
  });

  it('prints what clear writes on an xterm, and runs on after it', () => {
    const cleared = replay(scriptLines('clear\nhostname\n')).transcript;
    expect(transcriptText(cleared)).toBe('$ clear\n\x1b[H\x1b[2J\x1b[3J$ hostname\ndocker-host\n');
  });
});
