/**
 * Autosave: after every change the lab's log, cursor and seed go to localStorage, and a reload
 * replays them. Stored text is untrusted (another tab, an older build, a hand edit): anything
 * unreadable is ignored with a notice, never a crash.
 */
import { LIMITS } from '../share';
import type { LabData } from './lab';
import { loadScenario } from './scenario';

export const AUTOSAVE_KEY = 'dnl.lab.v1';
export const AUTOSAVE_VERSION = 1;

export interface SavedLab {
  readonly version: number;
  readonly seed: number;
  readonly log: readonly string[];
  readonly cursor: number;
}

export const serializeLab = ({ seed, log, cursor }: LabData): string =>
  JSON.stringify({ version: AUTOSAVE_VERSION, seed, log, cursor } satisfies SavedLab);

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

/** Minimal Storage, so tests can pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Writes the lab whenever its log, cursor or seed change (a few KB, so no throttling). A full or
 * forbidden storage (private mode, quota) only loses the autosave, never the lab.
 */
export function startAutosave(
  store: { getState(): LabData; subscribe(l: (s: LabData, prev: LabData) => void): () => void },
  storage: KeyValueStorage,
): () => void {
  return store.subscribe((s, prev) => {
    if (s.log === prev.log && s.cursor === prev.cursor && s.seed === prev.seed) return;
    try {
      storage.setItem(AUTOSAVE_KEY, serializeLab(s));
    } catch {
      // Nothing to do: the lab itself is unaffected.
    }
  });
}
