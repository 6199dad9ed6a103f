/** Topology model of the Gateway API engine. */
export * from './model';
export { buildTopology } from './build-topology';
export { httpRuleText, grpcRuleText, httpRuleSample, type RuleSample } from './match-text';
export { ids as topologyIds } from './gateway-nodes';
export { drawTopology } from './draw-topology';
export type { GraphSink } from './graph-builder';
