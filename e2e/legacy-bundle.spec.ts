import { expect, test } from '@playwright/test';

// The second e2e server runs Gateway API v0.6.0 (ASM 1.18): v1beta1 only and no GRPCRoute.
const legacy = process.env.PORTICO_E2E_LEGACY_URL ?? 'http://127.0.0.1:3218';

test('on Gateway API v0.6.0 the console says GRPCRoute is not served and reads v1beta1', async ({ page }) => {
  await page.goto(`${legacy}/`);
  const crds = page.getByRole('table', { name: 'Gateway API CRDs' });
  await expect(crds.getByRole('row').filter({ hasText: 'httproutes.gateway.networking.k8s.io' })).toContainText('v0.6.0');
  await expect(crds.getByRole('row').filter({ hasText: 'grpcroutes.gateway.networking.k8s.io' })).toContainText('Not installed');
  await page.goto(`${legacy}/routes?tab=grpc`);
  await expect(page.getByRole('heading', { name: 'GRPCRoutes are not served by this cluster' })).toBeVisible();
  await page.goto(`${legacy}/gateways?tab=classes`);
  await page.getByRole('link', { name: 'istio', exact: true }).click();
  await page.getByRole('navigation', { name: 'Object views' }).getByRole('link', { name: 'YAML' }).click();
  await expect(page.getByRole('region', { name: 'YAML' })).toContainText('apiVersion: gateway.networking.k8s.io/v1beta1');
});
