import { expect, type Locator, type Page } from '@playwright/test';

/** The Topology page: the graph (React Flow nodes are groups named by label and health), its table view and the trace box. */
export class TopologyPage {
  readonly graph: Locator;
  readonly nodesTable: Locator;
  readonly edgesTable: Locator;
  readonly tracedPath: Locator;
  readonly requestUrl: Locator;
  readonly minimap: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByRole('tabpanel', { name: 'Graph' });
    this.nodesTable = page.getByRole('table', { name: /^Nodes/ });
    this.edgesTable = page.getByRole('table', { name: /^Edges/ });
    this.tracedPath = page.getByRole('list', { name: 'Traced path' });
    this.requestUrl = page.getByRole('textbox', { name: 'Request URL' });
    this.minimap = page.getByRole('img', { name: /^Minimap of the graph/ });
  }

  /** Where the drawn graph's origin sits on the canvas (React Flow's viewport transform), before any move is in the URL. */
  async drawnOffset(): Promise<{ x: number; y: number }> {
    const transform = await this.graph.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
    if (!m) throw new Error(`the graph's viewport has no translation: ${transform}`);
    return { x: Number(m[1]), y: Number(m[2]) };
  }

  /** The viewport the URL holds (zoom and top-left offset), once the reader moved the view. */
  viewport(): { zoom: number; x: number; y: number } {
    const q = new URL(this.page.url()).searchParams;
    return { zoom: Number(q.get('zoom')), x: Number(q.get('x')), y: Number(q.get('y')) };
  }

  async open(query = '') {
    await this.page.goto(`/topology${query}`);
    await expect(this.page.getByRole('heading', { name: 'Topology', level: 1 })).toBeVisible();
  }

  /**
   * Waits for the final layout: a first view is drawn at once with the column layout and then settles
   * (animated, with the viewport refitted) into ELK's layout, so boxes move until then.
   */
  async settled() {
    await expect(this.page.getByRole('status').filter({ hasText: /nodes, .* edges/ })).not.toContainText('laying out', {
      timeout: 30_000,
    });
    // The settle animation and the refit run 240 ms.
    await this.page.waitForTimeout(400);
  }

  /** A drawn node, by the start of its label (e.g. `HTTPRoute default/http`). */
  node(label: string): Locator {
    return this.graph.getByRole('group', { name: new RegExp(`^${escape(label)},`) });
  }

  /** A drawn edge, by words of its accessible description (kind, ends, health, reason). */
  edge(description: RegExp): Locator {
    return this.graph.getByRole('img', { name: description });
  }

  async showTab(name: 'Graph' | 'Table') {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  /** A row of the Nodes table, by the object's name. */
  nodeRow(kind: string, name: string): Locator {
    return this.nodesTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) })
      .filter({ hasText: kind });
  }

  async trace(url: string) {
    await this.requestUrl.fill(url);
    await this.page.getByRole('button', { name: 'Trace', exact: true }).click();
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
