/** Messages between the page and the layout worker. */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Positions } from '@/lib/topology/types';

/** Page → worker: lay out this graph. */
export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}

/** Worker → page: the boxes (and how long ELK took), or why it failed. */
export type LayoutReply = { id: number; positions: Positions; ms: number } | { id: number; error: string };
