/**
 * Opening a scenario (a share link, an imported file, the autosaved lab), and the link that opens
 * this one. A scenario's log is replayed line by line through `runCommand`, the same path as
 * typing, so the transcript shows every command, failures included (design rule 1). The lab it
 * replaces stays one undo away.
 */
import {
  decodeScenario,
  encodeScenario,
  LIMITS,
  parseScenarioFile,
  SHARE_HASH_PREFIX,
} from '../share';
import { DEFAULT_SEED } from '../sim';
import { AUTOSAVE_VERSION, type SavedLab } from './autosave';
import { previousOf, seek } from './history';
import { createLabData, runCommand, screenOf, type LabData, type Notice } from './lab';
import { selectAppliedLog } from './selectors';

export interface LoadOptions {
  /** How many lines to apply; the rest stay redo-able (a share link's step). Default: all. */
  readonly step?: number;
  /** Default: the lab's own seed. */
  readonly seed?: number;
}

/** A fresh lab with `log` replayed into it, at `step`. */
export function loadScenario(
  state: LabData,
  log: readonly string[],
  { step, seed = state.seed }: LoadOptions = {},
): LabData {
  const full = log.reduce(runCommand, createLabData(seed));
  const at = seek(full, step ?? full.log.length);
  return {
    ...at,
    transcript: screenOf(at.entries.slice(0, at.cursor)),
    previous: previousOf(state),
  };
}

/**
 * The lab a page opens on for its `location.hash`: this one when there is no share link, the
 * replayed scenario for a good one, and an empty lab with a notice saying why for a broken one.
 */
export function openShareHash(state: LabData, hash: string): LabData {
  if (!hash.startsWith(SHARE_HASH_PREFIX)) return state;
  const result = decodeScenario(hash.slice(SHARE_HASH_PREFIX.length));
  const seed = result.ok ? (result.seed ?? DEFAULT_SEED) : DEFAULT_SEED;
  if (result.ok) return loadScenario(state, result.log, { step: result.step, seed });
  const notice: Notice = {
    source: 'share',
    code: result.code,
    values: result.values,
    message: result.error,
  };
  return { ...createLabData(seed), previous: previousOf(state), notice };
}

/** An exported JSON file or shell script; a file that cannot be read leaves the lab as it was. */
export function importScenarioFile(state: LabData, bytes: Uint8Array): LabData {
  const result = parseScenarioFile(bytes);
  if (!result.ok) {
    const { code, values, error } = result;
    return { ...state, notice: { source: 'import', code, values, message: error } };
  }
  return loadScenario(state, result.commands, { seed: result.seed ?? DEFAULT_SEED });
}

/**
 * The autosaved lab. Stored text is untrusted (another tab, an older build, a hand edit): anything
 * unreadable is ignored with a notice, never a crash.
 */
export type ParsedSave =
  | { readonly ok: true; readonly save: SavedLab }
  | { readonly ok: false; readonly code: 'bad-json' | 'foreign-version' | 'bad-shape' };

export function parseSavedLab(text: string): ParsedSave {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: 'bad-json' };
  }
  if (typeof json !== 'object' || json === null) return { ok: false, code: 'bad-shape' };
  const { version, seed, log, cursor } = json as Record<string, unknown>;
  if (version !== AUTOSAVE_VERSION) return { ok: false, code: 'foreign-version' };
  const isLog =
    Array.isArray(log) &&
    log.length <= LIMITS.lines &&
    log.every((l) => typeof l === 'string' && l.length <= LIMITS.lineChars);
  if (
    !Number.isSafeInteger(seed) ||
    !isLog ||
    !Number.isInteger(cursor) ||
    (cursor as number) < 0 ||
    (cursor as number) > log.length
  )
    return { ok: false, code: 'bad-shape' };
  return { ok: true, save: { version, seed: seed as number, log, cursor: cursor as number } };
}

const MESSAGES: Record<Exclude<ParsedSave, { ok: true }>['code'], string> = {
  'bad-json': 'it is not valid JSON.',
  'foreign-version': 'it was saved by another version of the lab.',
  'bad-shape': 'its data has the wrong shape.',
};

/** The lab a page starts with: the saved one replayed at its cursor, or this one with a notice. */
export function restoreSavedLab(state: LabData, text: string | null): LabData {
  if (text === null) return state;
  const parsed = parseSavedLab(text);
  if (!parsed.ok) {
    const message = `The saved lab could not be restored: ${MESSAGES[parsed.code]}`;
    return { ...state, notice: { source: 'autosave', code: parsed.code, values: {}, message } };
  }
  const { log, cursor, seed } = parsed.save;
  return { ...loadScenario(state, log, { step: cursor, seed }), previous: undefined };
}

/**
 * The URL fragment (`#s=…`) that reopens this lab (design.md contract 2): its applied lines, or
 * with `atStep` the whole log and the cursor, so the link opens at this step with the rest to redo.
 */
export const selectShareHash = (s: LabData, { atStep = false } = {}): string => {
  const seed = s.seed === DEFAULT_SEED ? {} : { seed: s.seed };
  const scenario =
    atStep && s.cursor < s.log.length
      ? { log: s.log, step: s.cursor, ...seed }
      : { log: selectAppliedLog(s), ...seed };
  return SHARE_HASH_PREFIX + encodeScenario(scenario);
};
