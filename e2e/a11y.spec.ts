import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A lab with something in every panel: two networks, a --link pair, a published port, a ping. */
const SCENARIO = [
  'docker network create mynet',
  'docker run -dit --name web --network mynet -p 8080:80 nginx',
  'docker run -dit --name db busybox',
  'docker run -dit --name app --link db busybox',
  'docker exec app ping -c 1 db',
];

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`no serious or critical violation in the ${theme} theme`, async ({ terminal, page }) => {
      for (const line of SCENARIO) await terminal.run(line);
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
