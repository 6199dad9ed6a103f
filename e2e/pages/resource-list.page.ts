import { expect, type Locator, type Page } from '@playwright/test';

/** A resource list (Gateways, Routes, Reference grants): filters and the table. */
export class ResourceListPage {
  readonly table: Locator;
  readonly filter: Locator;

  constructor(
    readonly page: Page,
    tableName: string,
  ) {
    this.table = page.getByRole('table', { name: tableName });
    this.filter = page.getByRole('searchbox', { name: 'Filter' });
  }

  async open(path: string) {
    await this.page.goto(path);
    await expect(this.page.getByRole('main')).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
