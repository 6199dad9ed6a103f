/**
 * The identity every manifest needs before it can be sent: apiVersion, kind and a name, with a
 * specific message for each way it can be wrong.
 */

/** A document's identity, read from its plain value. */
export interface ManifestIdentity {
  apiVersion: string;
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** The identity, or the reason it cannot be read (the message names the field). */
export type IdentityCheck =
  { ok: true; identity: ManifestIdentity } | { ok: false; field: string; message: string; partial: Partial<ManifestIdentity> };

// DNS-1123 subdomain, the rule for metadata.name of most kinds (Kubernetes API conventions, "Names").
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks the identity of one document's value. */
export function checkIdentity(value: unknown): IdentityCheck {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      field: '',
      message: 'The document is not a Kubernetes object (expected a mapping with apiVersion, kind and metadata).',
      partial: {},
    };
  const v = value as Record<string, unknown>;
  const partial: Partial<ManifestIdentity> = {};
  if (typeof v.apiVersion !== 'string' || v.apiVersion === '')
    return {
      ok: false,
      field: 'apiVersion',
      message: 'apiVersion is missing; write e.g. gateway.networking.k8s.io/v1.',
      partial,
    };
  const parts = v.apiVersion.split('/');
  if (parts.length > 2 || parts.some((p) => p === '') || !/^v\d+((alpha|beta)\d+)?$/.test(parts[parts.length - 1] ?? ''))
    return {
      ok: false,
      field: 'apiVersion',
      message: `apiVersion "${v.apiVersion}" is not of the form group/version (e.g. gateway.networking.k8s.io/v1) or v1.`,
      partial,
    };
  partial.apiVersion = v.apiVersion;
  partial.group = parts.length === 2 ? (parts[0] ?? '') : '';
  partial.version = parts[parts.length - 1] ?? '';
  if (typeof v.kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(v.kind))
    return {
      ok: false,
      field: 'kind',
      message:
        typeof v.kind === 'string'
          ? `kind "${v.kind}" is not a kind name (kinds are CamelCase, e.g. HTTPRoute).`
          : 'kind is missing; write e.g. kind: HTTPRoute.',
      partial,
    };
  partial.kind = v.kind;
  const meta = v.metadata as Record<string, unknown> | undefined;
  if (!meta || typeof meta !== 'object')
    return { ok: false, field: 'metadata', message: 'metadata is missing; every object needs metadata.name.', partial };
  if (typeof meta.name !== 'string' || meta.name === '')
    return {
      ok: false,
      field: 'metadata.name',
      message: 'metadata.name is missing (generateName is not supported by apply).',
      partial,
    };
  if (meta.name.length > 253 || !dns1123Subdomain.test(meta.name))
    return {
      ok: false,
      field: 'metadata.name',
      message: `metadata.name "${meta.name}" must be lower case letters, digits, '-' and '.', starting and ending with a letter or digit.`,
      partial,
    };
  partial.name = meta.name;
  if (meta.namespace !== undefined) {
    if (typeof meta.namespace !== 'string' || meta.namespace.length > 63 || !dns1123Label.test(meta.namespace))
      return {
        ok: false,
        field: 'metadata.namespace',
        message: `metadata.namespace "${String(meta.namespace)}" is not a valid namespace name.`,
        partial,
      };
    partial.namespace = meta.namespace;
  }
  return { ok: true, identity: partial as ManifestIdentity };
}
