/**
 * Routing decisions of the Gateway API engine: which listener, route rule,
 * filters and backend a conformant gateway applies to a request.
 *
 * Usage: `const table = compileRoutes(snapshot, computeStatus(snapshot, opts))`
 * once per snapshot, then `routeHttp(table, request)` per request.
 */
export { compileRoutes, type RoutingStatusInput } from './compile';
export { routeHttp, type RouteOptions } from './route-http';
export { routeGrpc } from './route-grpc';
export { explainNoMatch, type NearMiss, type NoMatchExplanation } from './explain';
export { applyHeaderOps } from './headers';
export { replacePrefix, redirectLocation } from './path-modifier';
export { hostnameMatches, normalizeHost } from './hostname';
export { parseDuration } from './duration';
export { sampleForRegex } from './regex-sample';
export type { RouteTable } from './table';
export type {
  BackendTarget,
  CorsDecision,
  ExplanationStep,
  GrpcRequestInput,
  HeaderBag,
  HeaderOp,
  HttpRequestInput,
  MirrorDecision,
  RetryDecision,
  RoutingDecision,
  WeightedAlternative,
} from './types';
