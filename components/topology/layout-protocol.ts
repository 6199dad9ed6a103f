/** Messages between the page and the layout worker (typed arrays are transferred, not copied). */
import type { LayoutInput } from '@/lib/topology/layout-input';

/** Page → worker: lay out this graph. */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

/** Worker → page: `[x, y, width, height]` per node in input order, which engine ran and how long it took; or why it failed. */
export type LayoutReply =
  { id: number; flat: Float64Array; engine: 'elk' | 'columns'; ms: number } | { id: number; error: string };
