/**
 * The engine as the page first has it: Compose and the image builder not yet downloaded
 * (sim/parts.ts). This file runs in its own module graph, without the setup that loads them.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, loadPart, missingPartOf, replay, runLine } from '.';

const COMPOSE_FILE = "printf 'services:\\n  web:\\n    image: nginx\\n' > compose.yaml";

const missing = (line: string) => {
  try {
    runLine(runLine(createWorld(), 'lab add-host host2').world, line);
  } catch (error) {
    return missingPartOf(error);
  }
  return undefined;
};

describe('a line whose engine part has not loaded', () => {
  it('throws MissingPart naming the part, wherever the command sits on the line', () => {
    expect(missing('docker compose up -d')).toBe('compose');
    expect(missing('docker compose version')).toBe('compose');
    expect(missing('docker build -t app .')).toBe('build');
    expect(missing('docker image build .')).toBe('build');
    expect(missing('docker buildx build .')).toBe('build');
    expect(missing('echo hi && docker compose ps')).toBe('compose');
    expect(missing("sh -c 'docker build .'")).toBe('build');
    expect(missing('ssh host2 docker compose ls')).toBe('compose');
    expect(missing('docker inspect -f "{{.Id}}" nothing')).toBe('template');
    expect(missing('docker network ls --format "{{.Name}}"')).toBe('template');
    expect(missing('docker version -f "{{.Server.Version}}"')).toBe('template');
  });

  it('leaves every other line, Tab flags included, to run at once', () => {
    expect(missing('docker network ls')).toBeUndefined();
    expect(missing('docker run -d --name web nginx')).toBeUndefined();
    expect(missing('docker network inspect bridge')).toBeUndefined();
    expect(missing('docker ps -a')).toBeUndefined();
  });

  it('prints, once the part is in, exactly what a fully loaded engine prints', async () => {
    const log = [COMPOSE_FILE, 'docker compose up -d', 'docker compose ps', 'docker network ls'];
    expect(() => replay(log)).toThrow(/compose part has not loaded/);
    await loadPart('compose');
    const { transcript } = replay(log);
    expect(transcript[1]?.stderr).toMatch(/Container root-web-1 +Started/);
    expect(transcript[3]?.stdout).toMatch(/ root_default +bridge /);
    expect(missing('docker build .')).toBe('build');
    await loadPart('build');
    expect(missing('docker build .')).toBeUndefined();
    await loadPart('template');
    expect(missing('docker network ls --format "{{.Name}}"')).toBeUndefined();
  });
});
