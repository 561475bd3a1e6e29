import type { Page } from '@playwright/test';
import lz from 'lz-string';
import { encodeScenario } from '../src/share/codec';
import { expect, test } from './fixtures';
import { ScenarioPanel } from './pages/Scenario';
import { TerminalPanel } from './pages/TerminalPanel';
import { Workspace } from './pages/Workspace';

const LINES = [
  'docker network create app',
  'docker run -d --name web --network app nginx',
  "docker run -d --name '<b>x</b>' busybox",
  'docker run -d --name db --network app -p 8080:80 nginx',
];

/** Opens `url` in a brand-new browser profile and hands its page to `check`. */
async function inFreshProfile(page: Page, url: string, check: (other: Page) => Promise<void>) {
  const fresh = await page.context().browser()!.newContext();
  try {
    const other = await fresh.newPage();
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(url);
    await check(other);
    expect(errors).toEqual([]);
  } finally {
    await fresh.close();
  }
}

test('a share link reopens the same lab, outline and transcript, in a fresh browser profile', async ({
  terminal,
  page,
}) => {
  const lab = new ScenarioPanel(page);
  for (const line of LINES) await terminal.run(line);
  const url = await lab.shareUrl();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=v1\./);
  const original = {
    text: await terminal.text(),
    outline: await lab.outline.innerText(),
    log: (await lab.history()).log,
  };

  await inFreshProfile(page, url, async (other) => {
    const otherTerminal = new TerminalPanel(other);
    const otherLab = new ScenarioPanel(other);
    await expect(otherTerminal.output).toContainText(LINES[3] ?? '');
    expect(await otherTerminal.text()).toBe(original.text);
    expect(await otherLab.outline.innerText()).toBe(original.outline);
    expect((await otherLab.history()).log).toEqual(original.log);
    await expect(other.getByRole('alert')).toHaveCount(0);
    await expect(other.locator('b')).toHaveCount(0);
    // The link leaves the address bar: a reload brings back the autosaved lab, not the link.
    expect(new URL(other.url()).hash).toBe('');
  });
});

test('a step link opens at that step and the timeline scrubs on to the end', async ({
  terminal,
  page,
}) => {
  const lab = new ScenarioPanel(page);
  for (const line of LINES) await terminal.run(line);
  await lab.scrubTo(2);
  const url = await lab.shareUrl({ atStep: true });

  await inFreshProfile(page, url, async (other) => {
    const otherLab = new ScenarioPanel(other);
    const otherTerminal = new TerminalPanel(other);
    await expect(otherLab.timeline).toHaveValue('2');
    expect(await otherLab.history()).toEqual({ log: LINES.slice(0, 2), history: LINES, cursor: 2 });
    expect(await otherTerminal.entryCount()).toBe(2);
    await expect(otherLab.outline).not.toContainText('db');
    await otherLab.scrubTo(4);
    await expect(otherLab.outline).toContainText('db');
    expect(await otherTerminal.entryCount()).toBe(4);
    await otherLab.scrubTo(0);
    expect(await otherTerminal.entryCount()).toBe(0);
  });
});

