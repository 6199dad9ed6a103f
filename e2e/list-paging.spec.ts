import { expect, test, uniqueName } from './fixtures';
import { ResourceListPage } from './pages/resource-list.page';

/**
 * Large lists are filtered, sorted and paged by the console server: the browser gets the rows it shows.
 * 250 routes in a namespace of their own span three windows of rows.
 */
const count = 250;

function routes(namespace: string, n = count): string {
  const docs = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n`];
  for (let i = 1; i <= n; i++)
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r-${i}
  namespace: ${namespace}
spec:
  hostnames: ['r${i}.paging.example.com']
  rules:
    - backendRefs:
        - name: httpbin
          port: 8000
`);
  return docs.join('---\n');
}

test.describe.serial('a list of many routes', () => {
  const ns = uniqueName('paging');
  test('is server-rendered, filtered, sorted and scrolled window by window', async ({ page, cluster, request }) => {
    test.setTimeout(90_000);
    cluster.kubectl(['apply', '-f', '-'], routes(ns));
    try {
      // The first window arrives with the page's HTML: rows paint before any script runs.
      const html = await (await request.get(`/routes?ns=${ns}`)).text();
      expect(html).toContain(`/routes/http/${ns}/r-1"`);
      expect(html).not.toContain(`/routes/http/${ns}/r-250"`);

      const list = new ResourceListPage(page, 'HTTPRoutes');
      await list.open(`/routes?ns=${ns}`);
      const counts = page.getByRole('search').getByRole('status');
      // "250 of N" (N counts every namespace), or "250 total" when no other route exists.
      await expect(counts).toHaveText(new RegExp(`^${count} (of \\d+|total)$`));
      await expect(list.table).toHaveAttribute('aria-rowcount', String(count + 1));
      // Names sort in numeric order (r-2 before r-10), and only the rows in view are in the DOM.
      await expect(list.table.getByRole('row').nth(2)).toContainText('r-2');
      await expect(list.row('r-250')).toHaveCount(0);

      // Scrolling to the end fetches the last window.
      await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect(list.row('r-250')).toBeVisible();
      await expect(list.table.locator('[aria-busy="true"]')).toHaveCount(0);

      // Sorting by name descending puts the last route first.
      await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = 0));
      await list.table.getByRole('button', { name: 'Name', exact: true }).click();
      await expect(list.table.getByRole('row').nth(1)).toContainText('r-250');
      await expect(page).toHaveURL(/dir=desc/);

      // The text filter runs on the server over every column; the URL keeps it.
      await list.filter.fill('r24');
      await expect(counts).toContainText('11 of');
      await expect(list.table).toHaveAttribute('aria-rowcount', '12');
      await expect(page).toHaveURL(/q=r24/);
      await list.filter.fill('no-such-route');
      await expect(page.getByText('No object matches the filters.')).toBeVisible();
      await list.filter.fill('');

      // A route deleted with kubectl leaves the open list without a reload.
      cluster.kubectl(['delete', 'httproute', 'r-250', '-n', ns]);
      await expect(counts).toHaveText(new RegExp(`^${count - 1} (of \\d+|total)$`), { timeout: 5_000 });
      await expect(list.row('r-250')).toHaveCount(0);
    } finally {
      // One deletecollection request rather than 250 deletes.
      cluster.kubectl(['delete', '--raw', `/apis/gateway.networking.k8s.io/v1/namespaces/${ns}/httproutes`]);
      cluster.kubectl(['delete', 'namespace', ns, '--ignore-not-found']);
    }
  });

  test('the rows API pages and refuses a bad window with a precise 400', async ({ request, cluster }) => {
    const bad = await request.get('/api/objects/HTTPRoute/rows?limit=501');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain('limit one from 0 to 500');
    expect((await request.get('/api/objects/HTTPRoute/rows?offset=-1')).status()).toBe(400);
    expect((await request.get('/api/objects/Secret/rows')).status()).toBe(404);

    const small = uniqueName('paging-api');
    cluster.kubectl(['apply', '-f', '-'], routes(small, 3));
    try {
      const rows = (q: string) => request.get(`/api/objects/HTTPRoute/rows?ns=${small}&${q}`).then((r) => r.json());
      await expect.poll(async () => (await rows('limit=0')).matched).toBe(3);
      const none = await rows('limit=0');
      expect(none.rows).toEqual([]);
      expect(none.total).toBeGreaterThanOrEqual(3);
      const keys = (page: { rows: Array<{ key: string }> }) => page.rows.map((r) => r.key);
      expect(keys(await rows('offset=0&limit=3'))).toEqual([`${small}/r-1`, `${small}/r-2`, `${small}/r-3`]);
      const window = await rows('offset=1&limit=1&dir=desc');
      expect(window.offset).toBe(1);
      expect(keys(window)).toEqual([`${small}/r-2`]);
      expect(keys(await rows('offset=5&limit=10'))).toEqual([]);
    } finally {
      cluster.kubectl(['delete', '--raw', `/apis/gateway.networking.k8s.io/v1/namespaces/${small}/httproutes`]);
      cluster.kubectl(['delete', 'namespace', small, '--ignore-not-found']);
    }
  });
});
