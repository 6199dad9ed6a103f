import type { Locator, Page } from '@playwright/test';

/** An object's detail page. */
export class DetailPage {
  readonly conditions: Locator;
  readonly related: Locator;

  constructor(readonly page: Page) {
    this.conditions = page.getByRole('table', { name: 'Conditions' });
    this.related = page.getByRole('list', { name: 'Related objects' });
  }

  condition(scope: string, type: string): Locator {
    return this.conditions.getByRole('row').filter({ hasText: scope }).filter({ hasText: type });
  }
}
