/**
 * Redaction of Secrets before they reach a page, an API response, the YAML view or a log.
 */
import 'server-only';
import type { SecretLike } from './secret';

/** Data keys of a TLS Secret that are public certificates and may be shown as they are. */
export const PUBLIC_SECRET_KEYS: readonly string[] = ['tls.crt', 'ca.crt'];

/** kubectl's client-side apply copy of the whole object, Secret data included. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The placeholder shown instead of a secret value. */
export function redactedValue(bytes: number): string {
  return `<redacted: ${bytes} bytes>`;
}

function redactMap(map: Record<string, string> | undefined, size: (v: string) => number): Record<string, string> | undefined {
  if (!map || typeof map !== 'object') return map;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    // tls.key is never in PUBLIC_SECRET_KEYS; everything unknown is treated as secret.
    out[k] = PUBLIC_SECRET_KEYS.includes(k) ? v : redactedValue(typeof v === 'string' ? size(v) : 0);
  }
  return out;
}

function redactFields<T extends SecretLike>(secret: T): T {
  const copy = { ...secret };
  if (copy.data) copy.data = redactMap(copy.data, (v) => Buffer.from(v, 'base64').length);
  if (copy.stringData) copy.stringData = redactMap(copy.stringData, (v) => Buffer.byteLength(v, 'utf8'));
  return copy;
}

function redactLastApplied(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return JSON.stringify(redactFields(parsed as SecretLike));
    }
  } catch {
    // Not JSON: fall through and hide it whole rather than guess which part is secret.
  }
  return redactedValue(Buffer.byteLength(text, 'utf8'));
}

/**
 * Returns a deep copy of `secret` safe to show: every `data` and `stringData` value replaced by
 * `<redacted: N bytes>` (N = decoded size) except the public `tls.crt` and `ca.crt`; `tls.key`
 * is always redacted. The `last-applied-configuration` annotation, which repeats the data, is
 * redacted the same way.
 */
export function redactSecret<T extends SecretLike>(secret: T): T {
  const copy = redactFields(structuredClone(secret));
  const annotations = copy.metadata?.annotations;
  if (copy.metadata && annotations && typeof annotations[LAST_APPLIED] === 'string') {
    copy.metadata = {
      ...copy.metadata,
      annotations: { ...annotations, [LAST_APPLIED]: redactLastApplied(annotations[LAST_APPLIED]) },
    };
  }
  return copy;
}
