import { expect, test } from './fixtures';
import { TerminalPanel } from './pages/TerminalPanel';

const LINES = [
  'docker network create app',
  'docker run -d --name web --network app nginx',
  "docker run -d --name '<b>x</b>' busybox",
];

test('a share link reopens the same lab in a fresh browser profile', async ({
  terminal,
  page,
  browser,
  labState,
}) => {
  for (const line of LINES) await terminal.run(line);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = page.getByRole('textbox', { name: 'Share link' });
  await expect(link).toBeVisible();
  const url = await link.inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=v1\./);
  const original = { text: await terminal.text(), log: (await labState()).log };

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(url);
    const otherTerminal = new TerminalPanel(other);
    await expect(otherTerminal.output).toContainText(LINES[2] ?? '');
    expect(await otherTerminal.text()).toBe(original.text);
    expect(await other.evaluate(() => window.__lab?.getState().log)).toEqual(original.log);
    await expect(other.getByRole('alert')).toHaveCount(0);
    await expect(other.locator('b')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('a broken share link shows why, in an empty lab that still works', async ({
  page,
  labState,
}) => {
  await page.goto('/#s=v1.garbage');
  await expect(page.getByRole('alert')).toContainText('The share link could not be opened');
  const terminal = new TerminalPanel(page);
  expect(await terminal.entryCount()).toBe(0);
  expect((await labState()).log).toEqual([]);
  await terminal.run('docker network create app');
  await expect(terminal.output).toContainText('docker network create app');
  expect((await labState()).log).toEqual(['docker network create app']);
});
