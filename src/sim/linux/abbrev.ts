/**
 * iproute2's `matches()`: a keyword may be abbreviated to any non-empty prefix (`ip a`, `ip r del`,
 * `bridge f`), the first keyword in the tool's own order winning.
 */
export const matches = (word: string, full: string): boolean =>
  word.length > 0 && full.startsWith(word);
