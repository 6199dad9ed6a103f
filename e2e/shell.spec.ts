import { expect, test } from '@playwright/test';
import { ShellPage } from './pages/shell.page';

const sections = ['Overview', 'Gateways', 'Routes', 'Certificates', 'Reference grants', 'Topology', 'Verify', 'YAML'];

test.describe('console shell', () => {
  test('walks every navigation item and lands on its page', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('/');
    for (const label of sections) {
      await shell.goTo(label);
      await expect(page).toHaveTitle(label === 'Overview' ? 'Overview · Portico' : `${label} · Portico`);
    }
  });

  test('shows the embedded local cluster as the connected, reachable context', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('/');
    await expect(shell.connection).toContainText('portico-local');
    await expect(shell.connection).toContainText('embedded');
    await expect(shell.connection).toContainText('Connected');
  });

  test('reaches every navigation item by keyboard', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('/');
    await shell.navLink('Gateways').focus();
    await page.keyboard.press('Enter');
    await expect(shell.navLink('Gateways')).toHaveAttribute('aria-current', 'page');
  });
});
