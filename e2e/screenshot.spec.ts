import { expect, test } from './fixtures';
import { TerminalPanel } from './pages/TerminalPanel';
import { Workspace } from './pages/Workspace';

const SESSION = [
  'docker run -d --name web nginx',
  'docker run -d --name db busybox',
  'docker run -it busybox sh',
  'exit',
  "docker run -d --name '<b>x</b>' busybox",
];

async function playSession(terminal: TerminalPanel, lines: readonly string[]) {
  for (const line of lines) await terminal.run(line);
  await terminal.input.fill('docker ps');
}

// Screenshots a person looks at (style.md §3.12): light and wide, dark and narrow.
test('session screenshot, light, wide', async ({ terminal, page }, testInfo) => {
  await playSession(terminal, SESSION);
  await expect(terminal.output).toContainText('Invalid container name');
  await page.screenshot({ path: testInfo.outputPath('lab-light.png') });
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 760, height: 900 } });

  // Below 768 px the page shows one region at a time, the graph first: the learner picks the
  // Terminal in the tab bar (the `terminal` fixture expects the input focused on load).
  test('session screenshot, dark, narrow', async ({ page, errors }, testInfo) => {
    await page.goto('/');
    const tabs = new Workspace(page).phoneTabs;
    await tabs.getByRole('button', { name: 'Terminal', exact: true }).click();
    const terminal = new TerminalPanel(page);
    await playSession(terminal, SESSION);
    await expect(terminal.input).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('lab-dark.png') });
    expect(errors, 'no page or console errors').toEqual([]);
  });
});

test.describe('README screenshot', () => {
  test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to regenerate e2e/screenshots/lab.png');

  test.use({ viewport: { width: 1600, height: 1000 } });

  test('e2e/screenshots/lab.png', async ({ terminal, page }) => {
    for (const line of [
      'docker run -dit --name tomcat01 busybox',
      'docker run -dit --name tomcat02 --link tomcat01 busybox',
      'docker network create mynet',
      'docker run -dit --name web --network mynet -p 8080:80 nginx',
      'docker run -dit --name api --network mynet busybox',
      'docker exec tomcat02 ping -c 1 -W 1 172.18.0.3',
    ])
      await terminal.run(line);
    await expect(page.getByTestId('trace-verdict')).toHaveText('✗ Dropped', { timeout: 20_000 });
    await page.screenshot({ path: 'e2e/screenshots/lab.png' });
  });
});
