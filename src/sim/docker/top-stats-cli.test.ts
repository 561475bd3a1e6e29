import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker top', () => {
  it('lists the main process in ps -ef columns (tabwriter minwidth 20, padding 3)', () => {
    const lines = ['docker run -d --name web nginx', 'docker top web'];
    const { world, transcript } = replay(lines);
    const pid = [...hostOf(world).docker.containers.values()][0].state.pid;
    const [header, row] = transcript[1].stdout.split('\n');
    expect(header).toBe(
      'UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD',
    );
    expect(row).toMatch(
      new RegExp(
        `^root {16}${pid} +\\d+ +0 {19}\\d\\d:\\d\\d {15}\\? {19}00:00:00 {12}nginx: master process nginx -g daemon off;$`,
      ),
    );
  });

  it('refuses a stopped container', () => {
    const lines = ['docker create --name idle busybox'];
    const id = [...hostOf(replay(lines).world).docker.containers.values()][0].id;
    expect(last([...lines, 'docker top idle']).stderr).toBe(
      `Error response from daemon: container ${id} is not running\n`,
    );
  });
});

describe('docker stats --no-stream', () => {
  const base = ['docker run -d --name web nginx', 'docker run -d --name box busybox sleep 1d'];

  it("prints docker-cli's table, newest first, the same figures every time", () => {
    const out = last([...base, 'docker stats --no-stream']).stdout;
    const lines = out.split('\n');
    // Widths follow the data (tabwriter minwidth 10, padding 3); the first columns are fixed here.
    expect(lines[0]).toMatch(
      /^CONTAINER ID {3}NAME {6}CPU % {5}MEM USAGE \/ LIMIT {5}MEM % {5}NET I\/O {5,}BLOCK I\/O {3}PIDS$/,
    );
    expect(lines[1]).toMatch(
      /^\w{12} {3}box {7}\d\.\d\d% {5}[\d.]+KiB \/ 3\.568GiB +\d\.\d\d% +[\d.]+k?B \/ 0B +0B \/ 0B +1$/,
    );
    expect(lines[2]).toMatch(/^\w{12} {3}web .* 3$/);
    expect(last([...base, 'docker stats --no-stream']).stdout).toBe(out);
  });

  it('shows a stopped container by name with zeros; an unknown one is an error', () => {
    const lines = [...base, 'docker stop box', 'docker stats --no-stream box'];
    expect(last(lines).stdout.split('\n')[1]).toMatch(
      /^\w{12} {3}box {7}0\.00% {5}0B \/ 0B {13}0\.00% {5}0B \/ 0B {3}0B \/ 0B {5}0$/,
    );
    expect(last([...base, 'docker stats --no-stream nosuch']).stderr).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
  });

  it('says it does not stream', () => {
    expect(last([...base, 'docker stats']).stderr).toMatch(/^lab: .*--no-stream/);
  });
});
