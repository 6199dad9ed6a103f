import { expect, type Locator, type Page } from '@playwright/test';

/** The overview: the walkthrough's steps as a checklist. */
export class OverviewPage {
  readonly crds: Locator;
  readonly toggle: Locator;
  readonly ingressGateways: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.crds = page.getByRole('table', { name: 'Gateway API CRDs' });
    this.toggle = page.getByRole('switch', { name: 'Enable Gateway API' });
    this.ingressGateways = page.getByRole('table', { name: 'Ingress gateways' });
    this.dialog = page.getByRole('dialog');
  }

  async open() {
    await this.page.goto('/');
    await expect(this.crds).toBeVisible();
  }

  crdRow(resource: string): Locator {
    return this.crds.getByRole('row').filter({ hasText: `${resource}.gateway.networking.k8s.io` });
  }

  async setGatewayApi(enabled: boolean) {
    await this.toggle.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('button', { name: enabled ? 'Enable' : 'Disable' }).click();
    await expect(this.toggle).toHaveAttribute('aria-checked', String(enabled));
  }
}
