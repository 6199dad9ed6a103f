/**
 * TLS certificate references of a listener.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gatewaytlsconfig
 */
import { ListenerReason } from './conditions';
import { findReferenceGrant } from './reference-grants';
import type { SnapshotIndex } from './snapshot-index';
import type { Gateway, Listener } from './types';
import { GATEWAY_GROUP } from './types';

/** Secret type the spec requires for certificateRefs (core support). */
export const TLS_SECRET_TYPE = 'kubernetes.io/tls';

/**
 * The first problem among a listener's certificateRefs, or undefined when all
 * resolve. Spec: a ref to an unsupported kind, a missing or malformed Secret is
 * `InvalidCertificateRef`; a cross-namespace ref without a ReferenceGrant is
 * `RefNotPermitted`. The Secret must be `kubernetes.io/tls` with `tls.crt` and
 * `tls.key` keys.
 */
export function checkCertificateRefs(
  gw: Gateway,
  l: Listener,
  index: SnapshotIndex,
): { reason: string; message: string } | undefined {
  const refs = l.tls?.certificateRefs ?? [];
  const gwNs = gw.metadata.namespace ?? '';
  if (refs.length === 0) {
    return {
      reason: ListenerReason.InvalidCertificateRef,
      message: `listener "${l.name}" terminates TLS but has no tls.certificateRefs`,
    };
  }
  for (const ref of refs) {
    const group = ref.group ?? '';
    const kind = ref.kind ?? 'Secret';
    const ns = ref.namespace ?? gwNs;
    const key = `${ns}/${ref.name}`;
    if (group !== '' || kind !== 'Secret') {
      return {
        reason: ListenerReason.InvalidCertificateRef,
        message: `certificateRef ${group || 'core'}/${kind} ${key}: only core Secrets are supported`,
      };
    }
    const grant = findReferenceGrant(
      index.grants,
      { group: GATEWAY_GROUP, kind: 'Gateway', namespace: gwNs },
      { group: '', kind: 'Secret', namespace: ns, name: ref.name },
    );
    if (!grant) {
      return {
        reason: ListenerReason.RefNotPermitted,
        message: `certificateRef to Secret ${key} in another namespace is not permitted: add a ReferenceGrant in namespace ${ns} from Gateways in ${gwNs}`,
      };
    }
    const secret = index.secrets.get(key);
    if (!secret) return { reason: ListenerReason.InvalidCertificateRef, message: `Secret ${key} not found` };
    if (secret.type !== TLS_SECRET_TYPE) {
      return {
        reason: ListenerReason.InvalidCertificateRef,
        message: `Secret ${key} has type "${secret.type}", expected ${TLS_SECRET_TYPE}`,
      };
    }
    const missing = ['tls.crt', 'tls.key'].filter((k) => !secret.keys.includes(k));
    if (missing.length > 0) {
      return { reason: ListenerReason.InvalidCertificateRef, message: `Secret ${key} lacks ${missing.join(' and ')}` };
    }
  }
  return undefined;
}
