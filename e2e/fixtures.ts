import { test as base, expect } from '@playwright/test';
import { TerminalPanel } from './pages/TerminalPanel';

interface LabFixtures {
  /** Page errors and console errors seen during the test; checked after it. */
  errors: string[];
  terminal: TerminalPanel;
  /** The lab's model, read through the read-only `window.__lab` hook. */
  labState: () => Promise<{ log: readonly string[]; hostCount: number }>;
}

export const test = base.extend<LabFixtures>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await use(errors);
  },
  terminal: async ({ page, errors }, use) => {
    await page.goto('/');
    const terminal = new TerminalPanel(page);
    await expect(terminal.input).toBeFocused();
    await use(terminal);
    expect(errors, 'no page or console errors').toEqual([]);
  },
  labState: async ({ page }, use) => {
    // The hook is installed once the engine is in, a moment after the first paint.
    await use(async () => {
      await page.waitForFunction(() => window.__lab !== undefined);
      return page.evaluate(() => {
        const lab = window.__lab;
        if (!lab) throw new Error('window.__lab is not installed');
        const { log, world } = lab.getState();
        return { log, hostCount: Object.keys(world.hosts).length };
      });
    });
  },
});

export { expect };
