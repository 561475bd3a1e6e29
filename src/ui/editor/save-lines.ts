/**
 * What the editor types when it saves (design.md rule 1): `cat > FILE <<'DELIM'`, the text line
 * by line, then the delimiter, so the command log, undo and share links carry the file.
 */

/**
 * `EOF`, or `EOF1`, `EOF2`… when the text already contains it: bash ends the here-document at
 * the first line equal to the delimiter, and one the text never mentions cannot cut it short.
 */
export function heredocDelimiter(text: string): string {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? 'EOF' : `EOF${n}`;
    if (!text.includes(candidate)) return candidate;
  }
}

/**
 * The lines that write `text` to `file`. A here-document always ends its body with a newline, so
 * one final newline of the text is that one; the quoted delimiter keeps `$` and backquotes literal.
 */
export function saveLines(file: string, text: string): string[] {
  const delimiter = heredocDelimiter(text);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = text === '' ? [] : body.split('\n');
  return [`cat > ${file} <<'${delimiter}'`, ...lines, delimiter];
}
