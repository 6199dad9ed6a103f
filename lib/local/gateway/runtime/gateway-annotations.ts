/**
 * What the gateway runtime records on each Gateway (pure, no I/O): `portico.dev/local-ports`
 * (which listener ports are served on another local port) and `portico.dev/local-unprogrammed`
 * (which listeners the local data plane could not program, and why). Status conditions stay
 * the controller's; these annotations are how a local-only fact (a port taken by another
 * process, a certificate that will not load) reaches `kubectl describe` and the console.
 */
import { localPortsAnnotation, type ListenerStatus } from '../listener-set';
import type { ListenerId } from './serve-plan';

/** The port-mapping annotation key. */
export const LOCAL_PORTS_ANNOTATION = 'portico.dev/local-ports';

/** The annotation naming listeners left unprogrammed by the local data plane, with the reason. */
export const UNPROGRAMMED_ANNOTATION = 'portico.dev/local-unprogrammed';

/** A merge-patch of annotations: a string sets the value, null removes the key. */
export type AnnotationPatch = Record<string, string | null>;

/** What the annotations are computed from. */
export interface AnnotationInputs {
  /** Every port of the latest reconcile. */
  statuses: readonly ListenerStatus[];
  /** `address:port` → listeners (`namespace/name#listener`) served there. */
  listenersByPort: ReadonlyMap<string, ReadonlySet<ListenerId>>;
  /** Listeners taken out before binding (no usable certificate), with the reason. */
  failedListeners: ReadonlyMap<ListenerId, string>;
  /** Current annotations of every Gateway in the cache, by `namespace/name`. */
  current: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

const gatewayOf = (id: ListenerId): string => id.slice(0, id.indexOf('#'));
const listenerOf = (id: ListenerId): string => id.slice(id.indexOf('#') + 1);

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The annotation changes each Gateway needs, only where something differs from `current`.
 * A Gateway with at least one bound port gets its mapping (`80=10080`, or `""` when nothing is
 * remapped). One with none (no longer served, Gateway API switched off, every port taken) has a
 * stale mapping cleared to `""`, so nothing keeps sending traffic to a port that is not its own.
 * `local-unprogrammed` lists `listener: reason` pairs (`; `-separated) and is removed once all
 * listeners are served.
 */
export function annotationPatches(inputs: AnnotationInputs): Map<string, AnnotationPatch> {
  const bound = new Map<string, ListenerStatus[]>();
  const problems = new Map<string, string[]>();
  for (const s of inputs.statuses) {
    for (const id of inputs.listenersByPort.get(`${s.address}:${s.port}`) ?? []) {
      if (s.boundPort !== 0) push(bound, gatewayOf(id), s);
      if (!s.ready) push(problems, gatewayOf(id), `${listenerOf(id)}: ${s.errors.join('; ') || 'not served'}`);
    }
  }
  for (const [id, why] of inputs.failedListeners) push(problems, gatewayOf(id), `${listenerOf(id)}: ${why}`);

  const out = new Map<string, AnnotationPatch>();
  for (const [gw, annotations] of inputs.current) {
    const patch: AnnotationPatch = {};
    const statuses = bound.get(gw);
    const ports = statuses ? localPortsAnnotation(statuses) : undefined;
    const had = annotations[LOCAL_PORTS_ANNOTATION];
    if (ports !== undefined && had !== ports) patch[LOCAL_PORTS_ANNOTATION] = ports;
    else if (ports === undefined && had !== undefined && had !== '') patch[LOCAL_PORTS_ANNOTATION] = '';
    const reasons = problems.get(gw);
    const text = reasons ? [...new Set(reasons)].sort().join('; ') : undefined;
    const hadText = annotations[UNPROGRAMMED_ANNOTATION];
    if (text !== undefined && hadText !== text) patch[UNPROGRAMMED_ANNOTATION] = text;
    else if (text === undefined && hadText !== undefined) patch[UNPROGRAMMED_ANNOTATION] = null;
    if (Object.keys(patch).length > 0) out.set(gw, patch);
  }
  return out;
}
