import { expect, test } from './fixtures';
import type { TerminalPanel } from './pages/TerminalPanel';

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

  test('session screenshot, dark, narrow', async ({ terminal, page }, testInfo) => {
    await playSession(terminal, SESSION);
    await expect(terminal.input).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('lab-dark.png') });
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
