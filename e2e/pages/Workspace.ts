import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Seed 000's story as a learner types it (see seed000.spec.ts): tomcat01 given ip and ping and
 * committed, tomcat02/03 with a --link, mynet with tomcat-net-01/02, tomcat01 on both networks.
 */
export const SEED000_STORY = [
  'docker run -d -P --name tomcat01 tomcat',
  'docker exec -it tomcat01 /bin/bash',
  'apt-get update',
  'apt install -y iproute2 iputils-ping',
  'exit',
  'docker commit -a yuanyuan -m "add apt ip and ping" tomcat01 yuanyuan/tomcat',
  'docker run -d -P --name tomcat02 yuanyuan/tomcat',
  'docker run -d -P --name tomcat03 --link tomcat02 yuanyuan/tomcat',
  'docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet',
  'docker run -d -P --name tomcat-net-01 --net mynet yuanyuan/tomcat',
  'docker run -d -P --name tomcat-net-02 --net mynet yuanyuan/tomcat',
  'docker network connect mynet tomcat01',
] as const;

export type SideTabName = 'Lessons' | 'Outline' | 'Inspector' | 'Matrix' | 'Packet events';

/** The workspace's regions: the side panel's tabs, the phone tab bar, presentation mode. */
export class Workspace {
  readonly sideTabs: Locator;
  readonly phoneTabs: Locator;
  readonly present: Locator;
  readonly canvas: Locator;

  constructor(readonly page: Page) {
    this.sideTabs = page.getByRole('tablist', { name: 'Side panel' });
    this.phoneTabs = page.getByRole('navigation', { name: 'Regions' });
    this.present = page.getByRole('button', { name: 'Present', exact: true });
    this.canvas = page.getByTestId('graph-canvas');
  }

  /** Opens a side-panel tab (the panels behind the others are hidden). */
  async show(tab: SideTabName): Promise<void> {
    const button = this.sideTabs.getByRole('tab', { name: tab, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-selected', 'true');
  }

  /** The graph canvas's share of the viewport, 0…1, as laid out now. */
  async graphShare(): Promise<number> {
    // The graph loads a moment after the page (after the engine).
    await expect(this.canvas).toBeVisible();
    const box = await this.canvas.boundingBox();
    const size = this.page.viewportSize();
    if (!box || !size) throw new Error('graph canvas is not laid out');
    return (box.width * box.height) / (size.width * size.height);
  }
}
