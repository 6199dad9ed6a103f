/**
 * The CRDs the local cluster starts with: one Gateway API bundle (standard channel) and the
 * ASM control-plane CRD.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { JsonObject } from '../apiserver/types';

/** Gateway API bundles shipped in lib/local/crds/gateway-api. */
export const GATEWAY_API_BUNDLES = ['v0.6.0', 'v1.1.0', 'v1.6.1'] as const;
/** The default bundle: ASM 1.22 and later (v1 plus GRPCRoute). */
export const DEFAULT_GATEWAY_API_VERSION = 'v1.1.0';

const CRD_ROOT = path.resolve(__dirname, '..', 'crds');

function crdsIn(file: string): JsonObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJSON() as unknown)
    .filter((d): d is JsonObject => typeof d === 'object' && d !== null && (d as JsonObject).kind === 'CustomResourceDefinition');
}

/**
 * The standard-channel CRDs of a bundle (non-CRD files such as the v1.6 safe-upgrade admission
 * policy are skipped; v0.6.0's GRPCRoute is experimental-only, so it is not installed).
 */
export function gatewayApiCrds(version: string = DEFAULT_GATEWAY_API_VERSION): JsonObject[] {
  if (!(GATEWAY_API_BUNDLES as readonly string[]).includes(version)) {
    throw new Error(`Unknown Gateway API bundle ${version}; expected one of ${GATEWAY_API_BUNDLES.join(', ')}`);
  }
  const dir = path.join(CRD_ROOT, 'gateway-api', version);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.includes('vap_safeupgrades'))
    .sort()
    .flatMap((f) => crdsIn(path.join(dir, f)));
}

/** The ASMMeshConfig CRD (istio.alibabacloud.com/v1beta1, cluster-scoped). */
export function asmCrds(): JsonObject[] {
  return crdsIn(path.join(CRD_ROOT, 'asm', 'asmmeshconfigs.yaml'));
}

/** Istio's networking CRDs (Gateway, VirtualService, DestinationRule), installed on request for migrations. */
export function istioCrds(): JsonObject[] {
  return crdsIn(path.join(CRD_ROOT, 'istio', 'networking.yaml'));
}
