import { expect, type Locator, type Page } from '@playwright/test';

/** The toolbar, its dialogs and the context menus, found by their accessible names. */
export class Actions {
  readonly toolbar: Locator;
  readonly outline: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Actions' });
    this.outline = page.getByRole('region', { name: 'Topology outline' });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Clicks a toolbar button and waits for its dialog. */
  async open(button: string, title = button): Promise<Locator> {
    await this.toolbar.getByRole('button', { name: button, exact: true }).click();
    const dialog = this.dialog(title);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The command line a dialog will type, as shown in it. */
  commandLine(dialog: Locator): Locator {
    return dialog.getByLabel('Command line');
  }

  outlineItem(name: string | RegExp): Locator {
    // A container is listed under each of its networks: the first one will do.
    return this.outline.getByRole('treeitem', { name }).first();
  }

  menu(subject: string): Locator {
    return this.page.getByRole('menu', { name: `Actions for ${subject}` });
  }

  /** Focuses an outline item and opens its context menu from the keyboard (Shift+F10). */
  async menuByKeyboard(item: string | RegExp, subject: string): Promise<Locator> {
    const row = this.outlineItem(item);
    await row.focus();
    await row.press('Shift+F10');
    const menu = this.menu(subject);
    await expect(menu).toBeVisible();
    return menu;
  }

  /**
   * Where a container's box is drawn, in page coordinates (its centre), once the graph has it.
   * Read from the graph's test hook, as the canvas has no DOM to find it by.
   */
  async graphBox(name: string): Promise<{ x: number; y: number }> {
    const find = () =>
      this.page.evaluate(
        (n) =>
          window.__lab
            ?.getGraph?.()
            .nodes.find((node) => node.id.startsWith('netns:') && node.label === n)?.rendered,
        name,
      );
    await expect.poll(find).toBeDefined();
    const box = (await find())!;
    const origin = (await this.page.getByTestId('graph-canvas').boundingBox())!;
    return { x: origin.x + box.x, y: origin.y + box.y };
  }

  /** Opens an outline item's menu and chooses one of its items. */
  async choose(item: string | RegExp, subject: string, action: string): Promise<void> {
    const menu = await this.menuByKeyboard(item, subject);
    await menu.getByRole('menuitem', { name: action, exact: true }).click();
  }
}
