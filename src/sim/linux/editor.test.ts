import { describe, expect, it } from 'vitest';
import { editableFileOf } from './editor';
import { lab, onHost } from './testing';

const written = lab([
  "cat > compose.yaml <<'EOF'",
  'services:',
  '  web:',
  '    image: nginx',
  'EOF',
]);

describe('nano, vi and vim', () => {
  it('open the file the host shell sees, by the name typed or its absolute path', () => {
    const content = 'services:\n  web:\n    image: nginx\n';
    expect(editableFileOf(written, 'nano compose.yaml')).toEqual({ name: 'compose.yaml', content });
    expect(editableFileOf(written, '  vim /root/compose.yaml ')?.content).toBe(content);
    expect(editableFileOf(written, 'vi new.txt')).toEqual({ name: 'new.txt', content: '' });
  });

  it('leave other lines, here-document bodies and container shells to the shell', () => {
    expect(editableFileOf(written, 'nano')).toBeUndefined();
    expect(editableFileOf(written, 'nano a b')).toBeUndefined();
    expect(editableFileOf(written, 'nano "$F"')).toBeUndefined();
    expect(editableFileOf(written, 'nanox f')).toBeUndefined();
    expect(editableFileOf(lab(["cat > f <<'EOF'"]), 'nano f')).toBeUndefined();
    const inside = lab(['docker run -it --name box busybox sh']);
    expect(editableFileOf(inside, 'vi f')).toBeUndefined();
  });

  it('answer in the headless runner with one lab line, and change nothing', () => {
    const { world, output } = onHost(written, 'nano compose.yaml');
    expect(output.stderr).toBe(
      "lab: nano opens an editor only in the browser's host shell; write the file with: cat > compose.yaml <<'EOF'\n",
    );
    expect(output.exitCode).toBe(1);
    expect(world.hosts).toBe(written.hosts);
  });
});
