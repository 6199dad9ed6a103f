/** The topology view pipeline: pure, isomorphic, each step unit-tested. */
export * from './types';
export { addUnattached } from './unattached';
export { filterModel, servesHost, noFilters, induced } from './filter';
export { collapseRules } from './collapse';
export { focusOn } from './focus';
export { adjacency, pathsThrough, reach, type Adjacency } from './graph-walk';
export { viewOf, type PipelineOptions } from './pipeline';
export { toElkGraph, flatFromElk, runLayout, layoutModel, ELK_NODE_LIMIT, type ElkLayouter } from './layout';
export { toLayoutInput, positionsOf, type LayoutInput } from './layout-input';
export { columnLayout } from './column-layout';
export { LayoutCache, structureKey } from './layout-cache';
export { NODE_WIDTH, nodeHeight, ruleLines, columnOf } from './node-size';
export { edgeCurve, type EdgeCurve } from './edge-curve';
export { readViewState, writeViewState, type TopologyViewState } from './view-state';
export { traceInputSchema, toHttpRequest, parseHeaderLines, type TraceInput, type TraceRequestResult } from './trace-request';
export { tracePath, type TracePath, type TraceHop } from './trace-path';
export { prepareLayout, DEFAULT_SLICE, type Pause, type PreparedLayout } from './prepare';
export { viewOfSliced, needsSlicing, SYNC_VIEW_LIMIT } from './pipeline';
export { pickRequest, concreteHost, type PickedRequest } from './pick-request';
export {
  scopeModel,
  scopeKey,
  scopeOptions,
  capByGateway,
  SERVER_SCOPE_LIMIT,
  SUMMARY_NODE_CAP,
  type TopologyScope,
} from './scope';
