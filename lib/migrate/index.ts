/**
 * Migration from Istio networking APIs to Gateway API: pure functions, usable in the browser
 * (live conversion as the user pastes) and on the server alike.
 */
import { newContext } from './context';
import { convertGateway } from './gateway';
import type {
  DestinationRule,
  IstioGateway,
  IstioObject,
  MigrationResult,
  MigrationTarget,
  ServiceInfo,
  VirtualService,
} from './types';
import { convertVirtualService } from './virtual-service';

export type * from './types';
export { parseIstioYaml, type ParsedIstio } from './parse';
export {
  compareTraffic,
  previewEngine,
  previewVerdicts,
  type MigrationPreview,
  type TrafficComparison,
  type TrafficSample,
  type Verdict,
} from './equivalence';
export { renderYaml } from './render';
export { targetFromSchemas } from './target';

/** Converts Istio objects for `target`; Gateways first, so routes can find their listeners. */
export function migrate(
  objects: readonly IstioObject[],
  target: MigrationTarget,
  services: readonly ServiceInfo[],
): MigrationResult {
  const rules = objects.filter((o): o is DestinationRule => o.kind === 'DestinationRule');
  const ctx = newContext(target, services, rules);
  for (const gw of objects.filter((o): o is IstioGateway => o.kind === 'Gateway')) convertGateway(ctx, gw);
  for (const vs of objects.filter((o): o is VirtualService => o.kind === 'VirtualService')) convertVirtualService(ctx, vs);
  return { objects: ctx.objects, findings: ctx.findings };
}
