import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from './fixtures';
import { Actions } from './pages/Actions';
import type { TerminalPanel } from './pages/TerminalPanel';

const test = base.extend<{ actions: Actions }>({
  actions: async ({ page }, use) => use(new Actions(page)),
});

/** The line ran: echoed in the terminal and appended to the lab's log. */
async function ran(
  terminal: TerminalPanel,
  labState: () => Promise<{ log: readonly string[] }>,
  line: string,
) {
  await expect(terminal.output).toContainText(`# ${line}`);
  expect((await labState()).log.at(-1)).toBe(line);
}

test.describe('click to act (design.md rule 1)', () => {
  test('toolbar: create network, run container, ping, each typed as its real CLI line', async ({
    terminal,
    page,
    labState,
    actions,
  }) => {
    let dialog = await actions.open('Create network');
    await dialog.getByLabel('Name').fill('backend');
    await dialog.getByLabel('Subnet').fill('172.30.0.0/16');
    await dialog.getByLabel('Gateway').fill('172.30.0.1');
    await dialog.getByLabel('Internal').check();
    await expect(actions.commandLine(dialog)).toHaveText(
      '$ docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.1 --internal backend',
    );
    await page.screenshot({ path: '/tmp/actions/create-network.png' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await ran(
      terminal,
      labState,
      'docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.1 --internal backend',
    );
    await expect(actions.outlineItem(/^backend bridge 172\.30\.0\.0\/16/)).toBeVisible();

    dialog = await actions.open('Run container');
    await dialog.getByLabel('Name').fill('db');
    await dialog.getByLabel('Image').selectOption('busybox');
    await expect(actions.commandLine(dialog)).toHaveText('$ docker run -dit --name db busybox');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await ran(terminal, labState, 'docker run -dit --name db busybox');

    dialog = await actions.open('Run container');
    await dialog.getByLabel('Name').fill('web');
    await dialog.getByLabel('Image').selectOption('nginx');
    await dialog.getByLabel('Published ports').fill('8080:80');
    await dialog.getByRole('checkbox', { name: 'db' }).check();
    await dialog.getByLabel('Alias for db').fill('database');
    await expect(actions.commandLine(dialog)).toHaveText(
      '$ docker run -d --name web -p 8080:80 --link db:database nginx',
    );
    await page.screenshot({ path: '/tmp/actions/run-container.png' });
    await dialog.getByRole('button', { name: 'Run' }).click();
    await ran(terminal, labState, 'docker run -d --name web -p 8080:80 --link db:database nginx');
    await expect(actions.outlineItem(/^web running/)).toBeVisible();
    await expect(actions.outlineItem('0.0.0.0:8080 → web:80/tcp')).toBeVisible();

    dialog = await actions.open('Ping');
    await dialog.getByLabel('From').selectOption('db');
    await dialog.getByLabel('To').fill('database');
    await dialog.getByRole('button', { name: 'Ping' }).click();
    // busybox on the default bridge has no DNS and no link: the failed ping is the lesson, and runs.
    await ran(terminal, labState, 'docker exec db ping -c 4 database');
    await expect(terminal.output).toContainText("ping: bad address 'database'");
  });

  test("invalid input shows the engine's error in the dialog and runs nothing", async ({
    terminal,
    page,
    labState,
    actions,
  }) => {
    await terminal.run('docker run -d --name web nginx');
    const dialog = await actions.open('Run container');
    await dialog.getByLabel('Name').fill('web');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'Conflict. The container name "/web" is already in use',
    );
    await page.screenshot({ path: '/tmp/actions/run-error.png' });
    expect((await labState()).log).toEqual(['docker run -d --name web nginx']);

    await dialog.press('Escape');
    await expect(dialog).toBeHidden();
    const ping = await actions.open('Ping');
    await ping.getByLabel('From').selectOption('web');
    await ping.getByLabel('To').fill('172.17.0.1');
    await ping.getByRole('button', { name: 'Ping' }).click();
    await expect(ping.getByRole('alert')).toContainText('executable file not found');
    expect((await labState()).log).toHaveLength(1);
  });

  test('dialogs are modal: focus starts inside, Tab stays inside, Esc returns focus', async ({
    terminal,
    page,
    actions,
  }) => {
    await expect(terminal.input).toBeFocused();
    const button = actions.toolbar.getByRole('button', { name: 'Create network' });
    const dialog = await actions.open('Create network');
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog.getByLabel('Name')).toBeFocused();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('container menu by keyboard: every item runs its line', async ({
    terminal,
    page,
    labState,
    actions,
  }) => {
    await terminal.run('docker network create mynet');
    await terminal.run('docker run -d --name web nginx');
    const row = /^web running/;

    const menu = await actions.menuByKeyboard(row, 'web');
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Ping…',
      'Curl…',
      'Open shell',
      'Connect to network…',
      'Disconnect from…',
      'Run a container linked to this one…',
      'Stop',
      'Pause',
      'Kill',
      'Rename…',
      'Remove',
    ]);
    await expect(menu.getByRole('menuitem', { name: 'Ping…' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Curl…' })).toBeFocused();
    await page.screenshot({ path: '/tmp/actions/context-menu.png' });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(actions.outlineItem(row)).toBeFocused();

    await actions.choose(row, 'web', 'Connect to network…');
    let dialog = actions.dialog('Connect to network');
    await expect(dialog.getByLabel('Network', { exact: true })).toHaveValue('mynet');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await ran(terminal, labState, 'docker network connect mynet web');
    await expect(actions.outlineItem(/^web running .*\(mynet\)/)).toBeVisible();

    await actions.choose(/^web running/, 'web', 'Disconnect from…');
    dialog = actions.dialog('Disconnect from network');
    await dialog.getByLabel('Network', { exact: true }).selectOption('mynet');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await ran(terminal, labState, 'docker network disconnect mynet web');

    await actions.choose(/^web running/, 'web', 'Curl…');
    dialog = actions.dialog('Curl');
    await dialog.getByLabel('To').fill('127.0.0.1');
    await dialog.getByRole('button', { name: 'Fetch' }).click();
    await ran(terminal, labState, 'docker exec web curl -s http://127.0.0.1');
    await expect(terminal.output).toContainText('Welcome to nginx!');

    await actions.choose(/^web running/, 'web', 'Run a container linked to this one…');
    dialog = actions.dialog('Run a linked container');
    await expect(dialog.getByRole('checkbox', { name: 'web' })).toBeChecked();
    await dialog.getByLabel('Name').fill('client');
    await dialog.getByLabel('Image').selectOption('busybox');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await ran(terminal, labState, 'docker run -dit --name client --link web busybox');

    await actions.choose(/^client running/, 'client', 'Ping…');
    dialog = actions.dialog('Ping');
    await expect(dialog.getByLabel('From')).toHaveValue('client');
    await dialog.getByLabel('To').fill('web');
    await dialog.getByRole('button', { name: 'Ping' }).click();
    await ran(terminal, labState, 'docker exec client ping -c 4 web');
    await expect(terminal.output).toContainText('4 packets transmitted, 4 packets received');

    await actions.choose(/^web running/, 'web', 'Stop');
    await ran(terminal, labState, 'docker stop web');
    await expect(actions.outlineItem(/^web exited/)).toBeVisible();
    await actions.choose(/^web exited/, 'web', 'Start');
    await ran(terminal, labState, 'docker start web');

    await actions.choose(/^client running/, 'client', 'Open shell');
    await ran(terminal, labState, 'docker exec -it client sh');
    await expect(terminal.input).toBeFocused();
    await terminal.run('exit');

    await actions.choose(/^client running/, 'client', 'Remove');
    await ran(terminal, labState, 'docker rm -f client');
    await expect(actions.outlineItem(/^client /)).toHaveCount(0);
  });

  test('network menu: inspect, run a container here, remove; predefined networks cannot be removed', async ({
    terminal,
    page,
    labState,
    actions,
  }) => {
    await terminal.run('docker network create mynet');
    const row = /^mynet bridge/;
    await actions.choose(row, 'mynet', 'Inspect');
    await ran(terminal, labState, 'docker network inspect mynet');
    await expect(terminal.output).toContainText('"Name": "mynet"');

    await actions.choose(row, 'mynet', 'Run a container here…');
    const dialog = actions.dialog('Run container');
    await expect(dialog.getByLabel('Network', { exact: true })).toHaveValue('mynet');
    await dialog.getByLabel('Name').fill('api');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await ran(terminal, labState, 'docker run -d --name api --network mynet nginx');
    await terminal.run('docker rm -f api');

    const bridge = await actions.menuByKeyboard(/^bridge bridge/, 'bridge');
    await expect(bridge.getByRole('menuitem', { name: 'Remove' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await page.keyboard.press('Escape');

    await actions.choose(row, 'mynet', 'Remove');
    await ran(terminal, labState, 'docker network rm mynet');
    await expect(actions.outlineItem(row)).toHaveCount(0);
  });

  test('Reset empties the lab', async ({ terminal, labState, actions }) => {
    await terminal.run('docker run -d --name web nginx');
    await actions.toolbar.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => (await labState()).log).toEqual([]);
    await expect(actions.outlineItem(/^web /)).toHaveCount(0);
  });
});

test('dragging one container box onto another opens Ping prefilled, and the box goes back', async ({
  terminal,
  page,
  labState,
  actions,
}) => {
  await terminal.run('docker run -dit --name db busybox');
  await terminal.run('docker run -dit --name app busybox');
  const to = await actions.graphBox('db');
  const from = await actions.graphBox('app');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();

  const dialog = actions.dialog('Ping');
  await expect(dialog.getByLabel('From')).toHaveValue('app');
  await expect(dialog.getByLabel('To')).toHaveValue('db');
  expect(await actions.graphBox('app')).toEqual(from);
  await page.screenshot({ path: '/tmp/actions/drag-to-ping.png' });
  await dialog.getByRole('button', { name: 'Ping' }).click();
  await ran(terminal, labState, 'docker exec app ping -c 4 db');
});

test('right-clicking a container box on the graph opens its menu', async ({
  terminal,
  page,
  actions,
}) => {
  await terminal.run('docker run -dit --name db busybox');
  const box = await actions.graphBox('db');
  await page.mouse.click(box.x, box.y, { button: 'right' });
  await expect(actions.menu('db').getByRole('menuitem', { name: 'Open shell' })).toBeVisible();
});

test('an open dialog and an open menu pass axe (serious and critical)', async ({
  terminal,
  page,
  actions,
}) => {
  const serious = async () =>
    // Legacy mode: axe in the page itself, which has no frames (see a11y.spec.ts).
    (
      await new AxeBuilder({ page })
        .setLegacyMode()
        .include('[role="dialog"], [role="menu"]')
        .analyze()
    ).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  await terminal.run('docker run -d --name web nginx');
  const dialog = await actions.open('Run container');
  await dialog.getByLabel('Name').fill('web');
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await actions.menuByKeyboard(/^web running/, 'web');
  expect(await serious()).toEqual([]);
});
