import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in page: the only console page served without a session. */
export class SignInPage {
  readonly heading: Locator;
  readonly token: Locator;
  readonly submit: Locator;
  readonly alert: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in to Portico' });
    this.token = page.getByLabel(/Access token|Kubernetes bearer token/);
    this.submit = page.getByRole('button', { name: 'Sign in' });
    // Inside the form: Next's route announcer is an alert too.
    this.alert = page.getByRole('main').getByRole('alert');
    this.notice = page.getByRole('status').filter({ hasText: /sign|session/i });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
  }

  async signIn(token: string) {
    await this.token.fill(token);
    await this.submit.click();
  }
}
