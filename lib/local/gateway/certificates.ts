/**
 * Certificate choice by SNI for an HTTPS port shared by several listeners
 * (Gateway API: listeners on one port are told apart by hostname; Listener.hostname).
 */
import tls from 'node:tls';

/** One certificate served on a port, for SNI names matching `hostname`. */
export interface CertificateSpec {
  /** Listener hostname: exact (`a.example.com`), wildcard (`*.example.com`), or undefined = any name. */
  hostname?: string;
  /** PEM certificate chain. */
  cert: string;
  /** PEM private key. */
  key: string;
}

/**
 * How specific a hostname pattern is for `name`, or -1 when it does not match. Exact names beat
 * wildcards, longer wildcard suffixes beat shorter ones, and a missing hostname matches
 * anything at the lowest rank. Per the Listener.hostname spec a wildcard covers one or more
 * leading labels: `*.example.com` matches `a.b.example.com` but not `example.com`.
 */
export function hostnameSpecificity(pattern: string | undefined, name: string): number {
  if (pattern === undefined || pattern === '') return 0;
  const p = pattern.toLowerCase();
  const n = name.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === n ? 100_000 + p.length : -1;
  const suffix = p.slice(1);
  return n.endsWith(suffix) && n.length > suffix.length ? 1 + suffix.length : -1;
}

/**
 * Picks the certificate for an SNI name: the most specific match, else the one without a
 * hostname, else the first. Falling back (rather than failing the handshake) lets a client
 * without SNI, or with a name of another listener, still reach the gateway, which then answers
 * 404/421 over HTTP as the spec expects.
 */
export function chooseCertificate<T extends { hostname?: string }>(certs: readonly T[], sni: string | undefined): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const c of certs) {
    const score = sni ? hostnameSpecificity(c.hostname, sni) : c.hostname ? -1 : 0;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best ?? certs.find((c) => !c.hostname) ?? certs[0];
}

/** A certificate with its parsed SecureContext; parsing fails early so a bad PEM affects only its listener. */
export interface LoadedCertificate extends CertificateSpec {
  context: tls.SecureContext;
}

/**
 * Parses certificates into SecureContexts, skipping (and reporting) invalid ones, so one
 * broken Secret leaves the other listeners on the port serving.
 */
export function loadCertificates(specs: readonly CertificateSpec[]): { loaded: LoadedCertificate[]; errors: string[] } {
  const loaded: LoadedCertificate[] = [];
  const errors: string[] = [];
  for (const spec of specs) {
    try {
      loaded.push({ ...spec, context: tls.createSecureContext({ cert: spec.cert, key: spec.key }) });
    } catch (err) {
      errors.push(`certificate for ${spec.hostname ?? '(any host)'}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { loaded, errors };
}
