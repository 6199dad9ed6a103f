import { expect, type Locator, type Page } from '@playwright/test';

/** The authoring workspace (YAML page, create and edit pages): editor, dry run, apply, results. */
export class AuthoringPage {
  readonly dryRunButton: Locator;
  readonly applyButton: Locator;
  readonly editor: Locator;
  readonly results: Locator;
  readonly impact: Locator;
  readonly prediction: Locator;
  readonly conflictDialog: Locator;

  constructor(readonly page: Page) {
    this.dryRunButton = page.getByRole('button', { name: 'Dry run' });
    this.applyButton = page.getByRole('button', { name: 'Apply', exact: true });
    this.editor = page.getByRole('textbox', { name: 'Manifest YAML' });
    this.results = page.getByRole('region', { name: /^(Dry run|Apply) results$/ });
    this.impact = page.getByRole('region', { name: 'Change impact' });
    this.prediction = page.getByRole('region', { name: 'Prediction' });
    this.conflictDialog = page.getByRole('dialog', { name: 'Someone else changed this object' });
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path);
  }

  /** Switches between the Form and YAML tabs. */
  async tab(name: 'Form' | 'YAML'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Replaces the editor text the way a user pastes: select all, then a clipboard paste. */
  async paste(text: string): Promise<void> {
    await expect(this.editor).toBeAttached({ timeout: 30_000 });
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.editor.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** One document's line in the results, e.g. `HTTPRoute default/http: created (dry run)`. */
  result(label: string | RegExp): Locator {
    return this.results.getByRole('listitem', { name: label });
  }

  async dryRun(): Promise<void> {
    await this.dryRunButton.click();
    await expect(this.page.getByRole('heading', { name: 'Dry run results' })).toBeVisible({ timeout: 20_000 });
  }

  async apply(): Promise<void> {
    await expect(this.applyButton).toBeEnabled();
    await this.applyButton.click();
    await expect(this.page.getByRole('heading', { name: 'Apply results' })).toBeVisible({ timeout: 20_000 });
  }
}
