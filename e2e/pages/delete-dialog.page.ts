import { expect, type Locator, type Page } from '@playwright/test';

/** The delete button of a detail page and its confirmation. */
export class DeleteDialogPage {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly affected: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('main').getByRole('button', { name: 'Delete', exact: true });
    this.dialog = page.getByRole('dialog', { name: /^Delete / });
    this.affected = this.dialog.getByRole('region', { name: 'Also affected' });
  }

  async open() {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByText(/Looking for objects/)).toHaveCount(0);
  }

  confirmButton(kind: string): Locator {
    return this.dialog.getByRole('button', { name: `Delete ${kind}` });
  }
}
