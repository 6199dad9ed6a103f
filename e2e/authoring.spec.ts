import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, uniqueName, type Cluster } from './fixtures';
import { AuthoringPage } from './pages/authoring.page';
import { DetailPage } from './pages/detail.page';

const seedHttp = readFileSync(path.join(__dirname, 'manifests', 'gateway-http.yaml'), 'utf8');
const created: Array<[string, string, string]> = [];

function enableGatewayApi(cluster: Cluster): void {
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);
}

test.afterAll(async ({ cluster }) => {
  // Leave the shared cluster as other journeys expect it: only the seed objects stay.
  for (const [kind, ns, name] of created) cluster.kubectl(['delete', kind, name, '-n', ns, '--ignore-not-found']);
});

test('the seed HTTP Gateway and HTTPRoute created with the forms only are Accepted', async ({ page, cluster }) => {
  enableGatewayApi(cluster);
  const gw = uniqueName('gateway');
  const route = uniqueName('route');
  created.push(['httproute', 'default', route], ['gateway', 'istio-system', gw]);
  const a = new AuthoringPage(page);
  await a.open('/gateways/new');
  await page.getByLabel('Name', { exact: true }).fill(gw);
  await page.getByLabel('Ingress gateway address').fill('istio-ingressgateway.istio-system.svc.cluster.local');
  // Its own hostname under aliyun.com: the seed Gateway may hold *.aliyun.com:80 on the same ingress gateway.
  const listener = page.getByRole('group', { name: 'Listener 1' });
  await listener.getByLabel('Hostname').fill('*');
  await expect(listener.getByText('A wildcard (*) alone is not allowed')).toBeVisible();
  await listener.getByLabel('Hostname').fill(`*.${gw}.aliyun.com`);
  await listener.getByLabel('Port').fill('80');
  await listener.getByLabel('Allowed routes from').selectOption('All');
  await expect(a.prediction).toContainText('Listener default will be accepted');
  await a.dryRun();
  await expect(a.result(`Gateway istio-system/${gw}: created (dry run)`)).toBeVisible();
  await a.apply();
  await expect(a.result(`Gateway istio-system/${gw}: created`)).toBeVisible();

  await a.open('/routes/new');
  await page.getByLabel('Name', { exact: true }).fill(route);
  await page.getByLabel('Gateway', { exact: true }).selectOption(`istio-system/${gw}`);
  await page.getByLabel('Hostnames').fill('*.aliyun.com');
  const rule = page.getByRole('group', { name: 'Rule 1', exact: true });
  await rule.getByLabel('Path', { exact: true }).fill('/get');
  await rule.getByLabel('Service', { exact: true }).selectOption('default/httpbin');
  await rule.getByLabel('Service port').fill('8000');
  await expect(a.prediction).toContainText(`Will attach to listener default of istio-system/${gw}`);
  await a.dryRun();
  await expect(a.result(`HTTPRoute default/${route}: created (dry run)`)).toBeVisible();
  await expect(a.impact.getByRole('list', { name: 'Routes that attach' })).toContainText(`HTTPRoute default/${route}`);
  await a.apply();
  await expect(a.result(`HTTPRoute default/${route}: created`)).toBeVisible();

  const detail = new DetailPage(page);
  await page.goto(`/gateways/istio-system/${gw}`);
  await expect(detail.condition('Gateway', 'Accepted')).toContainText('True', { timeout: 10_000 });
  await page.goto(`/routes/http/default/${route}`);
  await expect(detail.condition(`parent istio-system/${gw}`, 'Accepted')).toContainText('True', { timeout: 10_000 });
});

