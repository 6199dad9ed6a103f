import { expect, type Locator, type Page } from '@playwright/test';

/** The header's context switch, its menu, and the cluster roles dialog. */
export class ContextPickerPage {
  readonly button: Locator;
  readonly menu: Locator;
  readonly connection: Locator;
  readonly rolesDialog: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: /switch context/ });
    this.menu = page.getByRole('menu', { name: 'Kubeconfig contexts' });
    this.connection = page.getByRole('status', { name: 'Cluster connection' });
    this.rolesDialog = page.getByRole('dialog', { name: 'Cluster roles' });
  }

  item(context: string): Locator {
    // The item's name also holds its server and state: match the context name's own text exactly.
    return this.menu.getByRole('menuitemradio').filter({ has: this.page.getByText(context, { exact: true }) });
  }

  /** Switches with the mouse, then waits until the header names the new context and is connected. */
  async switchTo(context: string) {
    await this.button.click();
    await expect(this.menu).toBeVisible();
    await this.item(context).click();
    await this.expectCurrent(context);
  }

  async expectCurrent(context: string) {
    await expect(this.button).toHaveAccessibleName(new RegExp(`^Context ${context}\\b`));
    await expect(this.connection).toContainText('Connected');
  }

  /** Marks the given contexts as data planes (and the first as mesh control plane) in the roles dialog. */
  async setRoles(mesh: string, dataPlanes: string[]) {
    await this.button.click();
    await this.menu.getByRole('menuitem', { name: /Cluster roles/ }).click();
    await expect(this.rolesDialog).toBeVisible();
    await this.rolesDialog.getByRole('radio', { name: `Mesh control plane: ${mesh}` }).check();
    for (const box of await this.rolesDialog.getByRole('checkbox').all()) {
      const name = ((await box.getAttribute('aria-label')) ?? '').replace('Data plane: ', '');
      await box.setChecked(dataPlanes.includes(name));
    }
    await this.rolesDialog.getByRole('button', { name: 'Save roles' }).click();
    await expect(this.rolesDialog).toBeHidden();
  }
}
