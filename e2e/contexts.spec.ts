import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { dataDirs, expect, test, uniqueName } from './fixtures';
import { ContextPickerPage } from './pages/context-picker.page';
import { ResourceListPage } from './pages/resource-list.page';

// Both journeys change one kubeconfig file: run them in order, in one worker.
test.describe.configure({ mode: 'serial' });

const mainKubeconfig = path.join(dataDirs.main, 'kubeconfig');
const legacyKubeconfig = path.join(dataDirs.legacy, 'kubeconfig');
const legacy = 'e2e-legacy';
let original = '';
let mainContext = '';

interface Named {
  name: string;
  [k: string]: unknown;
}
interface Kubeconfig {
  clusters: Named[];
  users: Named[];
  contexts: Array<Named & { context: { cluster: string; user: string; namespace?: string } }>;
  'current-context': string;
}

const legacyKubectl = (args: string[], input?: string) =>
  execFileSync('kubectl', args, {
    env: { ...process.env, KUBECONFIG: legacyKubeconfig },
    input,
    encoding: 'utf8',
    stdio: 'pipe',
  });

// The console re-reads its kubeconfig when the file changes: adding the legacy cluster (the e2e server
// that acts like ASM 1.18) as a second context gives it a kubeconfig with two contexts, as a user's would be.
test.beforeAll(() => {
  original = readFileSync(mainKubeconfig, 'utf8');
  const main = parse(original) as Kubeconfig;
  const other = parse(readFileSync(legacyKubeconfig, 'utf8')) as Kubeconfig;
  mainContext = main['current-context'];
  const otherContext = other.contexts.find((c) => c.name === other['current-context'])!;
  main.clusters.push({ ...other.clusters.find((c) => c.name === otherContext.context.cluster)!, name: legacy });
  main.users.push({ ...other.users.find((u) => u.name === otherContext.context.user)!, name: legacy });
  main.contexts.push({ name: legacy, context: { cluster: legacy, user: legacy, namespace: 'default' } });
  writeFileSync(mainKubeconfig, stringify(main));
});

test.afterAll(() => {
  if (original) writeFileSync(mainKubeconfig, original);
});

test('switching context in the header keeps the page and shows the other cluster', async ({ page, cluster, browser }) => {
  const name = uniqueName('ctx');
  const legacyName = uniqueName('ctx-legacy');
  cluster.kubectl(['create', '-f', '-'], routeYaml(name));
  // The legacy cluster serves Gateway API v0.6.0: HTTPRoute v1beta1.
  legacyKubectl(['create', '-f', '-'], routeYaml(legacyName, 'v1beta1'));
  const picker = new ContextPickerPage(page);
  const routes = new ResourceListPage(page, 'HTTPRoutes');
  await routes.open('/routes');
  await expect(routes.row(name)).toBeVisible();
  await picker.expectCurrent(mainContext);

  await picker.button.click();
  await expect(picker.item(mainContext)).toHaveAttribute('aria-checked', 'true');
  await expect(picker.item(legacy)).toContainText(/· reachable/);
  await picker.item(legacy).click();
  await picker.expectCurrent(legacy);
  await expect(page).toHaveURL(/\/routes$/);
  // The list now shows the other cluster's objects: its own route, not this one.
  await expect(routes.row(legacyName)).toBeVisible();
  await expect(routes.row(name)).toHaveCount(0);
  legacyKubectl(['delete', 'httproute', legacyName, '-n', 'default']);

  // The choice belongs to this browser: another browser still starts on the kubeconfig's current context.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/routes');
  await new ContextPickerPage(otherPage).expectCurrent(mainContext);
  await other.close();

  // Keyboard only: open with ArrowDown (focus lands on the checked context), move, choose with Enter.
  await page.reload();
  await picker.expectCurrent(legacy);
  await picker.button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(picker.item(legacy)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(picker.item(mainContext)).toBeFocused();
  await page.keyboard.press('Enter');
  await picker.expectCurrent(mainContext);
  await expect(routes.row(name)).toBeVisible();
  await expect(page).toHaveURL(/\/routes$/);
  cluster.kubectl(['delete', 'httproute', name, '-n', 'default']);
});

test('a context cookie naming an unknown context is ignored by the server', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'portico-context', value: 'not-in-kubeconfig', url: baseURL! }]);
  await page.goto('/gateways');
  await new ContextPickerPage(page).expectCurrent(mainContext);
});

test('the same Gateway in two data-plane clusters is warned about', async ({ page, cluster }) => {
  const name = uniqueName('twice');
  const gateway = gatewayYaml(name);
  cluster.kubectl(['apply', '-f', '-'], gateway);
  legacyKubectl(['apply', '-f', '-'], gateway);
  try {
    const picker = new ContextPickerPage(page);
    await page.goto(`/gateways/default/${name}`);
    // One data plane (the default): no warning.
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(page.getByText(/the last applied overwrites the other/)).toHaveCount(0);

    await picker.setRoles(mainContext, [mainContext, legacy]);
    await expect(page.getByRole('alert').filter({ hasText: 'the last applied overwrites the other' })).toContainText(
      `Gateway default/${name} also exists in data-plane cluster ${legacy}`,
    );
    await page.goto('/');
    await expect(page.getByRole('main')).toContainText(`Gateway default/${name} also exists in data-plane cluster ${legacy}`);
  } finally {
    cluster.kubectl(['delete', 'gateway', name, '-n', 'default', '--ignore-not-found']);
    legacyKubectl(['delete', 'gateway', name, '-n', 'default', '--ignore-not-found']);
  }
});

function routeYaml(name: string, version = 'v1'): string {
  return `apiVersion: gateway.networking.k8s.io/${version}
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: default
spec:
  parentRefs:
    - name: gateway
      namespace: istio-system
  hostnames: ['${name}.example.com']
  rules:
    - backendRefs:
        - name: httpbin
          port: 8000
`;
}

// v1beta1: the one Gateway version both clusters serve (the legacy one has Gateway API v0.6.0).
function gatewayYaml(name: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1beta1
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
