/**
 * The list-row view of a certificate and its key: public facts and problems only. The key is
 * read to check it matches, then only its algorithm and size leave this module.
 */
import 'server-only';
import type { X509Certificate } from 'node:crypto';
import { DEFAULT_WARN_DAYS } from './expiry';
import { keyMatches, loadPrivateKey, mismatchMessage } from './key-pair';
import { describeKey } from './names';
import { checkChainOrder, describeCertificate, readCertificates } from './parse';
import type { CertificateInfo, CertificateProblem, CertificateSummary } from './types';

function day(iso: string): string {
  return iso.slice(0, 10);
}

function expiryProblem(info: CertificateInfo, position: number): CertificateProblem | null {
  const who = position === 0 ? 'The certificate' : `Certificate ${position + 1} of the chain (${info.subjectCN ?? info.subject})`;
  switch (info.expiry) {
    case 'expired':
      return { code: 'expired', message: `${who} expired on ${day(info.notAfter)} (${-info.daysLeft} days ago).` };
    case 'expiring':
      return position === 0
        ? { code: 'expiring', message: `${who} expires on ${day(info.notAfter)} (in ${info.daysLeft} days).` }
        : null;
    case 'not-yet-valid':
      return { code: 'not-yet-valid', message: `${who} is not valid before ${info.notBefore}.` };
    default:
      return null;
  }
}

/**
 * Summarizes a certificate chain and (optionally) its unencrypted private key as of `now`.
 * Never throws: unreadable input becomes a problem in the result.
 */
export function summarizeCertificate(
  certPem: string | undefined,
  keyPem: string | undefined,
  now: Date,
  warnDays = DEFAULT_WARN_DAYS,
): CertificateSummary {
  const problems: CertificateProblem[] = [];
  const summary: CertificateSummary = {
    leaf: null,
    chain: [],
    chainOrder: { ok: false, problems: [] },
    keyStatus: 'missing',
    problems,
  };
  let leaf: X509Certificate | undefined;
  if (certPem === undefined || certPem.trim() === '') {
    problems.push({ code: 'missing-certificate', message: 'There is no certificate (tls.crt is missing or empty).' });
  } else {
    const read = readCertificates(certPem);
    if (!read.ok) problems.push({ code: 'invalid-certificate', message: read.error });
    else {
      leaf = read.certs[0];
      summary.chain = read.certs.map((c) => describeCertificate(c, now, warnDays));
      summary.leaf = summary.chain[0] ?? null;
      summary.chainOrder = checkChainOrder(read.certs, summary.chain);
      for (const p of summary.chainOrder.problems) problems.push({ code: 'chain-order', message: p });
      summary.chain.forEach((info, i) => {
        const p = expiryProblem(info, i);
        if (p) problems.push(p);
      });
    }
  }
  if (keyPem === undefined || keyPem.trim() === '') {
    problems.push({ code: 'key-missing', message: 'There is no private key (tls.key is missing or empty).' });
    return summary;
  }
  summary.keyBytes = Buffer.byteLength(keyPem, 'utf8');
  const loaded = loadPrivateKey(keyPem);
  if (!loaded.ok) {
    summary.keyStatus = 'unreadable';
    problems.push({ code: 'key-unreadable', message: loaded.error });
    return summary;
  }
  summary.privateKey = describeKey(loaded.key);
  if (leaf) {
    summary.keyStatus = keyMatches(leaf, loaded.key) ? 'match' : 'mismatch';
    if (summary.keyStatus === 'mismatch') problems.push({ code: 'key-mismatch', message: mismatchMessage(leaf, loaded.key) });
  } else {
    summary.keyStatus = 'unchecked';
  }
  return summary;
}
