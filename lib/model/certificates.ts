/** The Certificates page's data: TLS credentials and the listeners that use them. No key material. */
import type { CertificateSummary, HostnameCoverage } from '@/lib/certs/types';

export interface ListenerUse {
  gateway: string;
  listener: string;
  hostname?: string;
  /** The listener hostname is covered by a SAN of this certificate. */
  covered: boolean;
  /** Cross-namespace reference: allowed by a ReferenceGrant or not. */
  crossNamespace: boolean;
  permitted: boolean;
}

export interface CertificateRow {
  namespace: string;
  name: string;
  resourceVersion?: string;
  summary: CertificateSummary;
  usedBy: ListenerUse[];
}

/** A listener whose certificateRefs name a Secret that does not exist. */
export interface MissingCertificate {
  gateway: string;
  listener: string;
  namespace: string;
  name: string;
}

export interface CertificatesView {
  context: string;
  namespaces: string[];
  rows: CertificateRow[];
  missing: MissingCertificate[];
}

export type { CertificateSummary, HostnameCoverage };
