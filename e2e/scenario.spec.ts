import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ScenarioPanel } from './pages/Scenario';
import { TerminalPanel } from './pages/TerminalPanel';

const LINES = [
  'docker network create app',
  'docker run -d --name web --network app nginx',
  'docker run -d --name db --network app redis',
];

test('undo and redo with the buttons and the keys replay the command log', async ({
  terminal,
  page,
}) => {
  const lab = new ScenarioPanel(page);
  await expect(lab.undo).toBeDisabled();
  for (const line of LINES) await terminal.run(line);
  await expect(lab.outline).toContainText('db');
  const full = await terminal.text();

  await lab.undo.click();
  expect(await lab.history()).toEqual({ log: LINES.slice(0, 2), history: LINES, cursor: 2 });
  await expect(lab.outline).not.toContainText('db');
  expect(await terminal.entryCount()).toBe(2);
  await expect(lab.timeline).toHaveValue('2');
  await expect(page.getByText('step 2 of 3', { exact: true })).toBeVisible();
  await expect(lab.timeline).toHaveAttribute('aria-valuetext', 'step 2 of 3');

  // The terminal input is empty: Ctrl+Z there undoes the lab, Ctrl+Shift+Z and Ctrl+Y redo it.
  await terminal.input.focus();
  await page.keyboard.press('Control+z');
  expect((await lab.history()).cursor).toBe(1);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  expect((await lab.history()).cursor).toBe(3);
  await expect(lab.redo).toBeDisabled();
  expect(await terminal.text()).toBe(full);

  // With text in the input, Ctrl+Z belongs to the text.
  await terminal.input.fill('docker ps');
  await terminal.input.press('Control+z');
  expect((await lab.history()).cursor).toBe(3);

  // A new command after an undo drops the redo tail.
  await lab.undo.click();
  await terminal.run('docker ps');
  expect(await lab.history()).toMatchObject({
    history: [...LINES.slice(0, 2), 'docker ps'],
    cursor: 3,
  });
  await expect(lab.redo).toBeDisabled();
});

test('the timeline scrubs the lab back to the start and forward to the end', async ({
  terminal,
  page,
}) => {
  const lab = new ScenarioPanel(page);
  for (const line of LINES) await terminal.run(line);
  await lab.scrubTo(0);
  expect(await terminal.entryCount()).toBe(0);
  await expect(lab.outline).not.toContainText('web');
  await lab.scrubTo(2);
  await expect(lab.outline).toContainText('web');
  await expect(lab.outline).not.toContainText('db');
  await lab.scrubTo(3);
  await expect(lab.outline).toContainText('db');
  expect(await terminal.entryCount()).toBe(3);
});

test('New lab starts empty and Undo brings the old lab back', async ({ terminal, page }) => {
  const lab = new ScenarioPanel(page);
  for (const line of LINES) await terminal.run(line);
  const before = await terminal.text();
  await lab.newLab.click();
  expect(await lab.history()).toEqual({ log: [], history: [], cursor: 0 });
  expect(await terminal.entryCount()).toBe(0);
  await expect(lab.undo).toBeEnabled();
  await lab.undo.click();
  expect((await lab.history()).log).toEqual(LINES);
  expect(await terminal.text()).toBe(before);
});

test('a reload restores the lab, at its step', async ({ terminal, page }) => {
  const lab = new ScenarioPanel(page);
  for (const line of LINES) await terminal.run(line);
  await lab.undo.click();
  const text = await terminal.text();
  await page.reload();
  await expect(terminal.input).toBeFocused();
  expect(await lab.history()).toEqual({ log: LINES.slice(0, 2), history: LINES, cursor: 2 });
  expect(await terminal.text()).toBe(text);
  await lab.redo.click();
  await expect(lab.outline).toContainText('db');
});

test('an unreadable autosave is ignored with a notice', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dnl.lab.v1', '{"version":1,"log":'));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('The saved lab could not be restored');
  const terminal = new TerminalPanel(page);
  await terminal.run('docker network create app');
  await expect(new ScenarioPanel(page).outline).toContainText('app');
});

for (const [kind, item, ext] of [
  ['JSON', 'Export JSON', 'json'],
  ['a shell script', 'Export shell script', 'sh'],
] as const) {
  test(`export as ${kind}, then import it into a new lab`, async ({ terminal, page }) => {
    const lab = new ScenarioPanel(page);
    for (const line of [...LINES, 'docker nope']) await terminal.run(line);
    const text = await terminal.text();
    await lab.exportButton.click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: item }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`docker-network-lab.${ext}`);
    const file = await download.path();
    const content = await readFile(file, 'utf8');
    if (ext === 'sh') {
      expect(content.startsWith('#!/bin/sh\n')).toBe(true);
      expect(content).toContain('\ndocker nope\n');
    }

    await lab.newLab.click();
    expect(await terminal.entryCount()).toBe(0);
    await lab.importFile.setInputFiles(file);
    await expect.poll(async () => (await lab.history()).log).toEqual([...LINES, 'docker nope']);
    expect(await terminal.text()).toBe(text);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

test('a bad file is refused with a clear message and the lab stays', async ({ terminal, page }) => {
  const lab = new ScenarioPanel(page);
  await terminal.run('docker network create app');
  await lab.importFile.setInputFiles({
    name: 'lab.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"docker-network-lab","version":7,"commands":[]}'),
  });
  await expect(page.getByRole('alert')).toContainText(
    'The file could not be imported: it is format version 7',
  );
  expect((await lab.history()).log).toEqual(['docker network create app']);
});
