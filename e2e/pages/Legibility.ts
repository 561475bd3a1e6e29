import { expect, type Page } from '@playwright/test';
import type { GraphSnapshot, RenderedBox } from '../../src/ui/lab-test-hook';
import { Workspace } from './Workspace';

/**
 * Issue 9's legibility measures, read through the graph test hook (design.md contract 5): what
 * is drawn, how large, and whether any two labels collide.
 */

/** The graph loads a moment after the page (after the engine): its hook is waited for. */
export async function snapshot(page: Page): Promise<GraphSnapshot> {
  const hook = await page.waitForFunction(() => window.__lab?.getGraph?.());
  return (await hook.jsonValue())!;
}

/** The graph after a fit has settled: the same zoom twice, a frame apart. */
export async function settled(page: Page): Promise<GraphSnapshot> {
  let last = -1;
  await expect
    .poll(async () => {
      const zoom = (await snapshot(page)).zoom;
      const same = Math.abs(zoom - last) < 1e-6;
      last = zoom;
      return same;
    })
    .toBe(true);
  return snapshot(page);
}

const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\/\d+/;
type Node = GraphSnapshot['nodes'][number];
const isName = (n: Node) => n.classes.includes('container-box') || n.classes.includes('container');
const isAddress = (n: Node) =>
  n.classes.includes('device') && !n.classes.includes('host-end') && IPV4.test(n.label);

const intersects = (a: RenderedBox, b: RenderedBox) =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export interface Facts {
  share: number;
  smallestName: number;
  smallestAddress: number;
  overlaps: string[];
  cut: string[];
  names: number;
  addresses: number;
}

export async function facts(page: Page): Promise<Facts> {
  const graph = await settled(page);
  const box = await new Workspace(page).canvas.boundingBox();
  const size = page.viewportSize()!;
  const names = graph.nodes.filter(isName);
  const addresses = graph.nodes.filter(isAddress);
  const drawn = [...graph.nodes, ...graph.edges].filter((e) => e.labelBox !== null);
  const overlaps: string[] = [];
  for (let i = 0; i < drawn.length; i++)
    for (let j = i + 1; j < drawn.length; j++)
      if (intersects(drawn[i].labelBox!, drawn[j].labelBox!))
        overlaps.push(`${drawn[i].id} × ${drawn[j].id}`);
  const { width, height } = graph.canvas;
  const cut = drawn
    .filter(({ labelBox: b }) => b!.x1 < 0 || b!.y1 < 0 || b!.x2 > width || b!.y2 > height)
    .map((e) => e.id);
  return {
    share: (box!.width * box!.height) / (size.width * size.height),
    smallestName: Math.min(...names.map((n) => n.fontPx)),
    smallestAddress: Math.min(...addresses.map((n) => n.fontPx)),
    overlaps,
    cut,
    names: names.length,
    addresses: addresses.length,
  };
}

/** The figures are printed for the issue note, then held to the targets. */
export function expectLegible(f: Facts, at: string, target: { share: number; px: number }): void {
  console.log(`${at}: ${JSON.stringify(f)}`);
  expect(f.share, at).toBeGreaterThanOrEqual(target.share);
  expect(f.smallestName, at).toBeGreaterThanOrEqual(target.px);
  expect(f.smallestAddress, at).toBeGreaterThanOrEqual(target.px);
  expect(f.overlaps, at).toEqual([]);
  expect(f.cut, at).toEqual([]);
}
