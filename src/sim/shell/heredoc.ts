/** The body of a here-document once its delimiter line arrived: what bash expands in it. */
import { NAME_RE, readSubstitution, type Word, type WordPart } from './parse';

/**
 * The body of an unquoted here-document as one double-quoted word: `$VAR`, `${VAR}` and `$(…)`
 * expand, `\` escapes only `$`, `` ` ``, `\` and a newline; quotes are ordinary characters.
 */
export function parseHeredocBody(body: string): Word {
  const parts: WordPart[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push({ kind: 'lit', text: lit });
    lit = '';
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$`\\\n'.includes(body[i + 1])) {
      if (body[i + 1] !== '\n') lit += body[i + 1];
      i += 2;
      continue;
    }
    if (c === '$' && body[i + 1] === '(') {
      const end = readSubstitution(body, i + 1);
      if (end > 0) {
        flush();
        parts.push({ kind: 'sub', source: body.slice(i + 2, end - 1), quoted: true });
        i = end;
        continue;
      }
    }
    if (c === '$' && body[i + 1] === '{') {
      const end = body.indexOf('}', i + 2);
      const name = end < 0 ? '' : body.slice(i + 2, end);
      if (NAME_RE.exec(name)?.[0] === name && name) {
        flush();
        parts.push({ kind: 'var', name, quoted: true });
        i = end + 1;
        continue;
      }
    }
    if (c === '$') {
      const m = NAME_RE.exec(body.slice(i + 1)) ?? /^[?$#0-9]/.exec(body.slice(i + 1));
      if (m) {
        flush();
        parts.push({ kind: 'var', name: m[0], quoted: true });
        i += 1 + m[0].length;
        continue;
      }
    }
    lit += c;
    i++;
  }
  flush();
  return parts;
}
