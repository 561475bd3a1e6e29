import { expect, type Locator, type Page } from '@playwright/test';
import type { GraphSnapshot } from '../../src/ui/lab-test-hook';

/** The topology graph, by its accessible names, and what its canvas holds via `window.__lab`. */
export class GraphPanel {
  readonly region: Locator;
  readonly canvas: Locator;
  readonly fit: Locator;
  readonly zoomIn: Locator;
  readonly zoomOut: Locator;
  readonly exportPng: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Topology graph' });
    this.canvas = this.region.getByTestId('graph-canvas');
    this.fit = this.region.getByRole('button', { name: 'Fit graph' });
    this.zoomIn = this.region.getByRole('button', { name: 'Zoom in' });
    this.zoomOut = this.region.getByRole('button', { name: 'Zoom out' });
    this.exportPng = this.region.getByRole('button', { name: 'Export PNG' });
  }

  themeToggle(name: 'Dark theme' | 'Light theme'): Locator {
    return this.region.getByRole('button', { name });
  }

  /** What the canvas holds; the graph loads a moment after the page, so its hook is waited for. */
  async snapshot(): Promise<GraphSnapshot> {
    const hook = await this.page.waitForFunction(() => window.__lab?.getGraph?.());
    return (await hook.jsonValue())!;
  }

  /** The node standing for a ref (`container:web` is the box of web's namespace). */
  async nodeFor(ref: string): Promise<GraphSnapshot['nodes'][number]> {
    const node = (await this.snapshot()).nodes.find((n) => n.ref === ref || n.id === ref);
    if (!node) throw new Error(`no graph node for ${ref}`);
    return node;
  }

  /** Clicks a node where the canvas draws it. */
  async tap(ref: string): Promise<void> {
    const node = await this.nodeFor(ref);
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('graph canvas is not visible');
    await this.page.mouse.click(box.x + node.rendered.x, box.y + node.rendered.y);
  }

  async waitForNodes(count: number): Promise<void> {
    await expect
      .poll(async () => (await this.snapshot()).nodes.length)
      .toBeGreaterThanOrEqual(count);
  }
}