test('the seed gateway-http.yaml pasted into the editor: dry run, diff, apply, results', async ({ page }) => {
  const a = new AuthoringPage(page);
  await a.open('/yaml');
  await a.paste(seedHttp);
  await a.dryRun();
  await expect(a.result(/^Gateway istio-system\/gateway: (created|configured|unchanged) \(dry run\)$/)).toBeVisible();
  await expect(a.result(/^HTTPRoute default\/http: (created|configured|unchanged) \(dry run\)$/)).toBeVisible();
  await a.results.getByRole('button', { name: 'Show diff' }).last().click();
  await expect(page.getByRole('region', { name: /Diff of HTTPRoute default\/http/ })).toBeVisible();
  await expect(a.impact).toBeVisible();
  await a.apply();
  await expect(a.result(/^Gateway istio-system\/gateway: (created|configured|unchanged)$/)).toBeVisible();
  await expect(a.result(/^HTTPRoute default\/http: (created|configured|unchanged)$/)).toBeVisible();
  // Applying the same text again changes nothing, as kubectl reports it.
  await a.dryRun();
  await expect(a.result('HTTPRoute default/http: unchanged (dry run)')).toBeVisible();
});

test('a listener hostname of * is refused by the API schema, shown at its line before applying', async ({ page }) => {
  const a = new AuthoringPage(page);
  await a.open('/yaml');
  const name = uniqueName('bad');
  const gateway = seedHttp.split('---')[0]!.replace('name: gateway', `name: ${name}`).replace("'*.aliyun.com'", "'*'");
  const line = gateway.split('\n').findIndex((l) => l.includes("hostname: '*'")) + 1;
  await a.paste(gateway);
  await a.dryRun();
  const doc = a.result(`Gateway istio-system/${name}: failed`);
  await expect(doc).toBeVisible();
  await expect(doc.getByRole('listitem')).toContainText(`Line ${line}:`);
  await expect(doc.getByRole('listitem')).toContainText('spec.listeners[0].hostname');
  await expect(a.applyButton).toBeDisabled();
});

test('editing one HTTPRoute in two tabs: the second save gets a conflict, not an overwrite', async ({
  page,
  context,
  cluster,
}) => {
  enableGatewayApi(cluster);
  const name = uniqueName('twotabs');
  created.push(['httproute', 'default', name]);
  cluster.kubectl(['apply', '-f', '-'], seedHttp.split('---')[1]!.replace('name: http', `name: ${name}`));
  const first = new AuthoringPage(page);
  const second = new AuthoringPage(await context.newPage());
  for (const tab of [first, second]) {
    await tab.open(`/routes/edit?namespace=default&name=${name}`);
    await expect(tab.page.getByRole('group', { name: 'Rule 1', exact: true }).getByLabel('Path', { exact: true })).toHaveValue(
      '/get',
    );
  }
  await first.page.getByRole('group', { name: 'Rule 1', exact: true }).getByLabel('Path', { exact: true }).fill('/anything');
  await first.dryRun();
  await first.apply();
  await expect(first.result(`HTTPRoute default/${name}: configured`)).toBeVisible();

  await second.page.getByRole('group', { name: 'Rule 1', exact: true }).getByLabel('Path', { exact: true }).fill('/headers');
  await second.dryRunButton.click();
  await expect(second.conflictDialog).toBeVisible({ timeout: 20_000 });
  await expect(second.conflictDialog).toContainText('changed since you loaded it');
  await second.conflictDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(second.applyButton).toBeDisabled();
  expect(
    cluster.kubectl(['get', 'httproute', name, '-n', 'default', '-o', 'jsonpath={.spec.rules[0].matches[0].path.value}']),
  ).toBe('/anything');
});

test('a reload mid-edit restores the draft until it is discarded', async ({ page }) => {
  const a = new AuthoringPage(page);
  await a.open('/yaml');
  const marker = uniqueName('draft');
  await a.paste(`# ${marker}\n${seedHttp}`);
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Draft restored' })).toBeVisible({ timeout: 20_000 });
  await expect(a.editor).toBeAttached({ timeout: 30_000 });
  await expect(page.getByText(marker)).toBeVisible();
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft restored' })).toHaveCount(0);
});
