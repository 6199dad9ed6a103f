import path from 'node:path';
import { expect, test, uniqueName, type Cluster } from './fixtures';
import { TopologyPage } from './pages/topology.page';

const manifests = path.join(__dirname, 'manifests');

/** The walkthrough's HTTP and HTTPS setup with Gateway API enabled; idempotent, so spec order never matters. */
function seedSetup(cluster: Cluster) {
  cluster.kubectl(['apply', '-f', path.join(manifests, 'gateway-http.yaml'), '-f', path.join(manifests, 'gateway-https.yaml')]);
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);
}

function routeYaml(name: string, hostname: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: default
spec:
  parentRefs:
  - name: gateway
    namespace: istio-system
  hostnames: ["${hostname}"]
  rules:
  - backendRefs:
    - name: httpbin
      port: 8000
`;
}

test.beforeEach(({ cluster }) => seedSetup(cluster));

test('the seed setup draws gateway, listener default, route http and service httpbin, in the graph and the table', async ({
  page,
}) => {
  const topology = new TopologyPage(page);
  await topology.open();
  await expect(topology.node('istio-system/gateway')).toBeVisible();
  await expect(topology.node('default HTTP/80 *.aliyun.com')).toBeVisible();
  await expect(topology.node('HTTPRoute default/http')).toBeVisible();
  await expect(topology.node('Service default/httpbin')).toBeVisible();
  await expect(topology.node('HTTPRoute default/httpbin-https')).toBeVisible();
  // React Flow nodes carry their text, not only an accessible name.
  await expect(topology.node('HTTPRoute default/http')).toContainText('default/http');
  await expect(
    topology.edge(/^attachment edge listener:istio-system\/gateway#default to route:HTTPRoute:default\/http, ok/),
  ).toHaveCount(1);

  await topology.showTab('Table');
  await expect(page).toHaveURL(/tab=table/);
  await expect(topology.nodeRow('Gateway', 'istio-system/gateway')).toContainText('ok');
  await expect(topology.nodeRow('Listener', 'default HTTP/80 *.aliyun.com')).toBeVisible();
  await expect(topology.nodeRow('HTTPRoute', 'default/http')).toBeVisible();
  await expect(topology.nodeRow('Service', 'default/httpbin')).toContainText('endpoints: 1');
  await expect(
    topology.edgesTable
      .getByRole('row')
      .filter({ hasText: 'Rule PathPrefix /get' })
      .filter({ hasText: 'Service default/httpbin' }),
  ).toContainText('port 8000, weight 1');
});

test('a route whose hostname no listener serves shows as rejected with NoMatchingListenerHostname', async ({ page, cluster }) => {
  const name = uniqueName('wrong-host');
  cluster.kubectl(['create', '-f', '-'], routeYaml(name, 'foo.example.com'));
  try {
    const topology = new TopologyPage(page);
    await topology.open(`?q=${name}`);
    const node = topology.node(`HTTPRoute default/${name}`);
    await expect(node).toBeVisible();
    await expect(node).toHaveAccessibleName(/, error: Accepted: NoMatchingListenerHostname/);
    // The dashed edge to the Gateway that refused it, labelled with the reason.
    const rejected = topology.edge(
      new RegExp(
        `^rejected edge gateway:istio-system/gateway to route:HTTPRoute:default/${name}, error: NoMatchingListenerHostname`,
      ),
    );
    await expect(rejected).toHaveCount(1);
    await expect(topology.graph.getByText('NoMatchingListenerHostname', { exact: true })).toBeVisible();

    await node.click();
    await expect(page).toHaveURL(/sel=route%3AHTTPRoute%3Adefault%2F/);
    const details = page.getByRole('region', { name: 'Selected node' });
    await expect(details).toContainText('NoMatchingListenerHostname');
    await expect(details.getByRole('link', { name: 'Open details' })).toHaveAttribute('href', `/routes/http/default/${name}`);

    await topology.showTab('Table');
    await expect(topology.nodeRow('HTTPRoute', `default/${name}`)).toContainText('error');
    await expect(
      topology.edgesTable
        .getByRole('row')
        .filter({ hasText: `HTTPRoute default/${name}` })
        .filter({ hasText: 'rejected' }),
    ).toContainText('NoMatchingListenerHostname');
  } finally {
    cluster.kubectl(['delete', 'httproute', name, '-n', 'default', '--ignore-not-found']);
  }
});

test('tracing http://httpbin.aliyun.com/get highlights gateway → listener default → route http → httpbin', async ({ page }) => {
  const topology = new TopologyPage(page);
  await topology.open();
  await topology.trace('http://httpbin.aliyun.com/get');
  await expect(page).toHaveURL(/trace=http%3A%2F%2Fhttpbin\.aliyun\.com%2Fget/);
  const hops = topology.tracedPath.getByRole('listitem');
  await expect(hops).toHaveText([
    'Gateway istio-system/gateway',
    'Listener default',
    'HTTPRoute default/http',
    'Rule 0: PathPrefix /get',
    /^Service default\/httpbin:8000/,
  ]);
  await expect(page.getByRole('link', { name: 'Send for real' })).toHaveAttribute(
    'href',
    `/verify?url=${encodeURIComponent('http://httpbin.aliyun.com/get')}`,
  );
  await expect(
    topology.edge(
      /^attachment edge listener:istio-system\/gateway#default to route:HTTPRoute:default\/http, ok, on traced path$/,
    ),
  ).toHaveCount(1);
  await expect(
    topology.edge(/^backend edge rule:HTTPRoute:default\/http#0 to service:default\/httpbin, ok, on traced path$/),
  ).toHaveCount(1);

  // A request no rule matches stops at the listener, with the closest candidates.
  await topology.trace('http://httpbin.aliyun.com/nothing-here');
  await expect(topology.tracedPath.getByRole('listitem').last()).toContainText('Stops with HTTP 404');
  await expect(page.getByRole('list', { name: 'Closest candidates' })).toContainText('HTTPRoute default/http');
});

test('a route created with kubectl appears on the open graph without reload, and goes when deleted', async ({
  page,
  cluster,
}) => {
  const topology = new TopologyPage(page);
  await topology.open();
  await expect(topology.node('HTTPRoute default/http')).toBeVisible();
  const name = uniqueName('live-topo');
  cluster.kubectl(['create', '-f', '-'], routeYaml(name, `${name}.aliyun.com`));
  try {
    await expect(topology.node(`HTTPRoute default/${name}`)).toBeVisible({ timeout: 5_000 });
    await expect(topology.node(`HTTPRoute default/${name}`)).toHaveAccessibleName(/, ok$/);
  } finally {
    cluster.kubectl(['delete', 'httproute', name, '-n', 'default', '--ignore-not-found']);
  }
  await expect(topology.node(`HTTPRoute default/${name}`)).toHaveCount(0, { timeout: 5_000 });
});

test('filters, focus and zoom live in the URL, so a view can be shared', async ({ page }) => {
  const topology = new TopologyPage(page);
  await topology.open('?focus=route%3AHTTPRoute%3Adefault%2Fhttpbin-https&zoom=0.8&x=10&y=20');
  await expect(topology.node('HTTPRoute default/httpbin-https')).toBeVisible();
  await expect(topology.node('istio-system/gateway-https')).toBeVisible();
  await expect(topology.node('HTTPRoute default/http')).toHaveCount(0);
  await expect(page.getByText(/zoom 80%/)).toBeVisible();
  await page.getByRole('button', { name: 'Clear focus' }).first().click();
  await expect(topology.node('HTTPRoute default/http')).toBeVisible();
  await page.getByRole('combobox', { name: 'Gateway', exact: true }).selectOption('istio-system/gateway');
  await expect(page).toHaveURL(/gw=istio-system%2Fgateway(&|$)/);
  await expect(topology.node('HTTPRoute default/httpbin-https')).toHaveCount(0);
});
