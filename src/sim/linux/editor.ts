/**
 * `nano`, `vi` and `vim`. The lab has no full-screen terminal, so the browser opens its own
 * editor panel for these and saves by typing a here-document (design.md rule 1); here, in the
 * headless runner or inside a container, the core says so in one deterministic lab line.
 */
import type { World } from '../model';
import { failure, type Process, type ProcessResult } from '../shell/process';
import { readAt } from './file-tree';

export function editor(p: Process): ProcessResult {
  const file = p.argv[1] ?? 'FILE';
  return failure(
    p.world,
    `lab: ${p.argv[0]} opens an editor only in the browser's host shell; write the file with: cat > ${file} <<'EOF'\n`,
  );
}

/** A file the browser's editor may open: its name as typed and what it holds now. */
export interface EditableFile {
  readonly name: string;
  readonly content: string;
}

// Plain words only: a name the save line can type back unquoted, with no expansion to mirror.
const EDITOR_LINE = /^\s*(nano|vim?)\s+([\w./-]+)\s*$/;

/**
 * The file `line` would open in an editor, when the line is exactly `nano FILE` (or vi, vim)
 * typed at the host's own prompt, outside a here-document; undefined otherwise, and the line
 * runs as usual. A file that does not exist yet opens empty, as nano does.
 */
export function editableFileOf(world: World, line: string): EditableFile | undefined {
  const { terminal } = world;
  if (terminal.pending || terminal.shells.length > 0) return undefined;
  const m = EDITOR_LINE.exec(line);
  if (!m) return undefined;
  const name = m[2];
  const place = { host: terminal.host, cwd: terminal.vars.PWD ?? '/root' };
  return { name, content: readAt(world, place, name) ?? '' };
}
