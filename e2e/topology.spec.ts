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
  await expect(page.getByRole('link', { name: 'Open in Verify' })).toHaveAttribute(
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

test('a pan released over the minimap moves the view by the drag; a click on the minimap centres the view there', async ({
  page,
}) => {
  const topology = new TopologyPage(page);
  await topology.open();
  await topology.settled();
  await expect(topology.minimap).toBeVisible();
  const start = await topology.drawnOffset();
  const pane = (await topology.graph.getByRole('application', { name: 'Topology graph' }).boundingBox())!;
  const map = (await topology.minimap.boundingBox())!;
  // From the canvas's middle to the minimap's: the drag passes over the map and is released on it.
  const from = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const to = { x: map.x + map.width / 2, y: map.y + map.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]x=/);
  const panned = topology.viewport();
  expect(Math.abs(panned.x - (start.x + to.x - from.x))).toBeLessThan(2);
  expect(Math.abs(panned.y - (start.y + to.y - from.y))).toBeLessThan(2);
  // A click near the map's top-left corner centres the canvas on the graph's top-left: the graph's origin then sits
  // about half a canvas right of and below the canvas's corner, at the same zoom.
  await page.mouse.click(map.x + 3, map.y + 3);
  await expect.poll(() => topology.viewport().x).not.toBe(panned.x);
  const centred = topology.viewport();
  expect(centred.zoom).toBe(panned.zoom);
  expect(centred.x).toBeGreaterThan(pane.width / 4);
  expect(centred.y).toBeGreaterThan(pane.height / 4);
});

test('Fit view shows the whole graph, as large as the canvas allows, and puts that view in the URL', async ({ page }) => {
  const topology = new TopologyPage(page);
  await topology.open('?zoom=2.5&x=-2000&y=-2000');
  await topology.settled();
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(page).not.toHaveURL(/[?&]zoom=2\.5(&|$)/);
  const pane = (await topology.graph.getByRole('application', { name: 'Topology graph' }).boundingBox())!;
  const boxes = await Promise.all(
    ['istio-system/gateway', 'HTTPRoute default/http', 'Service default/httpbin'].map((label) =>
      topology.node(label).boundingBox(),
    ),
  );
  for (const b of boxes) {
    expect(b).not.toBeNull();
    expect(b!.x).toBeGreaterThanOrEqual(pane.x);
    expect(b!.x + b!.width).toBeLessThanOrEqual(pane.x + pane.width);
  }
  // The seed graph fits at a readable zoom: fitted to the graph itself, not to anything drawn around it.
  expect(topology.viewport().zoom).toBeGreaterThan(0.3);
});

test('a rule picked on the graph fills the trace box, and the traced request is sent for real in one click', async ({
  page,
  cluster,
}) => {
  // A real request through the local data plane on a shared, loaded machine: more than the default minute.
  test.setTimeout(120_000);
  await expect
    .poll(() => cluster.kubectl(['get', 'gtw', 'gateway', '-n', 'istio-system', '-o', 'jsonpath={.status.addresses[0].value}']), {
      timeout: 10_000,
    })
    .not.toBe('');
  const topology = new TopologyPage(page);
  // Focused on route http, so other specs' routes with the same match text are not on the graph.
  await topology.open('?focus=route%3AHTTPRoute%3Adefault%2Fhttp');
  // Rule 0 of route http (PathPrefix /get → httpbin) on listener default (HTTP/80, *.aliyun.com).
  // The rule sits right of the initial viewport (readable zoom, anchored at the client's end), under the
  // side panel: the click is dispatched to the node itself, as a reader's click after panning would be.
  await topology.node('PathPrefix /get').dispatchEvent('click');
  await page.getByRole('button', { name: 'Fill the trace box with GET http://httpbin.aliyun.com/get' }).click();
  await expect(topology.requestUrl).toHaveValue('http://httpbin.aliyun.com/get');
  await expect(topology.requestUrl).toBeFocused();
  await page.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(topology.tracedPath.getByRole('listitem')).toHaveText([
    'Gateway istio-system/gateway',
    'Listener default',
    'HTTPRoute default/http',
    'Rule 0: PathPrefix /get',
    /^Service default\/httpbin:8000/,
  ]);

  await page.getByRole('button', { name: 'Send for real' }).click();
  const real = page.getByRole('status', { name: 'Real response' });
  await expect(real).toContainText('HTTP 200', { timeout: 30_000 });
  await expect(real).toContainText('as predicted');
});

test('a change that moves nothing (kubectl annotate) refreshes the open graph without a relayout jump', async ({
  page,
  cluster,
}) => {
  const topology = new TopologyPage(page);
  await topology.open();
  const nodes = ['istio-system/gateway', 'default HTTP/80 *.aliyun.com', 'HTTPRoute default/http', 'Service default/httpbin'];
  for (const n of nodes) await expect(topology.node(n)).toBeVisible();
  await topology.settled();
  const boxes = async () => Promise.all(nodes.map((n) => topology.node(n).boundingBox()));
  const before = await boxes();
  const refetched = page.waitForResponse((r) => r.url().includes('/api/topology') && r.ok(), { timeout: 10_000 });
  cluster.kubectl(['annotate', 'httproute', 'http', '-n', 'default', `portico.e2e/touched=${Date.now()}`, '--overwrite']);
  await refetched;
  // Give the sliced preparation and React a moment, then nothing may have moved.
  await page.waitForTimeout(500);
  expect(await boxes()).toEqual(before);
  await expect(page.getByRole('status').filter({ hasText: /nodes, .* edges/ })).not.toContainText('laying out');
});

test('Gateway and route detail pages embed their focused traffic paths, linking to the topology page', async ({ page }) => {
  await page.goto('/gateways/istio-system/gateway');
  const paths = page.getByRole('region', { name: 'Traffic paths graph' });
  await expect(paths.getByRole('group', { name: /^istio-system\/gateway,/ })).toBeVisible();
  await expect(paths.getByRole('group', { name: /^HTTPRoute default\/http,/ })).toBeVisible();
  // Another Gateway's route is not on this Gateway's paths.
  await expect(paths.getByRole('group', { name: /^HTTPRoute default\/httpbin-https,/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Open in topology' }).click();
  await expect(page).toHaveURL(/\/topology\?.*focus=gateway%3Aistio-system%2Fgateway/);
  const topology = new TopologyPage(page);
  await expect(topology.node('HTTPRoute default/http')).toBeVisible();
  await expect(topology.node('HTTPRoute default/httpbin-https')).toHaveCount(0);

  await page.goto('/routes/http/default/httpbin-https');
  const routePaths = page.getByRole('region', { name: 'Traffic paths graph' });
  await expect(routePaths.getByRole('group', { name: /^https HTTPS\/443/ })).toBeVisible();
  await expect(routePaths.getByRole('group', { name: /^Service default\/httpbin,/ })).toBeVisible();
  await expect(routePaths.getByRole('group', { name: /^HTTPRoute default\/http,/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in topology' })).toHaveAttribute(
    'href',
    '/topology?focus=route%3AHTTPRoute%3Adefault%2Fhttpbin-https',
  );
});
