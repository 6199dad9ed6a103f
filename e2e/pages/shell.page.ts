import { expect, type Locator, type Page } from '@playwright/test';

/** The console frame every page shares: navigation, header and the main region. */
export class ShellPage {
  readonly nav: Locator;
  readonly main: Locator;
  readonly connection: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Console sections' });
    this.main = page.getByRole('main');
    this.connection = page.getByRole('status', { name: 'Cluster connection' });
  }

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.nav).toBeVisible();
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  async goTo(label: string) {
    await this.navLink(label).click();
    await expect(this.navLink(label)).toHaveAttribute('aria-current', 'page');
    await expect(this.main.getByRole('heading', { level: 1, name: label })).toBeVisible();
  }
}
