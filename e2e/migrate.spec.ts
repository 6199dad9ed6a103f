import { expect, test, uniqueName } from './fixtures';
import { AuthoringPage } from './pages/authoring.page';
import { MigratePage } from './pages/migrate.page';
import { VerifyPage } from './pages/verify.page';

/**
 * Istio's httpbin ingress sample, with names unique to this run; its paths (/anything, /headers)
 * are not the seed routes' (/get, /status), so other specs reading the shared cluster are not confused.
 */
function istioHttpbin(name: string, host: string): string {
  return `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: ${name}
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "${host}"
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
spec:
  hosts:
  - "${host}"
  gateways:
  - ${name}
  http:
  - match:
    - uri:
        prefix: /anything
    - uri:
        prefix: /headers
    route:
    - destination:
        port:
          number: 8000
        host: httpbin
    fault:
      delay:
        percentage:
          value: 10
        fixedDelay: 5s
`;
}

test('migrate an Istio Gateway + VirtualService for httpbin, apply, and verify the route with one click', async ({
  page,
  cluster,
}) => {
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);
  const name = uniqueName('mig');
  const host = `${name}.example.com`;
  const migrate = new MigratePage(page);
  await migrate.open();
  const istio = istioHttpbin(name, host);
  await migrate.paste(istio);

  // Bound to the seed's pre-deployed ingress gateway through spec.addresses, the ASM way.
  await expect(migrate.output).toContainText('kind: Gateway');
  await expect(migrate.output).toContainText('value: istio-ingressgateway.istio-system.svc.cluster.local');
  await expect(migrate.output).toContainText('kind: HTTPRoute');
  // The fault cannot be carried over: a warning on its own line of the input.
  const faultLine = istio.split('\n').findIndex((l) => l.trim() === 'fault:') + 1;
  const fault = migrate.findings.getByRole('row', { name: /fault injection/ });
  await expect(fault).toContainText('warning');
  await expect(fault.getByRole('button', { name: String(faultLine) })).toBeVisible();
  await expect(migrate.verdict).toContainText(`HTTPRoute default/${name}: Accepted by default/${name} listener http`);
  await expect(page.getByRole('status').filter({ hasText: 'sample requests' })).toContainText(
    /^\d+ of \d+ sample requests would go somewhere else/,
  );
  await expect(
    migrate.traffic.getByRole('row', { name: new RegExp(`GET ${host.replace(/\./g, '\\.')}/anything `) }).first(),
  ).toContainText('yes');

  await migrate.reviewAndApply();
  const authoring = new AuthoringPage(page);
  await authoring.dryRun();
  await expect(authoring.result(`Gateway default/${name}: created (dry run)`)).toBeVisible();
  await authoring.apply();
  await expect(authoring.result(`HTTPRoute default/${name}: created`)).toBeVisible();
  expect(cluster.kubectl(['get', 'httproute', name, '-n', 'default', '-o', 'jsonpath={.spec.hostnames[0]}'])).toBe(host);

  // One click: the route's Verify link, then Send.
  await expect
    .poll(
      () =>
        cluster.kubectl(['get', 'httproute', name, '-n', 'default', '-o', 'jsonpath={.status.parents[0].conditions[0].status}']),
      {
        timeout: 10_000,
      },
    )
    .toBe('True');
  await page.goto(`/routes/http/default/${name}`);
  await page.getByRole('navigation', { name: 'Verify' }).getByRole('link', { name: 'Verify' }).first().click();
  const verify = new VerifyPage(page);
  await expect(verify.field('Host')).toHaveValue(host);
  await verify.send();
  await expect(verify.statusLine).toContainText('200');
  await expect(verify.expectation).toContainText('As expected');
});
