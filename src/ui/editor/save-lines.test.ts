import { describe, expect, it } from 'vitest';
import { heredocDelimiter, saveLines } from './save-lines';

describe('the editor save line', () => {
  it('writes the text as a quoted here-document', () => {
    expect(saveLines('compose.yaml', 'services:\n  web:\n    image: nginx\n')).toEqual([
      "cat > compose.yaml <<'EOF'",
      'services:',
      '  web:',
      '    image: nginx',
      'EOF',
    ]);
  });

  it('keeps a text without a final newline, and blank lines inside it', () => {
    expect(saveLines('f', 'a\n\nb')).toEqual(["cat > f <<'EOF'", 'a', '', 'b', 'EOF']);
  });

  it('writes an empty file with an empty body', () => {
    expect(saveLines('f', '')).toEqual(["cat > f <<'EOF'", 'EOF']);
  });

  it('picks a delimiter the text does not contain', () => {
    expect(heredocDelimiter('x')).toBe('EOF');
    expect(heredocDelimiter('cat <<EOF\nEOF\n')).toBe('EOF1');
    expect(heredocDelimiter('EOF EOF1 EOF2')).toBe('EOF3');
    expect(saveLines('f', 'EOF\n').at(-1)).toBe('EOF1');
  });
});
