import { expect, type Locator, type Page } from '@playwright/test';

/** The header's scenario controls and the share button, by their accessible names. */
export class ScenarioPanel {
  readonly undo: Locator;
  readonly redo: Locator;
  readonly newLab: Locator;
  readonly timeline: Locator;
  readonly exportButton: Locator;
  readonly importFile: Locator;
  readonly share: Locator;
  readonly shareLink: Locator;
  readonly atStep: Locator;
  readonly outline: Locator;

  constructor(readonly page: Page) {
    this.undo = page.getByRole('button', { name: 'Undo', exact: true });
    this.redo = page.getByRole('button', { name: 'Redo', exact: true });
    this.newLab = page.getByRole('button', { name: 'New lab' });
    this.timeline = page.getByRole('slider', { name: 'Timeline' });
    this.exportButton = page.getByRole('button', { name: 'Export', exact: true });
    this.importFile = page.getByLabel('Import scenario file');
    this.share = page.getByRole('button', { name: 'Share', exact: true });
    this.shareLink = page.getByRole('textbox', { name: 'Share link' });
    this.atStep = page.getByRole('checkbox', { name: 'Link to this step' });
    this.outline = page.getByRole('region', { name: 'Topology outline' });
  }

  /** The share URL for the lab as it is (optionally at the timeline's step). */
  async shareUrl({ atStep = false } = {}): Promise<string> {
    if (atStep) await this.atStep.check();
    await this.share.click();
    await expect(this.shareLink).toBeVisible();
    return this.shareLink.inputValue();
  }

  /** The lab's history as the page holds it: all lines, and how many are applied. */
  async history(): Promise<{ log: readonly string[]; history: readonly string[]; cursor: number }> {
    // The hook is installed once the engine is in, a moment after the first paint.
    await this.page.waitForFunction(() => window.__lab !== undefined);
    return this.page.evaluate(() => {
      const s = window.__lab?.getState();
      if (!s) throw new Error('window.__lab is not installed');
      return { log: s.log, history: s.history, cursor: s.cursor };
    });
  }

  /** Sets the timeline to `step` the way a keyboard user does. */
  async scrubTo(step: number): Promise<void> {
    await this.timeline.focus();
    const now = Number(await this.timeline.inputValue());
    const key = step < now ? 'ArrowLeft' : 'ArrowRight';
    for (let i = 0; i < Math.abs(step - now); i++) await this.timeline.press(key);
    await expect(this.timeline).toHaveValue(String(step));
  }
}
