import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Workspace, type SideTabName } from './pages/Workspace';

/** A lab with something in every panel: two networks, a --link pair, a published port, a ping. */
const SCENARIO = [
  'docker network create mynet',
  'docker run -dit --name web --network mynet -p 8080:80 nginx',
  'docker run -dit --name db busybox',
  'docker run -dit --name app --link db busybox',
  'docker exec app ping -c 1 db',
];

const SIDE_TABS: readonly SideTabName[] = [
  'Lessons',
  'Outline',
  'Inspector',
  'Matrix',
  'Packet events',
];

/** The side panel: its tab list and the panel in front. */
const SIDE_PANEL = ':has(> [role="tablist"][aria-label="Side panel"])';

async function seriousViolations(page: Page, include?: string) {
  // Legacy mode runs axe in the page itself: the lab has no frames to reach, and the default mode
  // opens a blank page per scan to merge the frames' results (a second of each scan).
  const axe = new AxeBuilder({ page }).setLegacyMode();
  const result = await (include ? axe.include(include) : axe).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('accessibility (axe-core)', () => {
  // One side-panel tab shows at a time: in each theme the whole page is checked with the first in
  // front, then the side panel again with each other tab in front (the rest of the page does not
  // change). Both themes share one lab: the toggle changes colours, not content.
  test('no serious or critical violation in the light and the dark theme, each side tab in front', async ({
    terminal,
    page,
  }) => {
    test.slow();
    for (const line of SCENARIO) await terminal.run(line);
    const workspace = new Workspace(page);
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
      for (const [i, tab] of SIDE_TABS.entries()) {
        await workspace.show(tab);
        const found = await seriousViolations(page, i === 0 ? undefined : SIDE_PANEL);
        expect(found, `${theme} theme, ${tab} in front`).toEqual([]);
      }
    }
  });
});

test('keyboard only: Tab to Run container, fill the dialog, run it, then walk the outline', async ({
  terminal,
  page,
  labState,
}) => {
  const run = page.getByRole('button', { name: 'Run container' });
  for (let i = 0; i < 40 && !(await run.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Shift+Tab');
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Run container' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('kb1');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(terminal.output).toContainText(/docker run .*--name kb1/);
  expect((await labState()).log).toHaveLength(1);

  const outline = page.getByRole('region', { name: 'Topology outline' });
  const first = outline.getByRole('treeitem').first();
  await first.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  const kb1 = outline.getByRole('treeitem', { name: /^kb1 running/ });
  for (let i = 0; i < 20 && !(await kb1.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(kb1).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(kb1).toHaveAttribute('aria-selected', 'true');
  // Focus in the outline brought its tab forward; the keyboard goes back to it and on to the
  // Inspector, which shows the selection.
  const tabs = new Workspace(page).sideTabs;
  await page.keyboard.press('Shift+Tab');
  await expect(tabs.getByRole('tab', { name: 'Outline', exact: true })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: 'Outline', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Inspector', exact: true })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('kb1');
});
