import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGolden } from '../sim/golden';
import { decodeScenario, encodeScenario, FORMAT_PREFIX, LIMITS } from './codec';
import { packLine, unpackLine } from './vocabulary';

const GOLDEN = join(import.meta.dirname, '../sim/__golden__');

/** Seed 000 as its golden transcripts retell it (pings, then links and mynet): 30 commands. */
const SEED_000_SCENARIO = ['06-seed000-ping.txt', '02-seed000-link-mynet.txt']
  .flatMap((f) => parseGolden(readFileSync(join(GOLDEN, f), 'utf8')).map((b) => b.command))
  .slice(0, 30);

/** A payload with the right version, built from any JSON text (as a tamperer would). */
const rawPayload = (json: string) => FORMAT_PREFIX + compressToEncodedURIComponent(json);

describe('share link codec', () => {
  it('round-trips any list of lines, with or without a step', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (log) => {
        expect(decodeScenario(encodeScenario({ log }))).toEqual({ ok: true, log });
      }),
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.string({ unit: 'binary' }), { maxLength: 50 })
          .chain((log) => fc.tuple(fc.constant(log), fc.nat({ max: log.length }))),
        ([log, step]) => {
          expect(decodeScenario(encodeScenario({ log, step }))).toEqual({ ok: true, log, step });
        },
      ),
    );
  }, 30_000); // 200 fast-check runs of lz: slow on a shared, loaded CPU

  it('round-trips a seed, with a step, and omits the default', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 10 }), fc.nat(), (log, seed) => {
        const step = log.length >> 1;
        expect(decodeScenario(encodeScenario({ log, step, seed }))).toEqual({
          ok: true,
          log,
          step,
          seed,
        });
      }),
    );
  });

  it('never throws and never accepts a random string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(decodeScenario(s).ok).toBe(false);
        expect(decodeScenario(FORMAT_PREFIX + s).ok).toBe(false);
      }),
    );
  });

  it('keeps a 30-command scenario (seed 000) within a 600-character URL', () => {
    expect(SEED_000_SCENARIO).toHaveLength(30);
    const fragment = encodeScenario({ log: SEED_000_SCENARIO });
    const url = `https://example.github.io/docker-network-lab/#s=${fragment}`;
    console.info(`30-command scenario: fragment ${fragment.length} chars, URL ${url.length} chars`);
    expect(fragment.length).toBeLessThanOrEqual(450);
    expect(decodeScenario(fragment)).toEqual({ ok: true, log: SEED_000_SCENARIO });
  });

  const good = encodeScenario({ log: ['docker network create app', 'docker ps'] });
  const payload = good.slice(FORMAT_PREFIX.length);
  const flipped = payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11);
  const broken: [kind: string, fragment: string, message: RegExp][] = [
    ['empty', '', /empty/],
    ['garbage', 'hello world', /no format version/],
    ['a foreign version', 'v9.' + payload, /format v9/],
    ['a version with no data', FORMAT_PREFIX, /no scenario data/],
    ['characters outside the alphabet', FORMAT_PREFIX + 'abc<script>', /characters/],
    ['the garbage of the e2e test', FORMAT_PREFIX + 'garbage', /incomplete|corrupt/],
    [
      'a truncated payload',
      FORMAT_PREFIX + payload.slice(0, payload.length >> 1),
      /incomplete|corrupt/,
    ],
    ['a tampered payload', FORMAT_PREFIX + flipped, /corrupt|checksum|incomplete|shape|command/],
    ['valid lz of non-JSON', rawPayload('docker ps'), /not valid JSON/],
    ['JSON of the wrong shape', rawPayload('["docker ps"]'), /wrong shape/],
    ['no command list', rawPayload('{"h":"0"}'), /no command list/],
    ['non-string lines', rawPayload('{"l":["docker ps",42],"h":"0"}'), /command 2 is not text/],
    ['an extra field', rawPayload('{"l":[],"h":"0","x":1}'), /unexpected fields/],
    ['a step out of range', rawPayload('{"l":["a"],"s":2,"h":"0"}'), /step/],
    ['a fractional step', rawPayload('{"l":["a"],"s":0.5,"h":"0"}'), /step/],
    ['a negative step', rawPayload('{"l":["a"],"s":-1,"h":"0"}'), /step/],
    ['a step that is text', rawPayload('{"l":["a"],"s":"1","h":"0"}'), /step/],
    ['a seed that is text', rawPayload('{"l":["a"],"r":"7","h":"0"}'), /seed/],
    [
      'an edited line with a stale checksum',
      rawPayload('{"l":["rm -rf /"],"h":"00000000"}'),
      /checksum/,
    ],
    [
      'too many lines',
      encodeScenario({ log: Array(LIMITS.lines + 1).fill('docker ps') }),
      /more than 1000 commands/,
    ],
    [
      'a line too long',
      encodeScenario({ log: ['x'.repeat(LIMITS.lineChars + 1)] }),
      /longer than 2000/,
    ],
    [
      'an oversized scenario',
      encodeScenario({ log: Array(200).fill('y'.repeat(1500)) }),
      /too large/,
    ],
    [
      'an oversized scenario made of short words',
      rawPayload(
        `{"l":[${Array(1000)
          .fill(`"${'\u0081'.repeat(1999)}"`)
          .join(',')}],"h":"0"}`,
      ),
      /too large/,
    ],
    [
      'an unknown vocabulary token',
      rawPayload('{"l":["\u00ff"],"h":"0"}'),
      /command 1 is corrupted/,
    ],
    ['a decompression bomb', rawPayload('a'.repeat(5_000_000)), /too large/],
    ['an overlong payload', FORMAT_PREFIX + 'A'.repeat(LIMITS.payloadChars + 1), /too long/],
  ];

  it.each(broken)('rejects %s with a clear message', (_kind, fragment, message) => {
    const result = decodeScenario(fragment);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^The share link could not be opened: /);
    expect(result.error).toMatch(message);
  });

  it('rejects every truncation of a real link', () => {
    const fragment = encodeScenario({ log: SEED_000_SCENARIO.slice(0, 5) });
    // Dropping only the zero padding at the end loses nothing; any other cut must be refused.
    for (let n = 0; n < fragment.length; n++) {
      const result = decodeScenario(fragment.slice(0, n));
      if (result.ok) expect(result.log).toEqual(SEED_000_SCENARIO.slice(0, 5));
      else
        expect(result.error).toMatch(/incomplete|corrupt|no scenario data|no format version|empty/);
    }
  });
});

describe('the vocabulary', () => {
  it('packs and unpacks any line, including its own token and escape characters', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('docker ', '\u0080', '\u0081', 'é', '\u00ff'),
            fc.string({ unit: 'binary', maxLength: 3 }),
          ),
        }),
        (line) => {
          expect(unpackLine(packLine(line))).toBe(line);
        },
      ),
    );
  });
});
