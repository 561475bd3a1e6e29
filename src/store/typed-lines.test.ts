import { describe, expect, it } from 'vitest';
import { toShellScript } from '../share';
import { createLabData, runCommand } from './lab';
import { selectTypedLines } from './typed-lines';

describe('where each line was typed', () => {
  it('follows the engine through container shells and here-documents', () => {
    const lab = [
      'docker run -d --name web nginx',
      'docker exec -it web sh',
      'hostname',
      'exit',
      'cat > /tmp/note <<EOF',
      'hello',
      'EOF',
    ].reduce(runCommand, createLabData());
    const typed = selectTypedLines(lab);
    expect(typed.map((t) => [t.at.kind, t.next.kind, t.inHeredoc, t.opensHeredoc])).toEqual([
      ['host', 'host', false, false],
      ['host', 'container', false, false],
      ['container', 'container', false, false],
      ['container', 'host', false, false],
      ['host', 'host', false, true],
      ['host', 'host', true, false],
      ['host', 'host', true, false],
    ]);
    const script = toShellScript(typed, { url: 'u', seed: lab.seed });
    expect(script).toContain("docker exec web sh -c 'hostname'\n");
  });

  it('turns lines typed on another lab host into ssh HOST commands', () => {
    const lab = ['lab add-host host2', 'ssh host2', 'docker ps', 'exit', 'hostname'].reduce(
      runCommand,
      createLabData(),
    );
    const typed = selectTypedLines(lab);
    expect(typed.map((t) => t.at.kind)).toEqual(['host', 'host', 'lab-host', 'lab-host', 'host']);
    const script = toShellScript(typed, { url: 'u', seed: lab.seed });
    expect(script).toContain(
      '# lab add-host host2  (a lab command: bring up that Docker host yourself)\n' +
        '# ssh host2  (interactive; the lines typed in it follow)\n' +
        "ssh host2 'docker ps'\n" +
        '# exit  (leaves host2)\n' +
        'hostname\n',
    );
  });

  it('covers only the applied lines', () => {
    const lab = ['docker ps', 'docker images'].reduce(runCommand, createLabData());
    expect(selectTypedLines({ ...lab, cursor: 1 }).map((t) => t.line)).toEqual(['docker ps']);
  });
});
