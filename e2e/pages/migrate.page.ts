import { expect, type Locator, type Page } from '@playwright/test';

/** The Migrate page: Istio YAML in, Gateway API YAML, findings and traffic comparison out. */
export class MigratePage {
  readonly input: Locator;
  readonly output: Locator;
  readonly findings: Locator;
  readonly verdict: Locator;
  readonly traffic: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByRole('textbox', { name: 'Istio YAML' });
    this.output = page.getByLabel('Generated Gateway API YAML');
    this.findings = page.getByRole('table', { name: 'Conversion findings' });
    this.verdict = page.getByRole('list', { name: 'Engine verdict' });
    this.traffic = page.getByRole('table', { name: 'Traffic comparison' });
  }

  async open(): Promise<void> {
    await this.page.goto('/migrate');
    await expect(this.page.getByRole('heading', { name: 'Migrate', level: 1 })).toBeVisible();
  }

  /** Pastes Istio YAML into the input. */
  async paste(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /** Opens the apply flow on the generated objects. */
  async reviewAndApply(): Promise<void> {
    await this.page.getByRole('button', { name: 'Review and apply' }).click();
  }
}
