import type { Locator, Page } from '@playwright/test';

/** The History section of a detail page: recorded revisions, their diffs, Edit and Roll back. */
export class HistorySection {
  readonly section: Locator;
  readonly revisions: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'History' });
    this.revisions = this.section.getByRole('table', { name: 'Revisions' });
  }

  /** The row of revision `n`. */
  revision(n: number): Locator {
    return this.revisions.getByRole('row', { name: `Revision ${n}`, exact: true });
  }

  async showDiff(n: number): Promise<Locator> {
    await this.revision(n)
      .getByRole('button', { name: `Diff revision ${n} with live` })
      .click();
    return this.page.getByRole('region', { name: `Diff of revision ${n} (left) and the live object (right)` });
  }

  async rollBack(n: number): Promise<void> {
    await this.revision(n)
      .getByRole('link', { name: `Roll back to revision ${n}` })
      .click();
  }
}
