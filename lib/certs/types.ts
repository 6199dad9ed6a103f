/**
 * Serializable shapes of the certificate library. Nothing here ever holds private key material:
 * these values travel to the browser.
 */

/** Validity of a certificate at a given instant (RFC 5280 §4.1.2.5: both bounds inclusive). */
export type ExpiryStatus = 'not-yet-valid' | 'expired' | 'expiring' | 'valid';

/** The public key algorithm of a certificate or private key. */
export interface KeyInfo {
  /** `RSA`, `RSA-PSS`, `EC`, `Ed25519`, `Ed448`, or the raw Node name for anything else. */
  type: string;
  /** Modulus length for RSA keys. */
  bits?: number;
  /** Named curve for EC keys, in NIST spelling where one exists (`P-256`). */
  curve?: string;
  /** Human label, e.g. `RSA 2048`, `EC P-256`, `Ed25519`. */
  label: string;
}

/** Everything shown about one X.509 certificate. */
export interface CertificateInfo {
  /** Subject common name, or null when the subject has none. */
  subjectCN: string | null;
  /** Full subject distinguished name, RFC 2253 escaped, comma separated. */
  subject: string;
  /** Issuer common name, or null. */
  issuerCN: string | null;
  /** Full issuer distinguished name. */
  issuer: string;
  /** DNS names of the subjectAltName extension, lower-cased as written. */
  dnsNames: string[];
  /** IP addresses of the subjectAltName extension. */
  ipAddresses: string[];
  /** DNS names followed by IP addresses: what hostname coverage is checked against. */
  sans: string[];
  /** Serial number, upper-case hex. */
  serialNumber: string;
  /** ISO 8601 instants. */
  notBefore: string;
  notAfter: string;
  /** Whole days from `now` until notAfter (negative once expired). */
  daysLeft: number;
  expiry: ExpiryStatus;
  /** Issuer equals subject and the signature verifies with the certificate's own key. */
  selfSigned: boolean;
  /** basicConstraints cA is true. */
  isCA: boolean;
  key: KeyInfo;
  /** SHA-256 fingerprint of the DER, colon separated upper-case hex (as `openssl x509 -fingerprint`). */
  fingerprintSha256: string;
}

/** Whether each certificate of a chain was issued by the one after it (RFC 5246 §7.4.2 order). */
export interface ChainOrder {
  ok: boolean;
  /** One sentence per break in the chain, naming the certificates by position and CN. */
  problems: string[];
}

/** Machine-readable reason a PEM input could not be read as certificates. */
export type ChainErrorCode =
  'empty' | 'der' | 'base64-without-pem' | 'not-pem' | 'not-certificate' | 'invalid-certificate' | 'too-many-certificates';

/** Result of {@link parseCertificateChain}. */
export type ParsedChain =
  { ok: true; certificates: CertificateInfo[]; order: ChainOrder } | { ok: false; code: ChainErrorCode; error: string };

/** One row of a hostname coverage report. */
export interface HostnameCoverage {
  hostname: string;
  covered: boolean;
  /** The SAN that covers it, when covered. */
  by?: string;
}

/**
 * How the private key of a TLS Secret relates to its certificate; `unchecked` when the key reads
 * fine but there is no readable certificate to compare it with.
 */
export type KeyStatus = 'match' | 'mismatch' | 'missing' | 'unreadable' | 'unchecked';

/** One thing wrong with a stored certificate, for the list, the listener and the overview. */
export interface CertificateProblem {
  code:
    | 'not-tls-secret'
    | 'missing-certificate'
    | 'invalid-certificate'
    | 'chain-order'
    | 'key-missing'
    | 'key-mismatch'
    | 'key-unreadable'
    | 'expired'
    | 'expiring'
    | 'not-yet-valid';
  message: string;
}

/**
 * What a certificate list row shows about a TLS credential. Holds only public data: never
 * the private key nor any part of it (only its size).
 */
export interface CertificateSummary {
  /** Secret name and namespace, when summarizing a stored Secret. */
  name?: string;
  namespace?: string;
  /** Secret `type`, when summarizing a stored Secret. */
  secretType?: string;
  /** The leaf certificate, or null when none could be read. */
  leaf: CertificateInfo | null;
  /** Every certificate of `tls.crt`, leaf first. */
  chain: CertificateInfo[];
  chainOrder: ChainOrder;
  keyStatus: KeyStatus;
  /** Key algorithm of the private key, when readable. */
  privateKey?: KeyInfo;
  /** Size in bytes of the stored private key (the only thing said about it). */
  keyBytes?: number;
  problems: CertificateProblem[];
}
