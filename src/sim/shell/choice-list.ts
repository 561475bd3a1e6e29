/**
 * How readline lists the completions a second Tab shows (complete.c rl_display_match_list): in
 * columns as wide as the longest choice plus two, as many as fit the screen, filled top to bottom
 * like `ls`; every column but the last is padded to its width.
 */
export function choiceColumns(choices: readonly string[], screenWidth: number): string {
  const width = Math.max(0, ...choices.map((c) => c.length)) + 2;
  let columns = Math.floor(screenWidth / width);
  // readline leaves the last column free when the columns would fill the line exactly.
  if (columns !== 1 && columns * width === screenWidth) columns--;
  columns = Math.max(columns, 1);
  const rows = Math.ceil(choices.length / columns);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let text = '';
    for (let col = 0; col < columns; col++) {
      const choice = choices[row + col * rows];
      if (choice === undefined) break;
      text += col + 1 < columns ? choice.padEnd(width) : choice;
    }
    lines.push(text);
  }
  return lines.map((l) => `${l}\n`).join('');
}
