import { expect, type Locator, type Page } from '@playwright/test';

/** The Certificates page: the TLS Secret table and the create form. */
export class CertificatesPage {
  readonly table: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'TLS certificates' });
    this.form = page.getByRole('form', { name: 'Create a TLS certificate' });
  }

  async open() {
    await this.page.goto('/certificates');
    await expect(this.form).toBeVisible();
  }

  async generate(p: { name: string; namespace: string; hostnames: string }) {
    await this.form.getByLabel('Generate a self-signed certificate').check();
    await this.form.getByLabel('Secret name').fill(p.name);
    await this.form.getByLabel('Namespace').fill(p.namespace);
    await this.form.getByLabel('Hostnames').fill(p.hostnames);
    await this.form.getByRole('button', { name: 'Create certificate' }).click();
  }

  async upload(p: { name: string; namespace: string; certPem: string; keyPem: string }) {
    await this.form.getByLabel('Upload a certificate and private key').check();
    await this.form.getByLabel('Secret name').fill(p.name);
    await this.form.getByLabel('Namespace').fill(p.namespace);
    await this.form.getByRole('textbox', { name: 'Certificate chain (PEM)', exact: true }).fill(p.certPem);
    await this.form.getByRole('textbox', { name: 'Private key (PEM)', exact: true }).fill(p.keyPem);
    await this.form.getByRole('button', { name: 'Create certificate' }).click();
  }

  /** Opens the Replace dialog of a certificate row and returns it. */
  async openReplace(namespace: string, name: string): Promise<Locator> {
    await this.row(namespace, name)
      .getByRole('button', { name: `Replace ${namespace}/${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Replace certificate ${namespace}/${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** In an open Replace dialog: generate a new self-signed certificate and check it against the current one. */
  async checkGenerated(dialog: Locator, p: { hostnames: string; days: number }) {
    await dialog.getByLabel('Generate a self-signed certificate').check();
    await dialog.getByLabel('Hostnames').fill(p.hostnames);
    await dialog.getByLabel('Validity (days)').fill(String(p.days));
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect(dialog.getByRole('table', { name: 'Current and new certificate' })).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: `${namespace}/${name}`, exact: true }) });
  }
}
