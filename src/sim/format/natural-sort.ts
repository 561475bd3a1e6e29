/** fvbommel/sortorder NaturalLess, the order docker-cli lists networks and ports in: digit runs
 * compare by value, digits sort before other bytes. */
export function naturalLess(a: string, b: string): boolean {
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d1 = digit(a[i]);
    const d2 = digit(b[j]);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    const s1 = i;
    const s2 = j;
    while (digit(a[i])) i++;
    while (digit(b[j])) j++;
    if (i - s1 !== j - s2) return i - s1 < j - s2;
    const n1 = a.slice(s1, i);
    const n2 = b.slice(s2, j);
    if (n1 !== n2) return n1 < n2;
    if (s1 !== s2) return s1 < s2;
  }
  return a.length - i < b.length - j;
}

/** naturalLess as a comparator for Array.prototype.sort. */
export const naturalCompare = (a: string, b: string): number =>
  naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
