import { expect, test, uniqueName } from './fixtures';
import { DeleteDialogPage } from './pages/delete-dialog.page';
import { ResourceListPage } from './pages/resource-list.page';

test('deleting a Gateway names the routes left without a parent and needs an explicit confirmation', async ({
  page,
  cluster,
}) => {
  const gw = uniqueName('del-gw');
  const route = uniqueName('orphan');
  cluster.kubectl(['apply', '-f', '-'], `${gatewayYaml(gw)}---\n${routeYaml(route, { parent: gw })}`);
  try {
    await page.goto(`/gateways/default/${gw}`);
    const del = new DeleteDialogPage(page);
    await del.open();
    await expect(del.dialog.getByRole('heading')).toHaveText(`Delete Gateway default/${gw}?`);
    await expect(del.affected).toContainText(`HTTPRoute default/${route}: left without a parent`);
    await expect(del.affected.getByRole('link', { name: `default/${route}` })).toHaveAttribute(
      'href',
      `/routes/http/default/${route}`,
    );

    // Cancel has the focus: a stray Enter closes the dialog and deletes nothing.
    await page.keyboard.press('Enter');
    await expect(del.dialog).toBeHidden();
    expect(cluster.kubectl(['get', 'gateway', gw, '-n', 'default', '-o', 'name'])).toContain(gw);

    await del.open();
    await del.confirmButton('Gateway').click();
    await expect(page).toHaveURL(/\/gateways$/);
    // The list (or its empty state, when this was the cluster's only Gateway) no longer shows it.
    await expect(page.getByRole('region', { name: 'Gateways', exact: true })).toBeVisible();
    await expect(new ResourceListPage(page, 'Gateways').row(gw)).toHaveCount(0);
    expect(cluster.kubectl(['get', 'gateway', gw, '-n', 'default', '--ignore-not-found', '-o', 'name'])).toBe('');
  } finally {
    cluster.kubectl(['delete', 'gateway', gw, '-n', 'default', '--ignore-not-found']);
    cluster.kubectl(['delete', 'httproute', route, '-n', 'default', '--ignore-not-found']);
  }
});

test('deleting a ReferenceGrant names the cross-namespace references it permitted', async ({ page, cluster }) => {
  const grant = uniqueName('del-grant');
  const route = uniqueName('cross');
  cluster.kubectl(
    ['apply', '-f', '-'],
    `${grantYaml(grant)}---\n${routeYaml(route, { parent: 'gateway', parentNamespace: 'istio-system', backendNamespace: 'istio-system' })}`,
  );
  try {
    await page.goto(`/reference-grants/istio-system/${grant}`);
    const del = new DeleteDialogPage(page);
    await del.open();
    await expect(del.affected).toContainText(
      `HTTPRoute default/${route}: backend Service istio-system/istio-ingressgateway is no longer permitted`,
    );
    await del.confirmButton('ReferenceGrant').click();
    await expect(page).toHaveURL(/\/reference-grants$/);
    await expect(new ResourceListPage(page, 'Reference grants').row(grant)).toHaveCount(0);
    expect(cluster.kubectl(['get', 'referencegrant', grant, '-n', 'istio-system', '--ignore-not-found', '-o', 'name'])).toBe('');
  } finally {
    cluster.kubectl(['delete', 'referencegrant', grant, '-n', 'istio-system', '--ignore-not-found']);
    cluster.kubectl(['delete', 'httproute', route, '-n', 'default', '--ignore-not-found']);
  }
});

test('deleting a route from its detail page removes it from the open list', async ({ page, cluster }) => {
  const route = uniqueName('del-route');
  cluster.kubectl(['apply', '-f', '-'], routeYaml(route, { parent: 'gateway', parentNamespace: 'istio-system' }));
  try {
    await page.goto(`/routes/http/default/${route}`);
    const del = new DeleteDialogPage(page);
    await del.open();
    await expect(del.affected).toContainText('Gateway istio-system/gateway: stops routing the requests this HTTPRoute matched');
    await del.confirmButton('HTTPRoute').click();
    await expect(page).toHaveURL(/\/routes$/);
    await expect(new ResourceListPage(page, 'HTTPRoutes').row(route)).toHaveCount(0);
  } finally {
    cluster.kubectl(['delete', 'httproute', route, '-n', 'default', '--ignore-not-found']);
  }
});

test('deleting a route from its row in the list keeps the filtered list open and removes the row', async ({ page, cluster }) => {
  const route = uniqueName('del-row');
  cluster.kubectl(['apply', '-f', '-'], routeYaml(route, { parent: 'gateway', parentNamespace: 'istio-system' }));
  try {
    const list = new ResourceListPage(page, 'HTTPRoutes');
    await list.open(`/routes?q=${route}`);
    await list
      .row(route)
      .getByRole('button', { name: `Delete HTTPRoute default/${route}` })
      .click();
    const del = new DeleteDialogPage(page);
    await expect(del.dialog).toHaveAccessibleName(`Delete HTTPRoute default/${route}?`);
    await expect(del.affected).toContainText('Gateway istio-system/gateway');
    await del.confirmButton('HTTPRoute').click();
    await expect(list.row(route)).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/routes\\?q=${route}$`));
    expect(cluster.kubectl(['get', 'httproute', route, '-n', 'default', '--ignore-not-found', '-o', 'name'])).toBe('');
  } finally {
    cluster.kubectl(['delete', 'httproute', route, '-n', 'default', '--ignore-not-found']);
  }
});

function gatewayYaml(name: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: default
spec:
  gatewayClassName: istio
  listeners:
    - name: http
      port: 8080
      protocol: HTTP
      hostname: '${name}.example.com'
`;
}

function routeYaml(name: string, p: { parent: string; parentNamespace?: string; backendNamespace?: string }): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: default
spec:
  parentRefs:
    - name: ${p.parent}
${p.parentNamespace ? `      namespace: ${p.parentNamespace}\n` : ''}  hostnames: ['${name}.example.com']
  rules:
    - backendRefs:
        - name: ${p.backendNamespace ? 'istio-ingressgateway' : 'httpbin'}
${p.backendNamespace ? `          namespace: ${p.backendNamespace}\n` : ''}          port: ${p.backendNamespace ? 80 : 8000}
`;
}

function grantYaml(name: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: ${name}
  namespace: istio-system
spec:
  from:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      namespace: default
  to:
    - group: ''
      kind: Service
`;
}
