import { describe, expect, it } from 'vitest';
import { choiceColumns } from './choice-list';

describe('choiceColumns, readline’s listing of completions', () => {
  it('fills columns top to bottom, each as wide as the longest choice plus two', () => {
    const choices = ['attach', 'commit', 'container', 'create', 'exec'];
    // 11-wide columns: 2 fit in 24, so 3 rows.
    expect(choiceColumns(choices, 24)).toBe(
      'attach     create\n' + 'commit     exec\n' + 'container  \n',
    );
  });

  it('puts everything on one line when it fits, and one a line when a choice is too wide', () => {
    expect(choiceColumns(['cat', 'cd', 'cut'], 80)).toBe('cat  cd   cut  \n');
    expect(choiceColumns(['a-very-long-name', 'b'], 10)).toBe('a-very-long-name\nb\n');
  });

  it('keeps the last column free when the columns would fill the screen exactly', () => {
    // Three 5-wide columns fill 15: readline uses two.
    expect(choiceColumns(['aaa', 'bbb', 'ccc'], 15)).toBe('aaa  ccc\nbbb  \n');
  });
});
