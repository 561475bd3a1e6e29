/**
 * docker-cli's tables: Go tabwriter with minwidth 10, padding 3, space padding, and the last
 * column left unpadded (docker/cli cli/command/formatter/formatter.go).
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  minWidth = 10,
): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) =>
    Math.max(minWidth, ...all.map((r) => [...(r[i] ?? '')].length + 3)),
  );
  return all
    .map((r) =>
      r
        .map((cell, i) =>
          i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length),
        )
        .join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}
