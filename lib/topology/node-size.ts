/**
 * Node sizes and graph columns, shared by the layout input, the drawn
 * nodes and the SVG export so all three agree on every box.
 */
import type { ViewNode } from './types';

/** Width of every node box, in px; labels longer than this are clipped with an ellipsis. */
export const NODE_WIDTH = 232;
const BASE_HEIGHT = 58;
const RULE_LINE = 16;
const MAX_RULE_LINES = 3;

/** Height of a node: collapsed routes grow one line per rule (at most three, then "+N more"). */
export function nodeHeight(n: ViewNode): number {
  const lines = n.rules ? Math.min(n.rules.length, MAX_RULE_LINES + 1) : 0;
  return BASE_HEIGHT + lines * RULE_LINE;
}

/** Rule lines a collapsed route shows, with a "+N more" line when it has more. */
export function ruleLines(n: ViewNode): string[] {
  const rules = n.rules ?? [];
  if (rules.length <= MAX_RULE_LINES + 1) return rules;
  return [...rules.slice(0, MAX_RULE_LINES), `+${rules.length - MAX_RULE_LINES} more`];
}

/**
 * Column of a node, client on the left: entry, Gateway, listener, route,
 * rule, backend. A missing parent (it has edges out) sits with Gateways, a
 * missing backend with Services.
 */
export function columnOf(n: ViewNode, hasOutgoing: boolean): number {
  switch (n.kind) {
    case 'entry':
      return 0;
    case 'gateway':
      return 1;
    case 'listener':
      return 2;
    case 'route':
      return 3;
    case 'rule':
      return 4;
    case 'service':
      return 5;
    case 'missing':
      return hasOutgoing ? 1 : 5;
  }
}
