/** Messages between the page and the layout workers (typed arrays are transferred, not copied). */
import type { LayoutInput } from '@/lib/topology/layout-input';

/** Which layout ran: ELK layered (small graphs) or the linear column layout (large ones). */
export type LayoutEngine = 'elk' | 'columns';

/** Page → worker: lay out this graph. */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

/** Worker → page: `[x, y, width, height]` per node in input order, which engine ran and how long it took; or why it failed. */
export type LayoutReply = { id: number; flat: Float64Array; engine: LayoutEngine; ms: number } | { id: number; error: string };
