/**
 * How docker-cli prints what `docker inspect` and `docker network inspect` found
 * (cli/command/inspect): the objects as one JSON array indented by 4 (`-f json`: compact), or a
 * template per object — run on the typed value first, then on the raw JSON with missing keys as
 * errors — and the lookup errors on stderr after them, exit 1 if any.
 */
import type { World } from '../model';
import { part } from '../parts';
import { failure, output, type ProcessResult } from '../shell/process';

/** One name looked up: what a template sees first (the Go-typed value) and what JSON prints. */
export type InspectItem =
  | { readonly ok: true; readonly typed: unknown; readonly json: unknown }
  | { readonly ok: false; readonly error: string };

/** A bad template stops before any lookup, exit 64. */
export function checkInspectFormat(world: World, format: string): ProcessResult | null {
  if (format === '' || format === 'json') return null;
  const error = part('template').templateSyntaxError(format);
  return error === undefined ? null : failure(world, `template parsing error: ${error}`, 64);
}

const rawJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

export function renderInspect(
  world: World,
  format: string,
  items: readonly InspectItem[],
): ProcessResult {
  const template = format !== '' && format !== 'json';
  const objects: unknown[] = [];
  const errors: string[] = [];
  let text = '';
  for (const item of items) {
    if (!item.ok) errors.push(item.error);
    else if (!template) objects.push(item.json);
    else {
      const { executeTemplate } = part('template');
      const typed = executeTemplate(format, item.typed);
      const result = typed.ok
        ? typed
        : executeTemplate(format, rawJson(item.json), { missingKey: 'error' });
      if (result.ok) text += `${result.value}\n`;
      else errors.push(`template parsing error: ${result.error}`);
    }
  }
  let stdout: string;
  // An empty template buffer still flushes one newline (TemplateInspector.Flush).
  if (template) stdout = text === '' ? '\n' : text;
  else if (objects.length === 0) stdout = '[]\n';
  else
    stdout = `${format === 'json' ? JSON.stringify(objects) : JSON.stringify(objects, null, 4)}\n`;
  return output(world, stdout, errors.map((e) => `${e}\n`).join(''), errors.length ? 1 : 0);
}
