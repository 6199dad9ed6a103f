/**
 * Shapes of the topology view pipeline: the engine's model, extended with what
 * the view adds (unattached objects, collapsed rules), and the view state that
 * lives in the URL.
 */
import type { HttpRequestInput, NoMatchExplanation, RoutingDecision } from '@/lib/gateway-api/routing';
import type { TopologyEdge, TopologyModel, TopologyNode } from '@/lib/gateway-api/topology';
import type { TopologyScope } from './scope';

/** A node as the view draws it. */
export interface ViewNode extends TopologyNode {
  /** True for routes no Gateway takes and Services no route sends to: shown, not hidden. */
  unattached?: boolean;
  /** Collapsed view: the rule labels folded into this route node. */
  rules?: string[];
}

/** An edge as the view draws it. */
export interface ViewEdge extends TopologyEdge {
  /** Collapsed view: ids of the rule nodes this route → backend edge stands for. */
  via?: string[];
}

/** The graph the view filters, collapses, focuses and lays out. */
export interface ViewModel {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

/** Re-exported so callers need one import for the model types. */
export type { TopologyEdge, TopologyModel, TopologyNode };

/** Narrowing filters of the view; empty strings mean "no filter". */
export interface TopologyFilters {
  /** Namespace of routes, Gateways and Services to keep (with their paths). */
  namespace?: string;
  /** Gateway `namespace/name`: only this Gateway's entry points, listeners and downstream. */
  gateway?: string;
  /** A request host (`a.aliyun.com`) or pattern (`*.aliyun.com`): listeners and routes that serve it. */
  hostname?: string;
  /** Free text matched against labels, object keys and reasons. */
  text?: string;
}

/** Laid-out position of a node (top-left corner) and its size. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Positions by node id. */
export type Positions = Record<string, NodeBox>;

/** What GET /api/topology returns: the model of one context and the filter choices. */
export interface TopologyData {
  context: string;
  model: ViewModel;
  namespaces: string[];
  /** Gateway keys (`namespace/name`), for the Gateway filter. */
  gateways: string[];
  computedAt: string;
  /** How `model` relates to the whole topology; absent or `whole`: it is the whole model (see scope.ts). */
  scope?: TopologyScope;
}

/** What /api/trace returns: the request as the engine saw it, its decision and, without a match, why. */
export interface TraceResponse {
  request: HttpRequestInput;
  decision: RoutingDecision;
  noMatch?: NoMatchExplanation;
}
