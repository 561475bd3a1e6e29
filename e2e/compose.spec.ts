import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ScenarioPanel } from './pages/Scenario';
import { TerminalPanel } from './pages/TerminalPanel';

/**
 * Issue 13: `nano FILE` opens the page's editor, whose Save types a here-document (design.md
 * rule 1), and a compose project is drawn tagged with its project and service names.
 */

const FILE = 'services:\n  web:\n    image: nginx\n';
const SAVED = ["cat > compose.yaml <<'EOF'", 'services:', '  web:', '    image: nginx', 'EOF'];

const SHOP = [
  "cat > compose.yaml <<'EOF'",
  'name: shop',
  'services:',
  '  proxy:',
  '    image: nginx',
  '    networks: [front]',
  '  app:',
  '    image: busybox',
  '    command: sleep 3600',
  '    networks: [front, back]',
  '  db:',
  '    image: redis',
  '    networks: [back]',
  'networks:',
  '  front: {}',
  '  back:',
  '    internal: true',
  'EOF',
  'docker compose up -d',
];

const editor = (page: Page, file: string) => page.getByRole('dialog', { name: `Editor: ${file}` });

const graph = (page: Page) =>
  page.evaluate(() => {
    const g = window.__lab?.getGraph?.();
    if (!g) throw new Error('window.__lab.getGraph is not installed');
    return g;
  });

test('nano opens the editor; Save types the here-document, undo takes it back, a link replays it', async ({
  terminal,
  page,
  labState,
}) => {
  // `nano` opens the editor once the engine is in; before, it waits like any line (loading.spec.ts).
  expect((await labState()).log).toEqual([]);
  await terminal.input.fill('nano compose.yaml');
  await terminal.input.press('Enter');
  const dialog = editor(page, 'compose.yaml');
  await expect(dialog).toBeVisible();
  const text = dialog.getByRole('textbox', { name: 'File content' });
  await expect(text).toBeFocused();
  await expect(text).toHaveValue('');
  await text.fill(FILE);
  await text.press('Control+s');
  await expect(dialog).toBeHidden();
  await expect(terminal.input).toBeFocused();
  await expect(terminal.output).toContainText("cat > compose.yaml <<'EOF'");
  expect((await labState()).log).toEqual(SAVED);
  await terminal.run('cat compose.yaml');
  await expect(terminal.output.locator(':scope > div').last()).toContainText('image: nginx');

  // Reopened, it holds the file; Esc closes it and types nothing.
  await terminal.input.fill('vi compose.yaml');
  await terminal.input.press('Enter');
  await expect(text).toHaveValue(FILE);
  await text.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await labState()).log).toHaveLength(SAVED.length + 1);

  const lab = new ScenarioPanel(page);
  const url = await lab.shareUrl();
  const fresh = await page.context().browser()!.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(url);
    const otherTerminal = new TerminalPanel(other);
    await expect(otherTerminal.output).toContainText('image: nginx');
    await otherTerminal.run('cat compose.yaml');
    await expect(otherTerminal.output.locator(':scope > div').last()).toContainText('web:');
  } finally {
    await fresh.close();
  }

  // Each line of the save is one step back: `cat`, then EOF, the body and the opener.
  for (let i = 0; i < SAVED.length + 1; i++) await lab.undo.click();
  await expect(lab.undo).toBeDisabled();
  await terminal.run('cat compose.yaml');
  await expect(terminal.output).toContainText('cat: compose.yaml: No such file or directory');
});

test('the Save button writes what was typed, with a delimiter the text does not contain', async ({
  terminal,
  page,
  labState,
}) => {
  // `nano` opens the editor once the engine is in (see above).
  expect((await labState()).log).toEqual([]);
  await terminal.input.fill('nano notes.txt');
  await terminal.input.press('Enter');
  const dialog = editor(page, 'notes.txt');
  await dialog.getByRole('textbox', { name: 'File content' }).fill('cat <<EOF\nEOF\n');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect((await labState()).log).toEqual(["cat > notes.txt <<'EOF1'", 'cat <<EOF', 'EOF', 'EOF1']);
});

test('a two-network compose project is drawn with its project and service names', async ({
  terminal,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await terminal.runAll(SHOP);
  await expect(terminal.output).toContainText('Container shop-proxy-1');
  await expect
    .poll(async () => (await graph(page)).nodes.filter((n) => n.classes.includes('compose')).length)
    .toBe(2);
  const g = await graph(page);
  const tags = g.nodes.filter((n) => n.classes.includes('compose'));
  expect(tags.map((n) => n.label)).toEqual(['compose: shop', 'compose: shop']);
  expect(tags.map((n) => n.ref).sort()).toEqual(['network:shop_back', 'network:shop_front']);
  const boxes = g.nodes.filter((n) => n.classes.includes('container-box')).map((n) => n.label);
  expect(boxes.sort()).toEqual([
    'shop-app-1 · service app',
    'shop-db-1 · service db',
    'shop-proxy-1 · service proxy',
  ]);
  // Drawn at a readable size, and no tag label over another label.
  for (const tag of tags) {
    expect(tag.fontPx).toBeGreaterThanOrEqual(8);
    for (const other of [...g.nodes, ...g.edges]) {
      if (other.id === tag.id || !other.labelBox || !tag.labelBox) continue;
      const a = tag.labelBox;
      const b = other.labelBox;
      const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      expect(overlap, `${tag.id} × ${other.id}`).toBe(false);
    }
  }
  const dns = g.nodes.find((n) => n.id === 'dns:shop_back')!;
  expect(dns.label).toMatch(/shop-app-1, app → 172\.\d+\.0\.\d/);
  // `internal: true` shows on the back network's bar, and only there.
  const bars = g.nodes.filter((n) => n.classes.includes('bridge'));
  const back = bars.find((n) => n.label.startsWith('network shop_back'))!;
  const front = bars.find((n) => n.label.startsWith('network shop_front'))!;
  expect(back.classes).toContain('internal');
  expect(back.label.split('\n').at(-1)).toBe('internal');
  expect(front.classes).not.toContain('internal');
  await page.screenshot({ path: testInfo.outputPath('compose-1280x720.png') });
});

test('a long project name is cut to fit its tag, and kept whole in its label', async ({
  terminal,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await terminal.runAll(
    SHOP.map((l) => (l === 'name: shop' ? 'name: inventory-service-staging' : l)),
  );
  await expect(terminal.output).toContainText('Container inventory-service-staging-proxy-1');
  await expect
    .poll(async () => (await graph(page)).nodes.filter((n) => n.classes.includes('compose')).length)
    .toBe(2);
  const g = await graph(page);
  for (const tag of g.nodes.filter((n) => n.classes.includes('compose'))) {
    expect(tag.label).toBe('compose: inventory-service-staging');
    expect(tag.fontPx).toBeGreaterThanOrEqual(8);
    // The shown lines stay inside the tag's box, clear of the DNS badge beside it.
    const { box, labelBox } = tag;
    expect(labelBox).not.toBeNull();
    expect(labelBox!.x1).toBeGreaterThanOrEqual(box.x1 - 1);
    expect(labelBox!.x2).toBeLessThanOrEqual(box.x2 + 1);
    const dns = g.nodes.find((n) => n.id === `dns:${(tag.ref ?? '').slice('network:'.length)}`)!;
    expect(box.x2).toBeLessThan(dns.box.x1);
  }
  await page.screenshot({ path: testInfo.outputPath('compose-long-name-1280x720.png') });
});
