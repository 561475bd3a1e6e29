import { describe, expect, it } from 'vitest';
import { parseDotEnv } from './dotenv';
import { interpolate, substitute } from './interpolate';
import { lab } from './testing';

const env: Record<string, string> = { TAG: '1.27', EMPTY: '' };
const lookup = (k: string) => (Object.hasOwn(env, k) ? env[k] : undefined);

function sub(template: string) {
  const warnings: string[] = [];
  const r = substitute(template, lookup, (w) => warnings.push(w));
  return { r, warnings };
}

describe('compose interpolation (compose-go template)', () => {
  it('substitutes every form a compose file uses', () => {
    const cases: [string, string][] = [
      ['nginx:${TAG}', 'nginx:1.27'],
      ['nginx:$TAG-x', 'nginx:1.27-x'],
      ['${EMPTY:-fallback}', 'fallback'],
      ['${EMPTY-fallback}', ''],
      ['${NOPE-fallback}', 'fallback'],
      ['${NOPE:-${TAG}}', '1.27'],
      ['${TAG:+set}', 'set'],
      ['${EMPTY:+set}', ''],
      ['${EMPTY+set}', 'set'],
      ['$$TAG costs $$5', '$TAG costs $5'],
      ['a $ b', 'a $ b'],
      ['${TAG:-x} and ${NOPE:-y}', '1.27 and y'],
    ];
    for (const [template, want] of cases)
      expect(sub(template).r).toEqual({ ok: true, value: want });
  });

  it('warns once per unset plain reference and stops on a required one', () => {
    const { r, warnings } = sub('$NOPE/${NOPE}');
    expect(r).toEqual({ ok: true, value: '/' });
    expect(warnings).toEqual([
      'The "NOPE" variable is not set. Defaulting to a blank string.',
      'The "NOPE" variable is not set. Defaulting to a blank string.',
    ]);
    expect(sub('${EMPTY:?say why}').r).toEqual({
      ok: false,
      error: { kind: 'required', message: 'required variable EMPTY is missing a value: say why' },
    });
    expect(sub('${EMPTY?}').r).toEqual({ ok: true, value: '' });
    expect(sub('${NOPE?}').r).toEqual({
      ok: false,
      error: { kind: 'required', message: 'required variable NOPE is missing a value' },
    });
    expect(sub('${1BAD}').r).toEqual({
      ok: false,
      error: { kind: 'invalid', template: '${1BAD}' },
    });
  });

  it('names the path of a failing value and casts typed keys', () => {
    const dict = {
      services: { web: { image: 'x', tty: '${ON:-yes}', ports: [{ target: '${P:-80}' }] } },
    };
    const r = interpolate(dict, lookup);
    expect(r.ok && r.value.value).toEqual({
      services: { web: { image: 'x', tty: true, ports: [{ target: 80 }] } },
    });
    expect(interpolate({ services: { web: { image: '${X:?}' } } }, lookup)).toEqual({
      ok: false,
      error: 'error while interpolating services.web.image: required variable X is missing a value',
    });
    expect(interpolate({ services: { web: { command: ['a', '${'] } } }, lookup)).toEqual({
      ok: false,
      error:
        'invalid interpolation format for services.web.command.[].\nYou may need to escape any $ with another $.\n${',
    });
    expect(interpolate({ services: { web: { tty: 'maybe' } } }, lookup)).toEqual({
      ok: false,
      error:
        'error while interpolating services.web.tty: failed to cast to expected type: invalid boolean: maybe',
    });
  });
});

describe('env files (compose-go dotenv)', () => {
  it('reads quotes, comments, export and earlier lines', () => {
    const text = [
      '# defaults',
      'export A=1',
      "B='$A literal'",
      'C="line\\n${A}"',
      'D=${A}2 # comment',
      'E: yaml style',
      'TAG',
      '',
    ].join('\n');
    expect(parseDotEnv(text, lookup, () => {})).toEqual({
      ok: true,
      value: { A: '1', B: '$A literal', C: 'line\n1', D: '12', E: 'yaml style', TAG: '1.27' },
    });
    expect(parseDotEnv('A B=1\n', lookup, () => {})).toEqual({
      ok: false,
      error: 'line 1: key cannot contain a space',
    });
    expect(parseDotEnv('A="open\n', lookup, () => {})).toEqual({
      ok: false,
      error: 'line 1: unterminated quoted value "open',
    });
  });
});

const FILE = `
services:
  web:
    image: busybox:\${TAG}
    command: sleep \${NAP:-60}
    env_file: web.env
    environment:
      - FROM_SHELL
`;

describe('docker compose with variables', () => {
  it('takes the shell over .env, and a .env over the file defaults', () => {
    const { outputs } = lab(FILE, [
      "printf 'TAG=1.36\\nNAP=5\\nFROM_SHELL=dotenv\\n' > .env",
      "echo 'GREETING=hi $TAG' > web.env",
      'export NAP=30 FROM_SHELL=shell',
      'docker compose config',
    ]);
    const yaml = outputs[3].stdout;
    expect(yaml).toContain('image: busybox:1.36');
    expect(yaml).toContain('- "30"');
    expect(yaml).toContain('FROM_SHELL: shell');
    expect(yaml).toContain('GREETING: hi 1.36');
    expect(outputs[3].stderr).toBe('');
  });

  it('warns for an unset variable before it acts, and --env-file replaces .env', () => {
    const { outputs } = lab(FILE, [
      "echo 'GREETING=hi' > web.env",
      'docker compose config --services',
      'echo TAG=1.35 > other.env',
      'docker compose --env-file other.env config -q',
      'docker compose --env-file missing.env config',
    ]);
    expect(outputs[1].stderr).toBe(
      'WARN[0000] The "TAG" variable is not set. Defaulting to a blank string.\n',
    );
    expect(outputs[3]).toMatchObject({ stderr: '', exitCode: 0 });
    expect(outputs[4]).toMatchObject({
      stderr: "Couldn't find env file: /root/missing.env\n",
      exitCode: 15,
    });
  });

  it('takes the project name from COMPOSE_PROJECT_NAME in .env', () => {
    const { outputs } = lab('services:\n  a:\n    image: busybox', [
      'echo COMPOSE_PROJECT_NAME=fromenv > .env',
      'docker compose config',
    ]);
    expect(outputs[1].stdout).toMatch(/^name: fromenv\n/);
  });
});
