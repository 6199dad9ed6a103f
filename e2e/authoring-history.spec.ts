import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, uniqueName, type Cluster } from './fixtures';
import { HistorySection } from './pages/authoring-history.page';
import { AuthoringPage } from './pages/authoring.page';

const seedRoute = readFileSync(path.join(__dirname, 'manifests', 'gateway-http.yaml'), 'utf8').split('---')[1]!;
const cleanup: string[][] = [];

function enableGatewayApi(cluster: Cluster): void {
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);
}

test.afterAll(async ({ cluster }) => {
  for (const args of cleanup) cluster.kubectl(['delete', ...args, '--ignore-not-found', '--wait=false']);
});

test('a cross-namespace backend offers a prefilled ReferenceGrant, created with the form', async ({ page, cluster }) => {
  enableGatewayApi(cluster);
  const ns = uniqueName('backends');
  cleanup.push(['namespace', ns]);
  cluster.kubectl(['create', 'namespace', ns]);
  cluster.kubectl(
    ['apply', '-f', '-'],
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: echo\n  namespace: ${ns}\nspec:\n  ports:\n  - port: 8000\n`,
  );
  const a = new AuthoringPage(page);
  await a.open('/routes/new');
  await page.getByLabel('Name', { exact: true }).fill(uniqueName('cross'));
  const rule = page.getByRole('group', { name: 'Rule 1', exact: true });
  await rule.getByLabel('Service', { exact: true }).selectOption(`${ns}/echo`);
  const hint = page.getByRole('status', { name: 'Missing ReferenceGrants' });
  await expect(hint).toContainText(`Service ${ns}/echo is in another namespace`);
  await hint.getByRole('link', { name: `Create ReferenceGrant for ${ns}/echo` }).click();

  // The grant's form, prefilled with exactly the reference the route needs.
  await expect(page.getByRole('heading', { name: 'New ReferenceGrant' })).toBeVisible();
  await expect(page.getByLabel('Namespace', { exact: true })).toHaveValue(ns);
  const from = page.getByRole('group', { name: 'From 1' });
  await expect(from.getByLabel('Referring kind')).toHaveValue('HTTPRoute');
  await expect(from.getByLabel('From namespace')).toHaveValue('default');
  const to = page.getByRole('group', { name: 'To 1' });
  await expect(to.getByLabel('Target kind')).toHaveValue('Service');
  await expect(to.getByLabel('Target name')).toHaveValue('echo');
  // Edit it with the form: a name of our own, and live validation on the way.
  const name = uniqueName('allow');
  await page.getByLabel('Name', { exact: true }).fill('Not_Valid');
  await expect(page.getByText("Name: lower case letters, digits, '-' and '.'")).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await a.dryRun();
  await expect(a.result(`ReferenceGrant ${ns}/${name}: created (dry run)`)).toBeVisible();
  await a.apply();
  await expect(a.result(`ReferenceGrant ${ns}/${name}: created`)).toBeVisible();
  const spec = JSON.parse(cluster.kubectl(['get', 'referencegrant', name, '-n', ns, '-o', 'jsonpath={.spec}'])) as unknown;
  expect(spec).toEqual({
    from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }],
    to: [{ group: '', kind: 'Service', name: 'echo' }],
  });

  // Back on the route form, the draft is restored and the grant now permits the backend.
  await a.open('/routes/new');
  await expect(page.getByRole('group', { name: 'Rule 1', exact: true }).getByLabel('Service', { exact: true })).toHaveValue(
    `${ns}/echo`,
  );
  await expect(page.getByRole('status', { name: 'Missing ReferenceGrants' })).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Discard draft' }).click();
});

test('an HTTPRoute rolled back to a previous revision through the normal apply flow', async ({ page, cluster }) => {
  enableGatewayApi(cluster);
  const name = uniqueName('rollback');
  cleanup.push(['httproute', name, '-n', 'default']);
  cluster.kubectl(['apply', '-f', '-'], seedRoute.replace('name: http', `name: ${name}`));
  const livePath = () =>
    cluster.kubectl(['get', 'httproute', name, '-n', 'default', '-o', 'jsonpath={.spec.rules[0].matches[0].path.value}']);
  const pathField = () => page.getByRole('group', { name: 'Rule 1', exact: true }).getByLabel('Path', { exact: true });

  // An edit through Portico records the version it replaces.
  const a = new AuthoringPage(page);
  await a.open(`/routes/edit?namespace=default&name=${name}`);
  await expect(pathField()).toHaveValue('/get');
  await pathField().fill('/anything');
  await a.dryRun();
  await a.apply();
  await expect(a.result(`HTTPRoute default/${name}: configured`)).toBeVisible();
  expect(livePath()).toBe('/anything');

  // The detail page lists it with its author and time, and diffs it against the live object.
  await page.goto(`/routes/http/default/${name}`);
  const history = new HistorySection(page);
  await expect(history.revision(1)).toContainText('via Portico');
  const diff = await history.showDiff(1);
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('/get', { timeout: 20_000 });

  // Roll back: the revision opens in the editor, is dry-run (diff, impact) and applied like any edit.
  await history.rollBack(1);
  await expect(page.getByRole('heading', { name: `Roll back HTTPRoute default/${name} to revision 1` })).toBeVisible();
  await expect(pathField()).toHaveValue('/get');
  await a.dryRun();
  await expect(a.result(`HTTPRoute default/${name}: configured (dry run)`)).toBeVisible();
  await expect(a.impact).toBeVisible();
  await a.apply();
  await expect(a.result(`HTTPRoute default/${name}: configured`)).toBeVisible();
  expect(livePath()).toBe('/get');

  // The rollback is itself recorded: the /anything version is now revision 2.
  await page.goto(`/routes/http/default/${name}`);
  await expect(history.revision(2)).toBeVisible();
});
