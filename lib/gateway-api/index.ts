/**
 * Public API of the Gateway API engine (status, attachment, topology,
 * change impact, incremental engine). Routing lives in `./routing`.
 */
export * from './types';
export {
  computeStatus,
  evaluate,
  assembleStatus,
  countAttachments,
  routeEvalKey,
  type ComputeStatusOptions,
  type Evaluation,
} from './compute-status';
export type { StatusOptions, GatewayState } from './gateways';
export type { ListenerState, Problem } from './listeners';
export type { RouteEval } from './route-status';
export type { ParentResult } from './parent-refs';
export {
  GatewayClassReason,
  GatewayReason,
  ListenerReason,
  RouteReason,
  findCondition,
  finalizeConditions,
  type ConditionDraft,
} from './conditions';
export { hostnameCovers, intersectHostnames, hostnamePrecedence, listenerHostnameProblem } from './hostnames';
export { matchesLabelSelector, labelSelectorProblem } from './label-selector';
export { findReferenceGrant, indexReferenceGrants, type RefFrom, type RefTo, type ReferenceGrantIndex } from './reference-grants';
export { serviceKeyFromHostname, type AddressBinding } from './addresses';
export { TLS_SECRET_TYPE } from './certificates';
export { gatewayApiEnabled } from './mesh-config';
export {
  canonicalJson,
  statusEquals,
  statusDiff,
  mergeRouteStatus,
  gatewayClassStatusObject,
  gatewayStatusObject,
  httpRouteStatusObject,
  grpcRouteStatusObject,
  type StatusObject,
} from './status-objects';
export { snapshotFromYaml, addObject, toSecretSummary } from './snapshot-input';
export { Engine, type EngineOptions, type EngineChange } from './engine';
export { applyChange, type ProposedChange } from './apply-change';
export { changeImpact, type ImpactReport, type ImpactOptions, type HostnameImpact, type ConditionChange } from './impact';
export * from './topology';
