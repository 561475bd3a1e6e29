/**
 * docker-cli's formatter.Context for list commands (`ps`, `images`, `network ls`…): a `--format`
 * Go template runs once per row; a `table` prefix adds a header row (the same template over the
 * column titles) and aligns the cells with the tabwriter. Spaces around the template are trimmed
 * and the two-character escapes `\t` and `\n` become a tab and a newline, as preFormat does.
 */
import type { Result } from '../result';
import { part } from '../parts';
import { renderTable } from './table';

export function renderRows(
  format: string,
  headers: Readonly<Record<string, string>>,
  rows: readonly Record<string, string>[],
): Result<string> {
  const table = format.startsWith('table');
  const source = (table ? format.slice('table'.length) : format)
    .replace(/^ +| +$/g, '')
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
  const lines: string[] = [];
  for (const row of table ? [headers, ...rows] : rows) {
    const r = part('template').executeTemplate(source, row);
    if (!r.ok) return { ok: false, error: `template parsing error: ${r.error}` };
    lines.push(r.value);
  }
  if (!table) return { ok: true, value: lines.map((l) => `${l}\n`).join('') };
  const [header = [], ...body] = lines.map((l) => l.split('\t'));
  return { ok: true, value: renderTable(header, body) };
}
