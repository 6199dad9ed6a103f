/**
 * The engine's verdict on one draft object, in sentences: "will attach to listener default of
 * istio-system/gateway" or "will be rejected: NoMatchingListenerHostname". Pure; the statuses
 * come from the engine (status is never re-derived here).
 */
import type { Attachment, ConditionChange, EngineStatus } from '@/lib/gateway-api';

/** One line of the prediction. */
export interface PredictionLine {
  tone: 'ok' | 'warning' | 'error';
  text: string;
}

/** Predicts what the controller will say about the draft `kind` `key` (namespace/name). */
export function predictionFor(kind: string, key: string, after: EngineStatus): PredictionLine[] {
  if (kind === 'Gateway') return gatewayLines(key, after);
  if (kind === 'HTTPRoute' || kind === 'GRPCRoute') return routeLines(kind, key, after);
  return [];
}

function gatewayLines(key: string, after: EngineStatus): PredictionLine[] {
  const st = after.gateways[key];
  if (!st)
    return [{ tone: 'warning', text: 'No controller will reconcile this Gateway (is its GatewayClass known to the cluster?).' }];
  const out: PredictionLine[] = [];
  for (const c of st.conditions ?? []) {
    if (c.type !== 'Accepted' && c.type !== 'Programmed') continue;
    out.push(
      c.status === 'True'
        ? { tone: 'ok', text: `Gateway will be ${c.type}.` }
        : { tone: 'error', text: `Gateway will not be ${c.type}: ${c.reason} — ${c.message}` },
    );
  }
  for (const l of st.listeners ?? []) {
    const bad = l.conditions.filter((c) => (c.type === 'Conflicted' ? c.status === 'True' : c.status === 'False'));
    out.push(
      bad.length === 0
        ? {
            tone: 'ok',
            text: `Listener ${l.name} will be accepted (${l.attachedRoutes} route${l.attachedRoutes === 1 ? '' : 's'} attached).`,
          }
        : {
            tone: 'error',
            text: `Listener ${l.name} will be rejected: ${bad.map((c) => `${c.reason} — ${c.message}`).join('; ')}`,
          },
    );
  }
  return out;
}

function routeLines(kind: string, key: string, after: EngineStatus): PredictionLine[] {
  const st = (kind === 'HTTPRoute' ? after.httpRoutes : after.grpcRoutes)[key];
  const attached = after.attachments.filter((a: Attachment) => a.routeKind === kind && a.route === key);
  const out: PredictionLine[] = attached.map((a) => ({
    tone: 'ok',
    text: `Will attach to listener ${a.listener} of ${a.gateway} (port ${a.port}${a.hostnames.length ? `, hosts ${a.hostnames.join(', ')}` : ', all hosts'}).`,
  }));
  for (const p of st?.parents ?? []) {
    const parent = `${p.parentRef.namespace ? `${p.parentRef.namespace}/` : ''}${p.parentRef.name}${p.parentRef.sectionName ? `#${p.parentRef.sectionName}` : ''}`;
    for (const c of p.conditions) {
      if (c.status !== 'False') continue;
      out.push({
        tone: c.type === 'Accepted' ? 'error' : 'warning',
        text: `${c.type === 'Accepted' ? `Will be rejected by ${parent}` : `${parent}: refs not resolved`}: ${c.reason} — ${c.message}`,
      });
    }
  }
  if (out.length === 0)
    out.push({ tone: 'warning', text: 'No parent will accept this route yet: add a parentRef to a Gateway.' });
  return out;
}

/**
 * What a ReferenceGrant changes: the route conditions it flips (typically ResolvedRefs
 * RefNotPermitted → True), from the engine's impact report of the draft.
 */
export function grantPrediction(changes: readonly ConditionChange[]): PredictionLine[] {
  const out: PredictionLine[] = changes
    .filter((c) => c.kind === 'HTTPRoute' || c.kind === 'GRPCRoute')
    .map((c) => ({
      tone: c.after?.status === 'True' ? 'ok' : 'warning',
      text: `${c.kind} ${c.object}: ${c.type} will become ${c.after?.status ?? 'unset'}${c.after ? ` (${c.after.reason})` : ''}${c.before ? `, was ${c.before.status} (${c.before.reason})` : ''}.`,
    }));
  if (out.length === 0)
    out.push({
      tone: 'warning',
      text: 'No route changes status with this grant (no route refers to these objects yet, or it is already permitted).',
    });
  return out;
}
