import { describe, expect, it } from 'vitest';
import { parseDockerfile, type Instruction } from './dockerfile';

const parse = (text: string): readonly Instruction[] => {
  const r = parseDockerfile(text);
  if (!r.ok) throw new Error(r.error);
  return r.instructions;
};
const error = (text: string) => {
  const r = parseDockerfile(text);
  return r.ok ? undefined : { error: r.error, span: r.span };
};

describe('the Dockerfile parser', () => {
  it('reads every instruction with its arguments', () => {
    const ins = parse(
      [
        '# syntax=docker/dockerfile:1',
        'ARG BASE=ubuntu',
        'FROM ${BASE}:24.04 AS build',
        'ENV A=1 B="two words"',
        'ENV LEGACY value with spaces',
        'LABEL maintainer="me" version=1',
        'WORKDIR /app',
        'COPY --from=build --chown=1:1 a.txt b.txt /dst/',
        'ADD site.tar /srv',
        'RUN apt-get update',
        'RUN ["echo", "exec form"]',
        'CMD ["nginx", "-g", "daemon off;"]',
        'ENTRYPOINT /entry.sh',
        'EXPOSE 8080 80/udp',
        'USER www-data',
        'VOLUME /data',
        'STOPSIGNAL SIGTERM',
        'HEALTHCHECK CMD curl -f http://localhost/',
        'SHELL ["/bin/bash", "-c"]',
        'ONBUILD RUN true',
        'MAINTAINER someone',
      ].join('\n'),
    );
    expect(ins.map((i) => i.kind)).toEqual([
      'ARG',
      'FROM',
      'ENV',
      'ENV',
      'LABEL',
      'WORKDIR',
      'COPY',
      'ADD',
      'RUN',
      'RUN',
      'CMD',
      'ENTRYPOINT',
      'EXPOSE',
      'USER',
      'VOLUME',
      'STOPSIGNAL',
      'HEALTHCHECK',
      'SHELL',
      'ONBUILD',
      'MAINTAINER',
    ]);
    expect(ins[0]).toMatchObject({ args: [['BASE', 'ubuntu']], line: 2 });
    expect(ins[1]).toMatchObject({ image: '${BASE}:24.04', stage: 'build', line: 3 });
    expect(ins[2]).toMatchObject({
      pairs: [
        ['A', '1'],
        ['B', 'two words'],
      ],
    });
    expect(ins[3]).toMatchObject({ pairs: [['LEGACY', 'value with spaces']] });
    expect(ins[4]).toMatchObject({
      pairs: [
        ['maintainer', 'me'],
        ['version', '1'],
      ],
    });
    expect(ins[6]).toMatchObject({
      from: 'build',
      chown: '1:1',
      sources: ['a.txt', 'b.txt'],
      dest: '/dst/',
    });
    expect(ins[8]).toMatchObject({ command: { form: 'shell', text: 'apt-get update' } });
    expect(ins[9]).toMatchObject({ command: { form: 'exec', argv: ['echo', 'exec form'] } });
    expect(ins[10]).toMatchObject({
      command: { form: 'exec', argv: ['nginx', '-g', 'daemon off;'] },
    });
    expect(ins[11]).toMatchObject({ command: { form: 'shell', text: '/entry.sh' } });
    expect(ins[12]).toMatchObject({ values: ['80/udp', '8080'] });
  });

  it('joins continued lines as written, skipping comments inside them, and keeps line numbers', () => {
    const [from, run, cmd] = parse(
      'FROM debian\n\nRUN set -x \\\n    && apt-get update \\\n# a comment\n    && echo done\nCMD echo $HOME\n',
    );
    expect(from).toMatchObject({ line: 1, endLine: 1 });
    expect(run).toMatchObject({
      line: 3,
      endLine: 6,
      original: 'RUN set -x     && apt-get update     && echo done',
      command: { form: 'shell', text: 'set -x     && apt-get update     && echo done' },
    });
    expect(cmd).toMatchObject({ line: 7, command: { form: 'shell', text: 'echo $HOME' } });
  });

  it('takes keywords in any case; a JSON-looking but invalid array is shell form', () => {
    const [, run] = parse("from alpine\nrun ['single', 'quotes']");
    expect(run).toMatchObject({
      kind: 'RUN',
      command: { form: 'shell', text: "['single', 'quotes']" },
    });
  });

  it('names the line of an unknown instruction, with BuildKit suggestion', () => {
    expect(error('FROM nginx\n\nRUNN echo hi\n')).toEqual({
      error: 'dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)',
      span: { line: 3, endLine: 3 },
    });
    expect(error('FROM nginx\nxyzzy bar')?.error).toBe(
      'dockerfile parse error on line 2: unknown instruction: xyzzy',
    );
  });

  it('reports bad arguments as BuildKit does', () => {
    expect(error('FROM a b')?.error).toBe(
      'dockerfile parse error on line 1: FROM requires either one or three arguments',
    );
    expect(error('FROM nginx\nCOPY onlyone')?.error).toBe(
      'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
    );
    expect(error('FROM nginx\nWORKDIR')?.error).toBe(
      'dockerfile parse error on line 2: WORKDIR requires exactly one argument',
    );
    expect(error('FROM nginx\nENV ONLY')?.error).toBe(
      'dockerfile parse error on line 2: ENV must have two arguments',
    );
    expect(error('FROM nginx AS 1st')?.error).toBe(
      'dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
    );
    expect(error('FROM nginx\nCOPY --nope a b')?.error).toBe(
      'dockerfile parse error on line 2: unknown flag: nope',
    );
  });

  it('needs a FROM before other instructions, and some instruction at all', () => {
    expect(error('RUN echo hi\nFROM nginx')).toEqual({
      error: 'no build stage in current context',
      span: { line: 1, endLine: 1 },
    });
    expect(error('# only a comment\n\n')?.error).toBe('file with no instructions');
  });
});
