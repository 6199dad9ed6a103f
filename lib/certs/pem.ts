/**
 * PEM text handling (RFC 7468): splitting blocks, and recognising the usual wrong inputs
 * (binary DER, bare base64, base64 of a PEM copied out of a Secret) so the error says what to do.
 */
import type { ChainErrorCode } from './types';

/** One `-----BEGIN X----- … -----END X-----` block. */
export interface PemBlock {
  /** The label after BEGIN, e.g. `CERTIFICATE`, `PRIVATE KEY`. */
  label: string;
  /** RFC 1421 headers (`Proc-Type`, `DEK-Info`) of legacy encrypted keys. */
  headers: Record<string, string>;
  /** The decoded body. */
  der: Buffer;
  /** 1-based position among the blocks of the input. */
  position: number;
}

/** What a PEM field holds, for wording errors. */
export type PemField = 'certificate' | 'key';

/** Result of {@link splitPem}. */
export type PemSplit = { ok: true; blocks: PemBlock[] } | { ok: false; code: ChainErrorCode; error: string };

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
const END = /^-----END ([A-Z0-9 ]+)-----$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const DER_HINT: Record<PemField, string> = {
  certificate: 'convert with `openssl x509 -inform der -in cert.der -out cert.pem`',
  key: 'convert with `openssl pkey -inform der -in key.der -out key.pem`',
};
const NOUN: Record<PemField, string> = { certificate: 'certificate', key: 'private key' };

/**
 * Recognises input that is not PEM text at all. Binary DER read as text starts with the
 * SEQUENCE tag 0x30 followed by a long-form length byte, or contains control characters.
 */
function diagnoseNonPem(text: string, field: PemField): { code: ChainErrorCode; error: string } | null {
  const noun = NOUN[field];
  if (text.trim() === '') return { code: 'empty', error: `The ${noun} is empty: paste or upload a PEM file.` };
  if (/^0[\u0080-\u00ff\ufffd]/.test(text) || /[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return { code: 'der', error: `This ${noun} is DER (binary), not PEM; ${DER_HINT[field]}.` };
  }
  const compact = text.replace(/\s+/g, '');
  if (!text.includes('-----BEGIN') && compact.length % 4 === 0 && BASE64.test(compact)) {
    const decoded = Buffer.from(compact, 'base64');
    if (decoded.subarray(0, 10).toString('latin1') === '-----BEGIN') {
      return {
        code: 'base64-without-pem',
        error: `This ${noun} is base64 of a PEM file (as stored in a Secret's data): decode it first with \`base64 -d\`.`,
      };
    }
    if (decoded[0] === 0x30) {
      return {
        code: 'base64-without-pem',
        error: `This ${noun} is base64 DER without the -----BEGIN/-----END lines; wrap it in PEM armor or ${DER_HINT[field]}.`,
      };
    }
  }
  if (!text.includes('-----BEGIN')) {
    const expected = field === 'certificate' ? 'CERTIFICATE' : 'PRIVATE KEY';
    return { code: 'not-pem', error: `No PEM block found in the ${noun}: expected a line -----BEGIN ${expected}-----.` };
  }
  return null;
}

/**
 * Splits PEM text into its blocks. Text outside blocks (openssl's `Bag Attributes`,
 * `subject=` lines, comments) is ignored as RFC 7468 §2 allows.
 */
export function splitPem(text: string, field: PemField): PemSplit {
  const bad = diagnoseNonPem(text, field);
  if (bad) return { ok: false, ...bad };
  const blocks: PemBlock[] = [];
  let open: { label: string; headers: Record<string, string>; body: string[]; inHeaders: boolean } | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!open) {
      const m = BEGIN.exec(line);
      if (m) open = { label: m[1] ?? '', headers: {}, body: [], inHeaders: true };
      continue;
    }
    const end = END.exec(line);
    const position = blocks.length + 1;
    if (end) {
      if (end[1] !== open.label) {
        return {
          ok: false,
          code: 'not-pem',
          error: `PEM block ${position} begins as ${open.label} but ends as ${end[1]}: the file is damaged.`,
        };
      }
      const body = open.body.join('');
      if (body === '' || body.length % 4 !== 0 || !BASE64.test(body)) {
        return { ok: false, code: 'not-pem', error: `PEM block ${position} (${open.label}) is not valid base64.` };
      }
      blocks.push({ label: open.label, headers: open.headers, der: Buffer.from(body, 'base64'), position });
      open = null;
      continue;
    }
    const header = open.inHeaders ? /^([A-Za-z-]+):\s*(.*)$/.exec(line) : null;
    if (header) open.headers[header[1] ?? ''] = header[2] ?? '';
    else if (line !== '') {
      open.inHeaders = false;
      open.body.push(line);
    }
  }
  if (open) {
    return {
      ok: false,
      code: 'not-pem',
      error: `PEM block ${blocks.length + 1} (${open.label}) has no -----END ${open.label}----- line: the paste looks truncated.`,
    };
  }
  return { ok: true, blocks };
}

/** Re-encodes DER as PEM with 64-character lines (RFC 7468 §2). */
export function toPem(der: Buffer | Uint8Array, label: string): string {
  const b64 =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** True for the labels private keys are written under (PKCS#8, PKCS#1, SEC 1, encrypted PKCS#8). */
export function isPrivateKeyLabel(label: string): boolean {
  return /(^|\s)PRIVATE KEY$/.test(label);
}

/**
 * Says what a block is when it is not what `field` expects, and what to do about it, e.g.
 * "PEM block 1 is a private key (PRIVATE KEY), not a certificate: it belongs in the private key field."
 */
export function wrongBlockMessage(label: string, field: PemField, position: number): string {
  const [noun, hint] = blockKind(label, field);
  const where = field === 'certificate' ? `PEM block ${position} is` : 'The private key field holds';
  const expected = field === 'certificate' ? 'CERTIFICATE' : 'PRIVATE KEY';
  return `${where} ${noun}, not a ${NOUN[field]}: ${hint ?? `expected -----BEGIN ${expected}-----`}.`;
}

function blockKind(label: string, field: PemField): [noun: string, hint?: string] {
  if (isPrivateKeyLabel(label)) return [`a private key (${label})`, 'it belongs in the private key field'];
  if (label === 'CERTIFICATE') {
    return ['a certificate', field === 'key' ? 'it belongs in the certificate field' : undefined];
  }
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') return [`a public key (${label})`];
  if (label.endsWith('CERTIFICATE REQUEST')) {
    return [`a certificate signing request (${label})`, 'have a CA sign it and paste the certificate it returns'];
  }
  if (label === 'PKCS7') return ['a PKCS#7 bundle', 'convert it with `openssl pkcs7 -print_certs -in bundle.p7b`'];
  if (label === 'TRUSTED CERTIFICATE') {
    return ['an OpenSSL trusted certificate', 'convert it with `openssl x509 -in cert.pem -out plain.pem`'];
  }
  if (label === 'X509 CRL') return ['a certificate revocation list (X509 CRL)'];
  return [`a ${label} block`];
}
