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

  test('e2e/screenshots/lab.png', async ({ terminal, page }) => {
    for (const line of [
      'docker run -dit --name web busybox',
      'docker run -dit --name db --link web busybox',
      'docker exec db cat /etc/hosts',
      'docker network create mynet',
      'docker network connect mynet web',
      'docker exec web ip addr',
    ])
      await terminal.run(line);
    await terminal.input.fill('docker ps');
    await page.screenshot({ path: 'e2e/screenshots/lab.png' });
  });
});
