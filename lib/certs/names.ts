/**
 * Reading names and keys out of Node's X509Certificate: its subjectAltName and subject are
 * display strings, so they are parsed here once.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import type { KeyInfo } from './types';

/** subjectAltName entries of a certificate, split by kind (RFC 5280 §4.2.1.6). */
export interface SubjectAltNames {
  dnsNames: string[];
  ipAddresses: string[];
}

/**
 * Parses Node's `subjectAltName` string (`DNS:a, IP Address:10.0.0.1`). Since Node 17.3 a value
 * holding a comma, quote or colon is written as a JSON string literal, so those are decoded.
 */
export function parseSubjectAltName(text: string | undefined): SubjectAltNames {
  const out: SubjectAltNames = { dnsNames: [], ipAddresses: [] };
  if (!text) return out;
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    const kind = text.slice(i, colon).trim();
    let value: string;
    let next: number;
    if (text[colon + 1] === '"') {
      let j = colon + 2;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      value = JSON.parse(text.slice(colon + 1, j + 1)) as string;
      next = text.indexOf(', ', j);
    } else {
      next = text.indexOf(', ', colon);
      value = text.slice(colon + 1, next < 0 ? text.length : next);
    }
    if (kind === 'DNS') out.dnsNames.push(value);
    else if (kind === 'IP Address') out.ipAddresses.push(value);
    if (next < 0) break;
    i = next + 2;
  }
  return out;
}

/** Node writes a distinguished name one RDN per line; a list shows it comma separated. */
export function formatDn(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}

/** The (first) common name of a subject or issuer from Node's legacy object form. */
export function commonName(legacy: unknown): string | null {
  if (!legacy || typeof legacy !== 'object') return null;
  const cn = (legacy as Record<string, unknown>).CN;
  if (typeof cn === 'string') return cn;
  if (Array.isArray(cn) && typeof cn[0] === 'string') return cn[0];
  return null;
}

/** Certificate subject/issuer common names, via Node's legacy object (already unescaped). */
export function certificateCommonNames(cert: X509Certificate): { subjectCN: string | null; issuerCN: string | null } {
  const legacy = cert.toLegacyObject() as { subject?: unknown; issuer?: unknown };
  return { subjectCN: commonName(legacy.subject), issuerCN: commonName(legacy.issuer) };
}

// OpenSSL names the NIST curves by their SEC/X9.62 names; the console speaks NIST.
const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const TYPES: Record<string, string> = { rsa: 'RSA', 'rsa-pss': 'RSA-PSS', ec: 'EC', ed25519: 'Ed25519', ed448: 'Ed448' };

/** Algorithm, size or curve of a public or private key. */
export function describeKey(key: KeyObject): KeyInfo {
  const raw = key.asymmetricKeyType ?? 'unknown';
  const type = TYPES[raw] ?? raw;
  const details = key.asymmetricKeyDetails ?? {};
  if (typeof details.modulusLength === 'number') {
    return { type, bits: details.modulusLength, label: `${type} ${details.modulusLength}` };
  }
  if (typeof details.namedCurve === 'string') {
    const curve = CURVES[details.namedCurve] ?? details.namedCurve;
    return { type, curve, label: `${type} ${curve}` };
  }
  return { type, label: type };
}
