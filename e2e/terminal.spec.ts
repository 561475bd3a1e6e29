import { expect, test } from './fixtures';
import { HOST_PROMPT } from './pages/TerminalPanel';
import { Workspace } from './pages/Workspace';

test('runs docker commands and shows their output', async ({ terminal, labState }) => {
  await terminal.run('docker run -d --name web nginx');
  await expect(terminal.output).toContainText(`${HOST_PROMPT}docker run -d --name web nginx`);
  await expect(terminal.output).toContainText(/[0-9a-f]{64}/);
  await expect(terminal.output).toContainText('Status: Downloaded newer image for nginx:latest');

  await terminal.run('docker ps');
  await terminal.run('docker --version');
  await expect(terminal.output).toContainText(`${HOST_PROMPT}docker ps`);
  await expect(terminal.output).toContainText('Docker version 27.5.1');

  expect((await labState()).log).toEqual([
    'docker run -d --name web nginx',
    'docker ps',
    'docker --version',
  ]);
});

test('a blank line echoes the prompt and is not logged', async ({ terminal, labState }) => {
  await terminal.run('');
  await terminal.run('   ');
  expect(await terminal.entryCount()).toBe(2);
  expect((await labState()).log).toEqual([]);
});

test('↑ and ↓ walk the history and bring back the unfinished line', async ({ terminal }) => {
  await terminal.run('docker run -d --name one busybox');
  await terminal.run('docker --version');
  await terminal.input.fill('docker ne');
  await terminal.input.press('ArrowUp');
  await expect(terminal.input).toHaveValue('docker --version');
  await terminal.input.press('ArrowUp');
  await expect(terminal.input).toHaveValue('docker run -d --name one busybox');
  await terminal.input.press('ArrowUp');
  await expect(terminal.input).toHaveValue('docker run -d --name one busybox');
  await terminal.input.press('ArrowDown');
  await expect(terminal.input).toHaveValue('docker --version');
  await terminal.input.press('ArrowDown');
  await expect(terminal.input).toHaveValue('docker ne');
});

test('Ctrl+L clears the screen but keeps the lab', async ({ terminal, labState }) => {
  await terminal.run('docker run -d --name web nginx');
  await terminal.input.press('Control+l');
  expect(await terminal.entryCount()).toBe(0);
  await expect(terminal.output).toHaveText('');
  expect((await labState()).log).toEqual(['docker run -d --name web nginx']);
  await expect(terminal.input).toBeFocused();
});

test('a name with HTML is shown literally, never as markup', async ({ terminal, page }) => {
  await terminal.run("docker run -d --name '<b>x</b>' busybox");
  await expect(terminal.output).toContainText("docker run -d --name '<b>x</b>' busybox");
  await expect(terminal.output).toContainText('(<b>x</b>)');
  await expect(page.locator('b')).toHaveCount(0);
});

test('a container shell changes the prompt, exit returns to the host', async ({ terminal }) => {
  expect(await terminal.prompt()).toBe(HOST_PROMPT);
  await terminal.run('docker run -it busybox sh');
  expect(await terminal.prompt()).toBe('/ # ');
  await terminal.run('exit');
  await expect(terminal.output).toContainText('/ # exit');
  expect(await terminal.prompt()).toBe(HOST_PROMPT);
});

test('clicking the output puts the caret back in the input', async ({ terminal, page }) => {
  await terminal.run('docker --version');
  // Clicking elsewhere (a side-panel tab) takes the focus away from the input.
  await new Workspace(page).show('Lessons');
  await expect(terminal.input).not.toBeFocused();
  await terminal.output.click();
  await expect(terminal.input).toBeFocused();
});

test('a first-command button runs its command line', async ({ terminal, page, labState }) => {
  await page.getByRole('button', { name: 'docker run -d --name web nginx' }).click();
  await expect(terminal.output).toContainText(`${HOST_PROMPT}docker run -d --name web nginx`);
  expect((await labState()).log).toEqual(['docker run -d --name web nginx']);
});

test('a longer session raises no page or console errors', async ({ terminal, errors }) => {
  // The fixture checks `errors` after every test; this one just works the terminal harder.
  for (const line of [
    'docker run -d --name web nginx',
    'docker run -d --name web nginx',
    'docker network create app',
    'docker run -it busybox sh',
    'no-such-program --flag',
    'exit',
    'exit',
    'docker',
    'echo "$(unterminated',
  ])
    await terminal.run(line);
  await terminal.input.press('ArrowUp');
  await terminal.input.press('Control+l');
  expect(errors).toEqual([]);
});
