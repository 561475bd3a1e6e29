import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SEED000_STORY, Workspace } from './pages/Workspace';

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  // The graph and the side panel's tabs load a moment after the page (after the engine), and the
  // loaded region replaces its placeholder: between the two neither has a box.
  let b: Box | null = null;
  await expect
    .poll(async () => (b = await locator.boundingBox()), {
      message: `${String(locator)} is laid out`,
    })
    .not.toBeNull();
  return b!;
}

const area = (b: Box) => b.width * b.height;
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The page itself never scrolls: everything fits the window, each region scrolls inside. */
async function pageScroll(page: Page) {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
}

test.describe('the graph-first workspace', () => {
  test.setTimeout(90_000);

  test("with seed 000's story the graph is the largest region at every desktop size", async ({
    terminal,
    page,
  }) => {
    const ws = new Workspace(page);
    await terminal.runAll(SEED000_STORY);
    const minimum: Record<string, number> = {
      '1280x720': 0.5,
      '1440x900': 0.5,
      '1920x1080': 0.5,
      '1024x768': 0.45,
    };
    for (const [size, least] of Object.entries(minimum)) {
      const [width, height] = size.split('x').map(Number);
      await page.setViewportSize({ width, height });
      await expect.poll(() => ws.graphShare(), { message: size }).toBeGreaterThanOrEqual(least);
      expect(await pageScroll(page), size).toEqual({ x: 0, y: 0 });
      const graph = area(await box(ws.canvas));
      expect(graph, size).toBeGreaterThan(
        area(await box(terminal.output.locator('..').locator('..'))),
      );
      // The tab in front (the Outline behind it is only in the accessibility tree).
      expect(graph, size).toBeGreaterThan(
        area(await box(page.getByRole('tabpanel', { name: 'Lessons' }))),
      );
    }
  });

  test('a playing ping keeps the graph at 40% or more and opens Packet events', async ({
    terminal,
    page,
  }) => {
    const ws = new Workspace(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await terminal.runAll(SEED000_STORY);
    await terminal.run('docker exec -it tomcat01 ping -c 1 192.168.0.3');
    const player = page.getByRole('region', { name: 'Packet trace' });
    await expect(player.getByTestId('trace-verdict')).toHaveText('On its way…');
    await expect(ws.sideTabs.getByRole('tab', { name: 'Packet events' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByRole('list', { name: 'Packet events' })).toBeVisible();
    expect(await ws.graphShare()).toBeGreaterThanOrEqual(0.4);
    expect(await pageScroll(page)).toEqual({ x: 0, y: 0 });
    // The strip sits under the graph, inside the window.
    const strip = await box(player);
    expect(strip.y).toBeGreaterThanOrEqual((await box(ws.canvas)).y);
    expect(strip.y + strip.height).toBeLessThanOrEqual(720);
  });

  test('Present shows only the graph and the terminal, large; traces play in it; Esc leaves', async ({
    terminal,
    page,
  }) => {
    const ws = new Workspace(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await terminal.runAll(SEED000_STORY);
    await ws.present.click();
    await expect(page.getByRole('button', { name: 'Leave presentation (Esc)' })).toBeVisible();
    await expect(ws.present).toBeHidden();
    await expect(ws.sideTabs).toBeHidden();
    await expect(page.getByRole('toolbar', { name: 'Actions' })).toBeHidden();
    await expect(terminal.input).toBeVisible();
    await expect.poll(() => ws.graphShare()).toBeGreaterThanOrEqual(0.7);
    expect(await pageScroll(page)).toEqual({ x: 0, y: 0 });
    const size = await terminal.output.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);

    // The terminal works as before, and the trace strip shows the packet.
    await terminal.run('docker exec -it tomcat01 ping -c 1 192.168.0.3');
    const player = page.getByRole('region', { name: 'Packet trace' });
    await expect(player).toContainText('docker exec -it tomcat01 ping -c 1 192.168.0.3');
    await player.getByRole('slider', { name: 'Animation speed' }).fill('8');
    await expect(player.getByTestId('trace-verdict')).toHaveText('✓ Delivered', {
      timeout: 15_000,
    });

    await page.keyboard.press('Escape');
    await expect(ws.present).toBeVisible();
    await expect(ws.sideTabs).toBeVisible();
    // P outside a text field enters again; typed into the terminal it is just a letter.
    await terminal.input.press('p');
    await expect(terminal.input).toHaveValue('p');
    await ws.sideTabs.getByRole('tab', { name: 'Lessons' }).focus();
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Leave presentation (Esc)' })).toBeVisible();
    await page.getByRole('button', { name: 'Leave presentation (Esc)' }).click();
    await expect(ws.present).toBeVisible();
  });

  test('a lesson stays readable in presentation mode', async ({ terminal, page }) => {
    const ws = new Workspace(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(terminal.input).toBeVisible();
    const lessons = page.getByRole('region', { name: 'Lessons' });
    await lessons.getByRole('button', { name: /docker0 and veth pairs/ }).click();
    await ws.present.click();
    await expect(lessons).toBeVisible();
    await expect(lessons.getByRole('heading', { name: 'docker0 and veth pairs' })).toBeVisible();
    await expect(terminal.input).toBeVisible();
  });

  test('splitter sizes are remembered across a reload', async ({ terminal, page }) => {
    const ws = new Workspace(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(terminal.input).toBeVisible();
    const splitter = page.getByRole('separator', { name: 'Resize the side panel' });
    const side = page.getByRole('tablist', { name: 'Side panel' });
    const before = (await box(side)).width;
    const at = await box(splitter);
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x - 120, at.y + at.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await box(side)).width).toBeGreaterThan(before + 100);
    const widened = (await box(side)).width;
    await page.reload();
    await expect(ws.canvas).toBeVisible();
    await expect.poll(async () => Math.round((await box(side)).width)).toBe(Math.round(widened));
  });

  test('on a phone one region at a time, each reachable from the tab bar', async ({
    terminal,
    page,
  }) => {
    const ws = new Workspace(page);
    await page.setViewportSize({ width: 390, height: 844 });
    const tabs = ws.phoneTabs;
    await expect(tabs).toBeVisible();
    const bar = await box(tabs);
    const regions = {
      Graph: page.getByRole('region', { name: 'Topology graph' }),
      Terminal: terminal.input,
      Tools: page.getByRole('toolbar', { name: 'Actions' }),
    } as const;
    for (const [name, region] of Object.entries(regions)) {
      await tabs.getByRole('button', { name, exact: true }).click();
      await expect(tabs.getByRole('button', { name, exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(region).toBeVisible();
      for (const [other, hidden] of Object.entries(regions))
        if (other !== name) await expect(hidden, `${other} under ${name}`).not.toBeInViewport();
      const b = await box(region);
      expect(overlap(b, bar), `${name} clear of the tab bar`).toBe(0);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
      expect((await pageScroll(page)).x).toBe(0);
    }
    // Typing in the Terminal region draws in the Graph region.
    await tabs.getByRole('button', { name: 'Terminal', exact: true }).click();
    await terminal.run('docker run -d --name web nginx');
    await tabs.getByRole('button', { name: 'Graph', exact: true }).click();
    await expect.poll(() => ws.graphShare()).toBeGreaterThan(0.4);
    // Tools hold the side panel's tabs.
    await tabs.getByRole('button', { name: 'Tools', exact: true }).click();
    await ws.show('Outline');
    await expect(page.getByRole('region', { name: 'Topology outline' })).toContainText('web');
  });
});
