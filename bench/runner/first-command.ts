/**
 * Time to first command on a slow link (issue 14 §2): a first-time visitor on 1.6 Mbps with a
 * 150 ms round trip, from navigation until the output of the first line typed appears, the line
 * typed as soon as the terminal takes input. The reference is the size-reference page (React
 * and Cytoscape alone) on the same link, until the frame after its graph's first paint. Every
 * run is a fresh browser context: no HTTP cache, no service worker; sides alternate per round.
 */
import type { Page } from '@playwright/test';
import { launchBrowser, sidesOf, type Side } from './drive';

/** Chromium's emulation of the link: throughputs in bytes per second, latency in ms. */
export const SLOW_LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
} as const;

export const FIRST_COMMAND = 'docker network ls';
/** What the first command prints first: its output has appeared. */
const OUTPUT_HEADER = 'NETWORK ID';

export interface FirstCommandRuns {
  /** ms from navigation to the first command's output, per run. */
  readonly lab: number[];
  /** ms from navigation to the frame after the reference graph's first paint, per run. */
  readonly bare: number[];
  readonly errors: string[];
}

const PAGE_TIMEOUT_MS = 120_000;

/** `urls.lab` is the built app, `urls.bare` the built size reference, both served as on a host. */
export async function firstCommand(
  urls: Record<Side, string>,
  rounds: number,
  log: (line: string) => void,
): Promise<FirstCommandRuns> {
  const browser = await launchBrowser();
  const runs: FirstCommandRuns = { lab: [], bare: [], errors: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const side of sidesOf(round)) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        page.setDefaultTimeout(PAGE_TIMEOUT_MS);
        page.on('pageerror', (e) => runs.errors.push(`${side} (slow link): ${e.message}`));
        try {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
          await page.goto(urls[side], { waitUntil: 'commit' });
          const ms = side === 'lab' ? await labFirstCommand(page) : await bareFirstGraph(page);
          runs[side].push(ms);
          log(`  round ${round + 1}/${rounds} ${side}, slow link: ${ms.toFixed(0)} ms`);
        } catch (e) {
          runs.errors.push(`${side} (slow link): ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}

// Strings, not closures, in the page: this file is type-checked for Node, without the DOM.

async function labFirstCommand(page: Page): Promise<number> {
  const input = page.getByRole('textbox', { name: 'Terminal input' });
  await input.fill(FIRST_COMMAND);
  await input.press('Enter');
  const shown = await page.waitForFunction(
    `document.querySelector('[role="log"][aria-label="Terminal output"]')?.textContent` +
      `?.includes(${JSON.stringify(OUTPUT_HEADER)}) ? performance.now() : false`,
    undefined,
    { polling: 'raf' },
  );
  return (await shown.jsonValue()) as number;
}

/** bench/size-reference/main.tsx notes the time on `window.__firstGraphPaint`. */
async function bareFirstGraph(page: Page): Promise<number> {
  const painted = await page.waitForFunction('window.__firstGraphPaint ?? false', undefined, {
    polling: 'raf',
  });
  return (await painted.jsonValue()) as number;
}
