/**
 * Runs the lab and bare pages in headless Chromium, alternating which goes first each round so
 * neither side always meets a warmer machine. Every run is a fresh page: no JIT or cache carries
 * over from the other side.
 */
import { chromium } from '@playwright/test';
import type { PageResult } from '../pages/protocol';

export type Side = 'lab' | 'bare';

export interface Runs {
  readonly lab: PageResult[];
  readonly bare: PageResult[];
  /** Page errors and console errors, with the side they came from. */
  readonly errors: string[];
}

/** Headless Chromium as every bench:ui run uses it. */
export const launchBrowser = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });

/** Which side goes first alternates by round. */
export const sidesOf = (round: number): Side[] =>
  round % 2 === 0 ? ['lab', 'bare'] : ['bare', 'lab'];

export async function drive(baseUrl: string, rounds: number, log: (line: string) => void) {
  const browser = await launchBrowser();
  const runs: Runs = { lab: [], bare: [], errors: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const side of sidesOf(round)) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.on('pageerror', (e) => runs.errors.push(`${side}: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') runs.errors.push(`${side}: ${m.text()}`);
        });
        try {
          await page.goto(`${baseUrl}/${side}.html`);
          // Strings, not closures: this file is type-checked for Node, without the DOM's `window`.
          await page.waitForFunction('window.__bench !== undefined');
          const result = await withTimeout(
            page.evaluate<PageResult>('window.__bench.run()'),
            PAGE_TIMEOUT_MS,
          );
          runs[side].push(result);
          log(`  round ${round + 1}/${rounds} ${side}: ${summary(result)}`);
        } catch (e) {
          runs.errors.push(`${side}: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}

/** A page that never draws (no `render` event) must not hang the run. */
const PAGE_TIMEOUT_MS = 180_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const summary = (r: PageResult) =>
  `setup ${r.setupMs.toFixed(0)} ms, draw ${r.firstDrawMs.toFixed(0)} ms, add ${r.addOneMs.toFixed(1)} ms, ` +
  `p95 frame ${r.frameP95Ms.toFixed(1)} ms (${r.frames} frames), ${r.elements} elements`;
