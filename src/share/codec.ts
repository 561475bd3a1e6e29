/**
 * Scenario <-> URL fragment (design.md contract 2). The scenario is the command log (rule 1), so a
 * link carries only the lines, optionally a step index, a format version and a checksum. Links are
 * untrusted input: `decodeScenario` checks everything and reports a reason instead of throwing.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeUriSafeLz } from './lz-decode';
import { packLine, unpackLine } from './vocabulary';

/** A shared scenario: the command lines to replay and, optionally, a position within them. */
export interface Scenario {
  readonly log: readonly string[];
  /** How many lines of `log` count as "done" (for lesson or trace playback); 0 ≤ step ≤ log.length. */
  readonly step?: number;
}

export type DecodeResult =
  | { readonly ok: true; readonly log: string[]; readonly step?: number }
  | { readonly ok: false; readonly error: string };

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
  h: string;
}

export function encodeScenario(scenario: Scenario): string {
  const body = bodyOf([...scenario.log], scenario.step);
  const wire: Wire = { ...body, l: body.l.map(packLine), h: checksum(JSON.stringify(body)) };
  return FORMAT_PREFIX + compressToEncodedURIComponent(JSON.stringify(wire));
}

export function decodeScenario(fragment: string): DecodeResult {
  try {
    return decode(fragment);
  } catch (error) {
    // Nothing below should throw; if it does, the link is still just "unreadable".
    return fail(
      `it could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
}

function decode(fragment: string): DecodeResult {
  if (fragment === '') return fail('it is empty.');
  const version = /^(v\d+)\./.exec(fragment)?.[1];
  if (version === undefined) return fail('it has no format version (expected "v1.").');
  if (!fragment.startsWith(FORMAT_PREFIX))
    return fail(`it uses format ${version}, which this version of the lab cannot read.`);
  const payload = fragment.slice(FORMAT_PREFIX.length);
  if (payload === '') return fail('it has no scenario data.');
  if (payload.length > LIMITS.payloadChars)
    return fail(`it is too long (more than ${LIMITS.payloadChars} characters).`);

  const unpacked = decodeUriSafeLz(payload, LIMITS.decodedChars);
  if (!unpacked.ok) {
    switch (unpacked.reason) {
      case 'alphabet':
        return fail('it contains characters a share link never has; it may have been edited.');
      case 'truncated':
        return fail('it is incomplete; it may have been cut off when it was copied.');
      case 'corrupt':
        return fail('its data is corrupted.');
      case 'too-long':
        return fail(`the scenario is too large (more than ${LIMITS.decodedChars} characters).`);
    }
  }

  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
  } catch {
    return fail('its data is corrupted (not valid JSON).');
  }
  return validate(json);
}

function validate(json: unknown): DecodeResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('its data has the wrong shape.');
  const { l: log, s: step, h: hash, ...rest } = json as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return fail('its data has unexpected fields.');
  if (!Array.isArray(log)) return fail('its data has no command list.');
  if (log.length > LIMITS.lines) return fail(`it has more than ${LIMITS.lines} commands.`);
  const lines: string[] = [];
  let total = 0;
  for (const [i, packed] of log.entries()) {
    if (typeof packed !== 'string') return fail(`command ${i + 1} is not text.`);
    const line = unpackLine(packed);
    if (line === undefined) return fail(`command ${i + 1} is corrupted.`);
    total += line.length;
    if (total > LIMITS.decodedChars)
      return fail(`the scenario is too large (more than ${LIMITS.decodedChars} characters).`);
    if (line.length > LIMITS.lineChars)
      return fail(`command ${i + 1} is longer than ${LIMITS.lineChars} characters.`);
    lines.push(line);
  }
  if (
    step !== undefined &&
    (!Number.isInteger(step) || (step as number) < 0 || (step as number) > lines.length)
  )
    return fail(`its step must be a whole number from 0 to ${lines.length}.`);
  const body = bodyOf(lines, step as number | undefined);
  if (hash !== checksum(JSON.stringify(body)))
    return fail('its checksum does not match; it may have been edited or damaged.');
  return step === undefined
    ? { ok: true, log: lines }
    : { ok: true, log: lines, step: step as number };
}

function bodyOf(log: string[], step: number | undefined): Omit<Wire, 'h'> {
  return step === undefined ? { l: log } : { l: log, s: step };
}

function fail(reason: string): DecodeResult {
  return { ok: false, error: `The share link could not be opened: ${reason}` };
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
