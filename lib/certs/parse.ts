/**
 * Parsing PEM certificate chains with Node's X509Certificate (OpenSSL underneath).
 */
import 'server-only';
import { X509Certificate } from 'node:crypto';
import { classifyExpiry, daysLeft, DEFAULT_WARN_DAYS } from './expiry';
import { certificateCommonNames, describeKey, formatDn, parseSubjectAltName } from './names';
import { splitPem, wrongBlockMessage } from './pem';
import type { CertificateInfo, ChainOrder, ParsedChain } from './types';

/** Everything public about one certificate, as of `now`. */
export function describeCertificate(cert: X509Certificate, now: Date, warnDays = DEFAULT_WARN_DAYS): CertificateInfo {
  const { dnsNames, ipAddresses } = parseSubjectAltName(cert.subjectAltName);
  const notBefore = new Date(cert.validFrom).toISOString();
  const notAfter = new Date(cert.validTo).toISOString();
  return {
    ...certificateCommonNames(cert),
    subject: formatDn(cert.subject),
    issuer: formatDn(cert.issuer),
    dnsNames,
    ipAddresses,
    sans: [...dnsNames, ...ipAddresses],
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore,
    notAfter,
    daysLeft: daysLeft(notAfter, now),
    expiry: classifyExpiry(notAfter, now, warnDays, notBefore),
    // Same name is not enough (a CA may reuse its name across keys): the signature must verify too.
    selfSigned: issued(cert, cert),
    isCA: cert.ca,
    key: describeKey(cert.publicKey),
    fingerprintSha256: cert.fingerprint256,
  };
}

function label(i: number, info: CertificateInfo): string {
  return `certificate ${i + 1} (${info.subjectCN ? `CN=${info.subjectCN}` : info.subject || 'no subject'})`;
}

/**
 * True when `issuer` issued `cert`: the issuer name is the issuer's subject and the signature
 * verifies with its key. Key usage policy is left to TLS clients: OpenSSL's checkIssued would
 * reject a self-signed leaf whose keyUsage lacks keyCertSign, which is still self-signed.
 */
export function issued(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.issuer === issuer.subject && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Checks the TLS order: the sender's certificate first, each following one certifying the one
 * before it (RFC 5246 §7.4.2; RFC 8446 §4.4.2 keeps it for the end-entity first). The root may be
 * left out, so the last certificate is not required to be self-signed.
 */
export function checkChainOrder(certs: X509Certificate[], infos: CertificateInfo[]): ChainOrder {
  const problems: string[] = [];
  for (let i = 0; i + 1 < certs.length; i++) {
    const cert = certs[i] as X509Certificate;
    const next = certs[i + 1] as X509Certificate;
    if (issued(cert, next)) continue;
    const a = label(i, infos[i] as CertificateInfo);
    const b = label(i + 1, infos[i + 1] as CertificateInfo);
    if (issued(next, cert)) {
      problems.push(`${b} is signed by ${a}: the chain is reversed; put the server (leaf) certificate first.`);
    } else {
      const issuerPos = certs.findIndex((c, j) => j !== i && issued(cert, c));
      problems.push(
        issuerPos >= 0
          ? `${a} is issued by certificate ${issuerPos + 1}, not by the next one: order the chain leaf first, each issuer after the certificate it signed.`
          : `${b} did not issue ${a} (issuer of ${a}: ${infos[i]?.issuer || 'empty'}): remove the unrelated certificate or add the right intermediate.`,
      );
    }
  }
  return { ok: problems.length === 0, problems };
}

/**
 * Longest chain accepted. Real chains have two to four certificates; the cap also bounds the
 * quadratic issuer search of {@link checkChainOrder} on hostile input.
 */
export const MAX_CHAIN = 10;

/** Parses PEM into Node certificates; on failure returns the precise reason. */
export function readCertificates(pem: string): { ok: true; certs: X509Certificate[] } | Extract<ParsedChain, { ok: false }> {
  const split = splitPem(pem, 'certificate');
  if (!split.ok) return split;
  if (split.blocks.length === 0) {
    return { ok: false, code: 'not-pem', error: 'No PEM block found: expected -----BEGIN CERTIFICATE-----.' };
  }
  if (split.blocks.length > MAX_CHAIN) {
    return {
      ok: false,
      code: 'too-many-certificates',
      error: `The certificate holds ${split.blocks.length} PEM blocks; a serving chain is the leaf and a few intermediates (at most ${MAX_CHAIN}). Is this a CA bundle?`,
    };
  }
  const certs: X509Certificate[] = [];
  for (const block of split.blocks) {
    if (block.label !== 'CERTIFICATE') {
      return {
        ok: false,
        code: 'not-certificate',
        error: wrongBlockMessage(block.label, 'certificate', block.position),
      };
    }
    try {
      certs.push(new X509Certificate(block.der));
    } catch {
      return {
        ok: false,
        code: 'invalid-certificate',
        error: `PEM block ${block.position} is labelled CERTIFICATE but is not a valid X.509 certificate (damaged or truncated).`,
      };
    }
  }
  return { ok: true, certs };
}

/**
 * Parses a PEM certificate chain (leaf first) and checks its order.
 *
 * @param pem one or more `-----BEGIN CERTIFICATE-----` blocks; text between blocks is ignored
 * @param now the instant `daysLeft` and `expiry` are computed at
 * @returns the certificates and order check, or an error naming what was given instead
 *   (empty, DER, base64 without armor, a key or CSR, a damaged block)
 */
export function parseCertificateChain(pem: string, now: Date = new Date(), warnDays = DEFAULT_WARN_DAYS): ParsedChain {
  const read = readCertificates(pem);
  if (!read.ok) return read;
  const certificates = read.certs.map((c) => describeCertificate(c, now, warnDays));
  return { ok: true, certificates, order: checkChainOrder(read.certs, certificates) };
}
