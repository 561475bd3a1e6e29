/**
 * Scenario <-> URL fragment (design.md contract 2). The scenario is the command log (rule 1), so a
 * link carries only the lines, optionally a step index, a format version and a checksum. Links are
 * untrusted input: `decodeScenario` checks everything and reports a reason instead of throwing.
 */
import lz from 'lz-string';
import { decodeUriSafeLz } from './lz-decode';
import { packLine, unpackLine } from './vocabulary';

/** A shared scenario: the command lines to replay and, optionally, a position within them. */
export interface Scenario {
  readonly log: readonly string[];
  /** How many lines of `log` are applied when the link opens (the timeline's cursor); 0 ≤ step ≤ log.length. */
  readonly step?: number;
  /** The world's seed, when it is not the default one (an imported lab may carry its own). */
  readonly seed?: number;
}

/** Why a link was refused: a stable code for translations, and the values its message names. */
export interface ShareError {
  readonly code: ShareErrorCode;
  readonly values: Readonly<Record<string, string | number>>;
  /** The English message, "The share link could not be opened: …". */
  readonly error: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly log: string[]; readonly step?: number; readonly seed?: number }
  | ({ readonly ok: false } & ShareError);

/** The only format this build reads; bump it (and keep reading older ones) when the JSON changes. */
export const FORMAT_PREFIX = 'v1.';
/** Limits on what a link may carry: generous for a lesson, small enough to replay at once. */
export const LIMITS = {
  lines: 1000,
  lineChars: 2000,
  decodedChars: 200_000,
  payloadChars: 400_000,
} as const;

/** The compact JSON inside the payload: packed lines (vocabulary.ts), optional step, checksum of the plain lines and step. */
interface Wire {
  l: string[];
  s?: number;
  /** Seed; optional and absent for the default seed, so v1 links without it read the same. */
  r?: number;
  h: string;
}

export function encodeScenario(scenario: Scenario): string {
  const body = bodyOf([...scenario.log], scenario.step, scenario.seed);
  const wire: Wire = { ...body, l: body.l.map(packLine), h: checksum(JSON.stringify(body)) };
  return FORMAT_PREFIX + lz.compressToEncodedURIComponent(JSON.stringify(wire));
}

export function decodeScenario(fragment: string): DecodeResult {
  try {
    return decode(fragment);
  } catch (error) {
    // Nothing below should throw; if it does, the link is still just "unreadable".
    return fail('unreadable', {
      detail: error instanceof Error ? error.message : 'unknown error',
    });
  }
}

function decode(fragment: string): DecodeResult {
  if (fragment === '') return fail('empty');
  const version = /^(v\d+)\./.exec(fragment)?.[1];
  if (version === undefined) return fail('no-version');
  if (!fragment.startsWith(FORMAT_PREFIX)) return fail('foreign-version', { version });
  const payload = fragment.slice(FORMAT_PREFIX.length);
  if (payload === '') return fail('no-data');
  if (payload.length > LIMITS.payloadChars) return fail('too-long', { max: LIMITS.payloadChars });

  const unpacked = decodeUriSafeLz(payload, LIMITS.decodedChars);
  if (!unpacked.ok) {
    switch (unpacked.reason) {
      case 'alphabet':
        return fail('alphabet');
      case 'truncated':
        return fail('truncated');
      case 'corrupt':
        return fail('corrupt');
      case 'too-long':
        return fail('too-large', { max: LIMITS.decodedChars });
    }
  }

  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
  } catch {
    return fail('not-json');
  }
  return validate(json);
}

function validate(json: unknown): DecodeResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('wrong-shape');
  const { l: log, s: step, r: seed, h: hash, ...rest } = json as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return fail('unexpected-fields');
  if (!Array.isArray(log)) return fail('no-commands');
  if (log.length > LIMITS.lines) return fail('too-many-lines', { max: LIMITS.lines });
  const lines: string[] = [];
  let total = 0;
  for (const [i, packed] of log.entries()) {
    if (typeof packed !== 'string') return fail('line-not-text', { n: i + 1 });
    const line = unpackLine(packed);
    if (line === undefined) return fail('line-corrupt', { n: i + 1 });
    total += line.length;
    if (total > LIMITS.decodedChars) return fail('too-large', { max: LIMITS.decodedChars });
    if (line.length > LIMITS.lineChars)
      return fail('line-too-long', { n: i + 1, max: LIMITS.lineChars });
    lines.push(line);
  }
  if (!isOptionalIndex(step, lines.length)) return fail('bad-step', { max: lines.length });
  if (seed !== undefined && !Number.isSafeInteger(seed)) return fail('bad-seed');
  const body = bodyOf(lines, step, seed);
  if (hash !== checksum(JSON.stringify(body))) return fail('checksum');
  return {
    ok: true,
    log: lines,
    ...(step === undefined ? {} : { step }),
    ...(seed === undefined ? {} : { seed: seed as number }),
  };
}

function isOptionalIndex(step: unknown, max: number): step is number | undefined {
  return (
    step === undefined ||
    (Number.isInteger(step) && (step as number) >= 0 && (step as number) <= max)
  );
}

function bodyOf(log: string[], step: unknown, seed: unknown): Omit<Wire, 'h'> {
  return {
    l: log,
    ...(step === undefined ? {} : { s: step as number }),
    ...(seed === undefined ? {} : { r: seed as number }),
  };
}

/** English reasons; `src/i18n/locales/<lang>/share.json` (`reason.<code>`) has the same keys. */
const REASONS = {
  empty: () => 'it is empty.',
  'no-version': () => 'it has no format version (expected "v1.").',
  'foreign-version': (v) =>
    `it uses format ${v.version}, which this version of the lab cannot read.`,
  'no-data': () => 'it has no scenario data.',
  'too-long': (v) => `it is too long (more than ${v.max} characters).`,
  alphabet: () => 'it contains characters a share link never has; it may have been edited.',
  truncated: () => 'it is incomplete; it may have been cut off when it was copied.',
  corrupt: () => 'its data is corrupted.',
  'too-large': (v) => `the scenario is too large (more than ${v.max} characters).`,
  'not-json': () => 'its data is corrupted (not valid JSON).',
  'wrong-shape': () => 'its data has the wrong shape.',
  'unexpected-fields': () => 'its data has unexpected fields.',
  'no-commands': () => 'its data has no command list.',
  'too-many-lines': (v) => `it has more than ${v.max} commands.`,
  'line-not-text': (v) => `command ${v.n} is not text.`,
  'line-corrupt': (v) => `command ${v.n} is corrupted.`,
  'line-too-long': (v) => `command ${v.n} is longer than ${v.max} characters.`,
  'bad-step': (v) => `its step must be a whole number from 0 to ${v.max}.`,
  'bad-seed': () => 'its seed is not a whole number.',
  checksum: () => 'its checksum does not match; it may have been edited or damaged.',
  unreadable: (v) => `it could not be read (${v.detail}).`,
} satisfies Record<string, (values: Record<string, string | number>) => string>;

export type ShareErrorCode = keyof typeof REASONS;

function fail(code: ShareErrorCode, values: Record<string, string | number> = {}): DecodeResult {
  return {
    ok: false,
    code,
    values,
    error: `The share link could not be opened: ${REASONS[code](values)}`,
  };
}

/** FNV-1a, 32 bits: catches edits and damage, not an attacker (the link is not a secret). */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
