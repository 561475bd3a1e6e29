/**
 * A record's own entry for a key a user typed. Plain objects inherit `toString`, `constructor`
 * and friends, so `registry[word]` would find a function for the command `toString`.
 */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
