import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Workspace } from './pages/Workspace';

const outlineOf = (page: Page): Locator => page.getByRole('region', { name: 'Topology outline' });
const item = (outline: Locator, name: string | RegExp): Locator =>
  outline.getByRole('treeitem', { name });

test.describe('the Topology outline region (design.md contract 3)', () => {
  test('mirrors networks, containers, veth pairs and published ports', async ({
    terminal,
    page,
  }) => {
    const outline = outlineOf(page);
    await expect(outline).toContainText('host docker-host');
    await expect(outline).toContainText('Veth pairs (0)');

    await terminal.run('docker network create mynet');
    await terminal.run('docker run -dit --name web --network mynet -p 8080:80 nginx');
    await terminal.run('docker run -dit --name db busybox');

    await expect(item(outline, /^mynet bridge 172\.18\.0\.0\/16 /)).toBeVisible();
    await expect(item(outline, /^bridge bridge 172\.17\.0\.0\/16 .*device docker0/)).toBeVisible();
    await expect(outline).toContainText('device docker0');
    await expect(item(outline, /^web running .*172\.18\.0\.2 \(mynet\)/)).toBeVisible();
    await expect(item(outline, /^db running .*172\.17\.0\.2 \(bridge\)/)).toBeVisible();
    await expect(outline).toContainText('network mode mynet');
    await expect(
      item(outline, /^veth[0-9a-f]{7}@if\d+ on br-[0-9a-f]{12} ↔ eth0@if\d+ in container web$/),
    ).toBeVisible();
    await expect(
      item(outline, /^veth[0-9a-f]{7}@if\d+ on docker0 ↔ eth0@if\d+ in container db$/),
    ).toBeVisible();
    await expect(item(outline, '0.0.0.0:8080 → web:80/tcp')).toBeVisible();
    await page.screenshot({ path: 'test-results/outline.png' });

    await terminal.run('docker rm -f db');
    await expect(item(outline, /^db /)).toHaveCount(0);
    await expect(item(outline, /in container db$/)).toHaveCount(0);
    await expect(outline).not.toContainText('172.17.0.2');
    await expect(outline).toContainText('Veth pairs (1)');
    await expect(item(outline, /^web running/)).toBeVisible();
  });

  test('is reachable with Tab and walked with the arrow keys', async ({ terminal, page }) => {
    await terminal.run('docker run -dit --name web -p 8080:80 nginx');
    const outline = outlineOf(page);
    await new Workspace(page).show('Outline');
    const host = item(outline, /^host docker-host/);
    // Clicking the heading moves the Tab starting point there; Tab then lands on the first item.
    await outline.getByRole('heading', { name: 'Topology outline' }).click();
    await page.keyboard.press('Tab');
    await expect(host).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item(outline, /^Networks \(3\)/)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(item(outline, /^Networks \(3\)/)).toHaveAttribute('aria-expanded', 'false');
    await expect(outline).not.toContainText('web running');
    await page.keyboard.press('ArrowRight');
    await expect(outline).toContainText('web running');
    await page.keyboard.press('End');
    await expect(item(outline, '0.0.0.0:8080 → web:80/tcp')).toBeFocused();

    // The outline is one Tab stop that remembers the active item.
    await outline.getByRole('heading', { name: 'Topology outline' }).click();
    await page.keyboard.press('Tab');
    await expect(item(outline, '0.0.0.0:8080 → web:80/tcp')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(item(outline, /^Networks/)).not.toBeFocused();
    await expect(item(outline, '0.0.0.0:8080 → web:80/tcp')).not.toBeFocused();
  });

  test('behind another tab it stays in the accessibility tree; focusing it brings its tab forward', async ({
    terminal,
    page,
  }) => {
    await terminal.run('docker run -dit --name web busybox');
    const ws = new Workspace(page);
    const outlineTab = ws.sideTabs.getByRole('tab', { name: 'Outline', exact: true });
    await expect(ws.sideTabs.getByRole('tab', { name: 'Lessons', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(outlineTab).toHaveAttribute('aria-selected', 'false');
    // Found by role: hidden panels are not in the accessibility tree, this one is.
    const outline = outlineOf(page);
    await expect(item(outline, /^web running/)).toHaveCount(1);
    await expect(item(outline, /^web running/)).not.toBeInViewport();
    await item(outline, /^host docker-host/).focus();
    await expect(outlineTab).toHaveAttribute('aria-selected', 'true');
    await expect(item(outline, /^host docker-host/)).toBeFocused();
    await expect(item(outline, /^web running/)).toBeInViewport();
  });

  test('shows names with markup literally', async ({ terminal, page }) => {
    await terminal.run("docker network create '<b>x</b>'");
    const outline = outlineOf(page);
    await expect(item(outline, /^<b>x<\/b> bridge/)).toBeVisible();
    await expect(outline.locator('b')).toHaveCount(0);
  });
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 1000 } });

  test('outline screenshot, dark, scrolled to the links', async ({ terminal, page }) => {
    await terminal.run('docker network create mynet');
    await terminal.run('docker run -dit --name web --network mynet -p 8080:80 nginx');
    await terminal.run('docker run -dit --name db busybox');
    await new Workspace(page).show('Outline');
    const port = item(outlineOf(page), '0.0.0.0:8080 → web:80/tcp');
    await port.scrollIntoViewIfNeeded();
    await expect(port).toBeInViewport();
    await outlineOf(page).screenshot({ path: 'test-results/outline-dark.png' });
  });
});
