import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

type Messages = Record<string, unknown>;
export type Lang = 'en' | 'zh';

const messages = (lang: Lang): Messages =>
  JSON.parse(
    readFileSync(new URL(`../../src/i18n/locales/${lang}/lessons.json`, import.meta.url), 'utf8'),
  ) as Messages;

/** The Lessons region, named in the language the page shows (texts come from the locale files). */
export class LessonsPanel {
  readonly region: Locator;
  private readonly texts: Messages;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.region = page.getByRole('region', { name: 'Lessons' });
    this.texts = messages(lang);
  }

  /** The text of `key` ("ui.next", "link.q.no"), with `{{name}}` placeholders filled. */
  t(key: string, vars: Record<string, string | number> = {}): string {
    const text = key
      .split('.')
      .reduce<unknown>((o, k) => (o as Messages | undefined)?.[k], this.texts);
    if (typeof text !== 'string') throw new Error(`no ${this.lang} text for ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]));
  }

  button(key: string, vars?: Record<string, string | number>): Locator {
    return this.region.getByRole('button', { name: this.t(key, vars), exact: true });
  }

  async start(titleKey: string): Promise<void> {
    await this.button('ui.start', { title: this.t(titleKey) }).click();
    await expect(this.region.getByRole('heading', { name: this.t(titleKey) })).toBeVisible();
  }

  /** The checks list item of a check, by its description. */
  check(descriptionKey: string): Locator {
    return this.region.getByRole('listitem').filter({ hasText: this.t(descriptionKey) });
  }

  async expectCheck(descriptionKey: string, passed: boolean): Promise<void> {
    await expect(this.check(descriptionKey)).toContainText(
      `(${this.t(passed ? 'ui.passed' : 'ui.failed')})`,
    );
  }

  stepHeading(current: number, total: number): Locator {
    return this.region.getByText(this.t('ui.stepOf', { current, total }), { exact: true });
  }

  async answer(choiceKey: string): Promise<void> {
    await this.region.getByRole('radio', { name: this.t(choiceKey), exact: true }).check();
  }
}
