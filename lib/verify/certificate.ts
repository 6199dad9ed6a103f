/**
 * Summarizes the certificate a TLS listener presented (verification does not enforce
 * trust, like `curl -k`, but shows what a client would check).
 */
import 'server-only';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { CertificateSummary } from './types';

function dn(d: PeerCertificate['subject'] | undefined): string {
  if (!d) return '';
  return Object.entries(d)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

/** `DNS:a.example.com, IP Address:1.2.3.4` → `['a.example.com', '1.2.3.4']`. */
export function parseSubjectAltName(san: string | undefined): string[] {
  if (!san) return [];
  return san
    .split(/,\s*/)
    .map((p) => p.replace(/^(DNS|IP Address|URI|email):/i, '').trim())
    .filter((p) => p.length > 0);
}

const iso = (s: string | undefined): string => {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) ? (s ?? '') : new Date(t).toISOString();
};

/** The summary of `socket`'s peer certificate for `host`, or undefined when none was sent. */
export function summarizeCertificate(socket: TLSSocket, host: string): CertificateSummary | undefined {
  const cert = socket.getPeerCertificate(false);
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const alpn = socket.alpnProtocol;
  const trustError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  return {
    subject: dn(cert.subject),
    sans: parseSubjectAltName(cert.subjectaltname),
    issuer: dn(cert.issuer),
    validFrom: iso(cert.valid_from),
    validTo: iso(cert.valid_to),
    fingerprint256: cert.fingerprint256 ?? '',
    serialNumber: cert.serialNumber ?? '',
    // RFC 6125 name check, the same one Node applies when verification is on.
    coversHost: checkServerIdentity(host, cert) === undefined,
    trusted: socket.authorized,
    ...(trustError ? { trustError } : {}),
    ...(socket.getProtocol() ? { protocol: socket.getProtocol() ?? undefined } : {}),
    ...(alpn ? { alpn } : {}),
  };
}
