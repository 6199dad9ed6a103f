import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, uniqueName } from './fixtures';
import { DetailPage } from './pages/detail.page';
import { OverviewPage } from './pages/overview.page';
import { ResourceListPage } from './pages/resource-list.page';

// One story against one cluster: the walkthrough's state moves forward from test to test.
test.describe.configure({ mode: 'serial' });

const manifests = path.join(__dirname, 'manifests');

test('the overview shows the seed state as a checklist', async ({ page, cluster }) => {
  // Other journeys may have enabled Gateway API already: start from the seed's state.
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":false}}']);
  const overview = new OverviewPage(page);
  await overview.open();
  for (const resource of ['gatewayclasses', 'gateways', 'httproutes', 'referencegrants', 'grpcroutes']) {
    await expect(overview.crdRow(resource)).toContainText('Present');
    await expect(overview.crdRow(resource)).toContainText('v1.1.0');
  }
  await expect(overview.toggle).toHaveAttribute('aria-checked', 'false');
  const ingress = overview.ingressGateways.getByRole('row').filter({ hasText: 'istio-system/istio-ingressgateway' });
  await expect(ingress).toContainText('istio-ingressgateway.istio-system.svc.cluster.local');
  await expect(ingress).toContainText('80 (http), 443 (https)');
});

test('enabling Gateway API from the overview programs a Gateway without a reload', async ({ page, cluster }) => {
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":false}}']);
  cluster.kubectl(['apply', '-f', path.join(manifests, 'gateway-http.yaml')]);
  // A Gateway created while Gateway API is off has no status from the controller yet.
  const name = uniqueName('gateway');
  const seedGateway = readFileSync(path.join(manifests, 'gateway-http.yaml'), 'utf8')
    .split('---')[0]!
    .replace('name: gateway', `name: ${name}`)
    // Its own hostname: the same port and hostname as the seed Gateway on one ingress gateway would conflict.
    .replace("'*.aliyun.com'", `'*.${name}.example.com'`);
  cluster.kubectl(['apply', '-f', '-'], seedGateway);
  const gateways = new ResourceListPage(page, 'Gateways');
  await gateways.open('/gateways');
  await expect(gateways.row(name)).toContainText('Pending');
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(overview.ingressGateways).toContainText(`istio-system/${name}`);
  await overview.setGatewayApi(true);
  expect(cluster.kubectl(['get', 'asmmeshconfig', 'default', '-o', 'jsonpath={.spec.enableGatewayAPI}'])).toBe('true');
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Gateways', exact: true }).click();
  await expect(gateways.row(name)).toContainText('Ready', { timeout: 5_000 });
  cluster.kubectl(['delete', 'gateway', name, '-n', 'istio-system']);
});

test('a route created with kubectl appears in the open list within 2 s', async ({ page, cluster }) => {
  const routes = new ResourceListPage(page, 'HTTPRoutes');
  await routes.open('/routes');
  await expect(routes.row('http')).toBeVisible();
  const name = uniqueName('live');
  cluster.kubectl(['create', '-f', '-'], routeYaml(name, 'httpbin'));
  await expect(routes.row(name)).toBeVisible({ timeout: 2_000 });
  cluster.kubectl(['delete', 'httproute', name, '-n', 'default']);
  await expect(routes.row(name)).toHaveCount(0, { timeout: 2_000 });
});

test('a route with a bad backendRef shows ResolvedRefs False / BackendNotFound on its page', async ({ page, cluster }) => {
  const name = uniqueName('broken');
  cluster.kubectl(['create', '-f', '-'], routeYaml(name, 'no-such-service'));
  await page.goto(`/routes/http/default/${name}`);
  const detail = new DetailPage(page);
  const row = detail.condition('parent istio-system/gateway', 'ResolvedRefs');
  await expect(row).toContainText('False', { timeout: 5_000 });
  await expect(row).toContainText('BackendNotFound');
  await expect(detail.related).toContainText('no-such-service');
});

test('the list filter and sort live in the URL, so the view can be shared', async ({ page }) => {
  const routes = new ResourceListPage(page, 'HTTPRoutes');
  await routes.open('/routes?q=broken&sort=age&dir=desc');
  await expect(routes.filter).toHaveValue('broken');
  await expect(routes.table.getByRole('columnheader', { name: /Age/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(routes.row('http')).toHaveCount(0);
});

function routeYaml(name: string, backend: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: default
spec:
  parentRefs:
  - name: gateway
    namespace: istio-system
  hostnames: ["${name}.aliyun.com"]
  rules:
  - backendRefs:
    - name: ${backend}
      port: 8000
`;
}
