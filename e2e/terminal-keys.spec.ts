import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { ScenarioPanel } from './pages/Scenario';
import { HOST_PROMPT } from './pages/TerminalPanel';

/** Where the caret is in the terminal input. */
const caretOf = (input: Locator) => input.evaluate((el) => (el as HTMLInputElement).selectionStart);

test('Tab completes a docker subcommand and a container name, and keeps the focus', async ({
  terminal,
}) => {
  await terminal.run('docker run -d --name web nginx');
  await terminal.input.fill('docker net');
  await terminal.input.press('Tab');
  await expect(terminal.input).toHaveValue('docker network ');
  await expect(terminal.input).toBeFocused();

  await terminal.input.fill('docker sto');
  await terminal.input.press('Tab');
  await expect(terminal.input).toHaveValue('docker stop ');
  await terminal.input.press('Tab');
  await expect(terminal.input).toHaveValue('docker stop web ');
  await expect(terminal.input).toBeFocused();
  expect(await caretOf(terminal.input)).toBe('docker stop web '.length);
});

test('a second Tab lists the choices under the typed line and keeps the text', async ({
  terminal,
  labState,
}) => {
  await terminal.run('docker network create mynet');
  const before = await terminal.entryCount();
  await terminal.input.fill('docker network c');
  await terminal.input.press('Tab');
  await expect(terminal.input).toHaveValue('docker network c');
  expect(await terminal.entryCount()).toBe(before);
  await terminal.input.press('Tab');
  await expect.poll(() => terminal.entryCount()).toBe(before + 1);
  const listing = await terminal.output.locator(':scope > div').last().innerText();
  expect(listing).toMatch(/^\[root@docker-host ~\]# docker network c\nconnect {2}create\s*$/);
  await expect(terminal.input).toHaveValue('docker network c');
  expect((await labState()).log).toEqual(['docker network create mynet']);

  // A Tab that completed part of the word is not the first of a pair: the list waits a Tab more.
  const listed = await terminal.entryCount();
  await terminal.input.fill('cat /etc/h');
  await terminal.input.press('Tab');
  await expect(terminal.input).toHaveValue('cat /etc/host');
  await terminal.input.press('Tab');
  expect(await terminal.entryCount()).toBe(listed);
  await terminal.input.press('Tab');
  await expect(terminal.output).toContainText(/cat \/etc\/host\s*hostname {2}hosts/);
});

test('Ctrl+A, Ctrl+E, Ctrl+U, Ctrl+K and Ctrl+W edit the line as readline does', async ({
  terminal,
}) => {
  const input = terminal.input;
  await input.fill('docker network inspect bridge');
  await input.press('Control+w');
  await expect(input).toHaveValue('docker network inspect ');
  await input.press('Control+a');
  expect(await caretOf(input)).toBe(0);
  for (let i = 0; i < 'docker '.length; i++) await input.press('ArrowRight');
  await input.press('Control+k');
  await expect(input).toHaveValue('docker ');
  await input.press('Control+a');
  await input.press('Control+e');
  expect(await caretOf(input)).toBe('docker '.length);
  await input.pressSequentially('ps -a');
  await expect(input).toHaveValue('docker ps -a');
  for (let i = 0; i < ' -a'.length; i++) await input.press('ArrowLeft');
  await input.press('Control+u');
  await expect(input).toHaveValue(' -a');
  expect(await caretOf(input)).toBe(0);
});

test('Ctrl+C cancels the line: ^C is shown, nothing runs, the log and the share link stay', async ({
  terminal,
  page,
  labState,
}) => {
  const lab = new ScenarioPanel(page);
  await terminal.run('docker run -d --name web nginx');
  const url = await lab.shareUrl();
  await terminal.input.focus();
  await terminal.input.fill('docker rm -f web');
  await terminal.input.press('Control+c');
  await expect(terminal.input).toHaveValue('');
  await expect(terminal.output).toContainText(`${HOST_PROMPT}docker rm -f web^C`);
  expect((await labState()).log).toEqual(['docker run -d --name web nginx']);
  expect(await lab.shareUrl()).toBe(url);
  await terminal.input.focus();
  await terminal.run('docker ps --format {{.Names}}');
  await expect(terminal.output.locator(':scope > div').last()).toContainText('web');

  // With text selected, Ctrl+C is the copy key and leaves the line alone.
  const entries = await terminal.entryCount();
  await terminal.input.fill('docker ps');
  await terminal.input.press('Shift+Home');
  await terminal.input.press('Control+c');
  await expect(terminal.input).toHaveValue('docker ps');
  expect(await terminal.entryCount()).toBe(entries);
});

test('clear empties the screen and stays in the log', async ({ terminal, page, labState }) => {
  await terminal.run('docker run -d --name web nginx');
  await terminal.input.fill('clear');
  await terminal.input.press('Enter');
  await expect.poll(() => terminal.entryCount()).toBe(0);
  await expect(terminal.output).toHaveText('');
  // An emptied screen is not an empty lab: no first-command buttons come back.
  await expect(page.getByRole('button', { name: 'docker run -it busybox sh' })).toHaveCount(0);
  expect((await labState()).log).toEqual(['docker run -d --name web nginx', 'clear']);
  await terminal.run('hostname');
  expect(await terminal.text()).toBe(`${HOST_PROMPT}hostname\ndocker-host`);
});

test('Ctrl+R searches the history: Enter runs the match, Esc gives the line back', async ({
  terminal,
  labState,
}) => {
  await terminal.runAll(['docker network create mynet', 'docker ps']);
  await terminal.input.fill('draft');
  await terminal.input.press('Control+r');
  await terminal.input.pressSequentially('net');
  expect(await terminal.prompt()).toBe("(reverse-i-search)`net': ");
  await expect(terminal.input).toHaveValue('docker network create mynet');
  await terminal.input.press('Escape');
  await expect(terminal.input).toHaveValue('draft');
  expect(await terminal.prompt()).toBe(HOST_PROMPT);

  await terminal.input.fill('');
  await terminal.input.press('Control+r');
  await terminal.input.pressSequentially('ps');
  await terminal.input.press('Enter');
  await expect(terminal.input).toHaveValue('');
  expect((await labState()).log).toEqual(['docker network create mynet', 'docker ps', 'docker ps']);
});

test('Esc then Tab, or Shift+Tab, leaves the terminal input', async ({ terminal, page }) => {
  await terminal.input.fill('docker');
  await terminal.input.press('Tab');
  await expect(terminal.input).toBeFocused();
  await terminal.input.press('Escape');
  await page.keyboard.press('Tab');
  await expect(terminal.input).not.toBeFocused();
  await terminal.input.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(terminal.input).not.toBeFocused();
  await expect(terminal.input).toHaveAccessibleDescription(/Esc then Tab/);
});
