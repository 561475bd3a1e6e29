import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

describe('help', () => {
  it("is the lab's own short page, in every shell", () => {
    const page = last(['help']).stdout;
    expect(page).toMatch(
      /^Docker Network Lab: a simulated CentOS Stream 9 host running Docker 27\.5\./,
    );
    expect(page.split('\n').length - 1).toBeLessThanOrEqual(28);
    for (const topic of [
      'docker   run',
      'telnet nc',
      'ssh 10.0.2.20',
      'Ctrl+P Ctrl+Q',
      'Ctrl+C',
      'Tab',
      'not',
    ])
      expect(page, topic).toContain(topic);
    expect(
      last(['docker run -dit --name b1 busybox', 'docker exec -it b1 sh', 'help']).stdout,
    ).toBe(page);
  });

  it('names only docker commands the lab has', () => {
    const page = last(['help']).stdout;
    for (const cmd of ['run', 'exec', 'attach', 'inspect', 'commit', 'network create', 'system df'])
      expect(page).toContain(cmd.split(' ')[0]);
    for (const cmd of ['swarm', 'stack']) expect(page).not.toContain(cmd);
  });
});
