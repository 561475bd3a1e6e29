import { expect, type Locator, type Page } from '@playwright/test';

export const HOST_PROMPT = '[root@docker-host ~]# ';

/** The terminal, found by its accessible names (design.md contract 3). */
export class TerminalPanel {
  readonly input: Locator;
  readonly output: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByRole('textbox', { name: 'Terminal input' });
    this.output = page.getByRole('log', { name: 'Terminal output' });
  }

  /** Types a line and presses Enter, then waits until the line is in the output. */
  async run(line: string): Promise<void> {
    const before = await this.entryCount();
    await this.input.fill(line);
    await this.input.press('Enter');
    await expect(this.input).toHaveValue('');
    await expect.poll(() => this.entryCount()).toBe(before + 1);
  }

  /** Runs each line in turn, as a learner types a script. */
  async runAll(lines: readonly string[]): Promise<void> {
    for (const line of lines) await this.run(line);
  }

  /** The prompt shown in front of the input line. */
  prompt(): Promise<string> {
    return this.input.evaluate((el) => el.previousElementSibling?.textContent ?? '');
  }

  /** One child of the output per line typed. */
  entryCount(): Promise<number> {
    return this.output.evaluate((el) => el.childElementCount);
  }

  /** The output as the learner reads it. */
  text(): Promise<string> {
    return this.output.innerText();
  }
}
