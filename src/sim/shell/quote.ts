/** Writing words back as bash reads them: what `parse.ts` undoes. */

/** Always single-quoted; a `'` inside becomes `'\''`. */
export const shQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** Bare when it holds only characters bash leaves alone, else single-quoted. */
export const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : shQuote(word);