test('a link whose commands fail replays them as failures', async ({ page }) => {
  const failing = ['docker network create app', 'docker network create app', 'docker run --name'];
  await page.goto(`/#s=${encodeScenario({ log: failing })}`);
  const terminal = new TerminalPanel(page);
  await expect.poll(() => terminal.entryCount()).toBe(3);
  await expect(terminal.output).toContainText('network with name app already exists');
  expect((await new ScenarioPanel(page).history()).log).toEqual(failing);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

const good = encodeScenario({ log: ['docker network create app', 'docker ps'] });
const payload = good.slice('v1.'.length);
const raw = (json: string) => `v1.${lz.compressToEncodedURIComponent(json)}`;
const at = (i: number) => payload.slice(0, i);
const flip = (i: number) => at(i) + (payload[i] === 'A' ? 'B' : 'A') + payload.slice(i + 1);

/** 20 kinds of broken link, each the part after `#s=`. */
const BROKEN: [kind: string, fragment: string][] = [
  ['empty payload', ''],
  ['no format version', 'hello'],
  ['foreign version', `v9.${payload}`],
  ['version without data', 'v1.'],
  ['truncated to a quarter', `v1.${at(payload.length >> 2)}`],
  ['truncated in the middle', `v1.${at(payload.length >> 1)}`],
  ['truncated near the end', `v1.${at(payload.length - 6)}`],
  ['one character flipped', `v1.${flip(payload.length >> 1)}`],
  ['bad base64 alphabet', `v1.${payload.slice(0, 8)}!*()${payload.slice(8)}`],
  ['oversized', `v1.${'A'.repeat(400_001)}`],
  ['checksum mismatch', raw('{"l":["docker ps"],"h":"00000000"}')],
  ['step out of range', raw('{"l":["docker ps"],"s":5,"h":"0"}')],
  ['negative step', raw('{"l":["docker ps"],"s":-1,"h":"0"}')],
  ['non-numeric step', raw('{"l":["docker ps"],"s":"two","h":"0"}')],
  ['HTML in the payload', 'v1.<img src=x onerror=window.__pwned=1>'],
  ['double #', `${good}#s=${good}`],
  ['percent-encoded junk', 'v1.%E2%9C%93%00%3Cscript%3E'],
  ['unicode', 'v1.✓ドッカー网络'],
  ['valid compression of non-JSON', raw('docker ps')],
  ['decompression bomb', raw('a'.repeat(2_000_000))],
];

// One page walks every kind (a fresh context per kind cost a second each); the lab is emptied
// and the page reloaded from scratch between kinds.
test('each broken link: a clear message and a working empty lab', async ({ page, errors }) => {
  test.slow();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Each load starts from no autosave, as a fresh profile would.
  await page.addInitScript(() => {
    try {
      localStorage.clear();
    } catch {
      // about:blank has no storage of its own.
    }
  });
  for (const [kind, fragment] of BROKEN) {
    await page.goto('about:blank');
    await page.goto(`/#s=${fragment}`);
    const alert = page.getByRole('alert');
    await expect(alert, kind).toContainText(/The share link could not be opened: \S+/);
    await expect(alert, kind).toContainText('You are in an empty lab.');
    const terminal = new TerminalPanel(page);
    expect(await terminal.entryCount(), kind).toBe(0);
    expect((await new ScenarioPanel(page).history()).log, kind).toEqual([]);
    await terminal.run('docker network create app');
    await expect(terminal.output, kind).toContainText('docker network create app');
    expect((await new ScenarioPanel(page).history()).log, kind).toEqual([
      'docker network create app',
    ]);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert, kind).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
      kind,
    ).toBeUndefined();
  }
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '"><script>window.__pwned=2</script>';
const XSS_LINES = [
  `docker network create '${IMG}'`,
  `docker run -d --name '${SCRIPT}' nginx`,
  `docker network create --label 'note=${IMG}' '--subnet=10.9.0.0/24' lab`,
  `docker run -d --name web --network lab --network-alias '${SCRIPT}' --label 'x=${IMG}' nginx`,
  `echo '${IMG}' '${SCRIPT}'`,
  `${IMG}`,
];

test('HTML and script in names, labels, aliases and commands stay text, here and in a shared copy', async ({
  terminal,
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const lab = new ScenarioPanel(page);
  for (const line of XSS_LINES) await terminal.run(line);
  await expect(lab.outline).toContainText('web');
  // web selected, with its aliases and labels in the Inspector.
  const ws = new Workspace(page);
  await ws.show('Outline');
  await page.getByRole('treeitem').filter({ hasText: 'web' }).first().click();
  await ws.show('Inspector');
  await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('heading')).toHaveText(
    'Container web',
  );

  const expectInert = async (p: Page) => {
    const t = new TerminalPanel(p);
    await expect(t.output).toContainText(`echo '${IMG}' '${SCRIPT}'`);
    await expect(t.output).toContainText(`${IMG} ${SCRIPT}`);
    expect(await p.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await expect(p.locator('img[src="x"]')).toHaveCount(0);
    await expect(p.locator('script', { hasText: '__pwned' })).toHaveCount(0);
    expect(await p.title()).not.toContain('<');
  };
  await expectInert(page);
  const url = await lab.shareUrl();
  await inFreshProfile(page, url, async (other) => {
    other.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await expectInert(other);
    expect((await new ScenarioPanel(other).history()).log).toEqual(XSS_LINES);
  });
  expect(dialogs).toEqual([]);
});
