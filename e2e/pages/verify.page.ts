import { expect, type Locator, type Page } from '@playwright/test';

/** The verify page: the request form, the result, the curl command and verify-all. */
export class VerifyPage {
  readonly request: Locator;
  readonly result: Locator;
  readonly expectation: Locator;
  readonly response: Locator;
  readonly statusLine: Locator;
  readonly body: Locator;
  readonly certificate: Locator;
  readonly differences: Locator;
  readonly curl: Locator;
  readonly progress: Locator;
  readonly allResults: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.request = page.getByRole('form', { name: 'Request' });
    this.result = page.getByRole('region', { name: 'Result' });
    this.expectation = page.getByRole('region', { name: 'Expectation' });
    this.response = page.getByRole('region', { name: 'Response', exact: true });
    this.statusLine = page.getByLabel('Status line');
    this.body = page.getByLabel('Response body');
    this.certificate = page.getByRole('region', { name: 'TLS certificate' });
    this.differences = page.getByRole('table', { name: 'Differences' });
    this.curl = page.getByRole('region', { name: 'curl command' });
    this.progress = page.getByRole('progressbar', { name: 'Verify-all progress' });
    this.allResults = page.getByRole('table', { name: 'Verify-all results' });
    this.history = page.getByRole('table', { name: 'Verification history' });
  }

  async open(query: string) {
    await this.page.goto(`/verify?${query}`);
    await expect(this.page.getByRole('heading', { name: 'Verify', level: 1 })).toBeVisible();
  }

  field(label: string): Locator {
    return this.request.getByLabel(label, { exact: true });
  }

  async send() {
    await this.request.getByRole('button', { name: 'Send' }).click();
    await expect(this.expectation).toBeVisible({ timeout: 15_000 });
  }

  /** Copies the curl command with the page's button and returns what reached the clipboard. */
  async copyCurl(): Promise<string> {
    await this.curl.getByRole('button', { name: 'Copy curl command' }).click();
    await expect(this.curl.getByRole('status')).toHaveText('Copied.');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async verifyAll(scope: string) {
    await this.page.getByLabel('Scope').selectOption({ label: scope });
    await this.page.getByRole('button', { name: 'Verify all', exact: true }).click();
  }
}
