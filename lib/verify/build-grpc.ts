/**
 * The request parts of a GRPCRoute match: `POST /{service}/{method}` over HTTP/2
 * with gRPC's content type. Pure.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#grpcroutematch
 */
import type { GRPCRouteMatch } from '@/lib/gateway-api/types';
import { valueFor } from './match-values';
import { sampleForRegex } from '@/lib/gateway-api/routing/regex-sample';
import type { NeedsInput } from './types';

function part(which: 'service' | 'method', m: GRPCRouteMatch, needs: NeedsInput[]): string {
  const v = m.method?.[which];
  if (v === undefined) {
    // Spec (GRPCMethodMatch): an omitted service or method matches all; the user names one.
    needs.push({ field: 'path', reason: `the match accepts any gRPC ${which}: enter one` });
    return which === 'service' ? 'grpc.health.v1.Health' : 'Check';
  }
  if ((m.method?.type ?? 'Exact') === 'Exact') return v;
  const s = sampleForRegex(v);
  if (s !== null) return s;
  needs.push({ field: 'path', reason: `regular expression ${v} for the gRPC ${which} is too complex to sample` });
  return v;
}

/** Method, path, headers for one GRPCRoute match (empty match = any call). */
export function grpcParts(m: GRPCRouteMatch, notes: string[], needs: NeedsInput[]) {
  const headers: Record<string, string> = { 'content-type': 'application/grpc', te: 'trailers' };
  for (const h of m.headers ?? []) {
    const v = valueFor('header', h);
    if (v.needs) needs.push(v.needs);
    headers[h.name] = v.value;
  }
  const path = `/${part('service', m, needs)}/${part('method', m, needs)}`;
  notes.push('gRPC call sent with an empty message over HTTP/2: the status comes in grpc-status');
  return { method: 'POST', path, headers, http2: true };
}
