/**
 * Kind-specific server behaviour the built-in registries have on a real cluster: Namespace
 * phase and name label, Service defaults and ClusterIP allocation, Secret type and stringData,
 * CRD name checks and status.
 */
import { compileSchema, crdToResourceDefs } from './modules';
import type { Store } from './store';
import { ApiError, type FieldCause, type Json, type JsonObject, type ResourceDef } from './types';

const isObj = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function namespaceDefaults(obj: JsonObject): JsonObject {
  const meta = obj.metadata as JsonObject;
  const labels = isObj(meta.labels) ? meta.labels : {};
  return {
    ...obj,
    metadata: { ...meta, labels: { ...labels, 'kubernetes.io/metadata.name': String(meta.name) } },
    spec: isObj(obj.spec) ? obj.spec : { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function allocateClusterIp(store: Store): string {
  const used = new Set(store.list('/services').map((e) => (isObj(e.obj.spec) ? e.obj.spec.clusterIP : undefined)));
  for (let i = 10; i < 65_000; i++) {
    const ip = `10.96.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    if (!used.has(ip)) return ip;
  }
  throw new ApiError(500, 'InternalError', 'Internal error occurred: failed to allocate a serviceIP: range is full');
}

/** Service defaults (pkg/apis/core/v1/defaults.go) and a ClusterIP from 10.96.0.0/16. */
function serviceDefaults(obj: JsonObject, old: JsonObject | undefined, store: Store): JsonObject {
  const spec: JsonObject = { ...(isObj(obj.spec) ? obj.spec : {}) };
  const oldSpec = old && isObj(old.spec) ? old.spec : undefined;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (Array.isArray(spec.ports)) {
    spec.ports = spec.ports.map((p) => (isObj(p) ? { protocol: 'TCP', ...p, targetPort: p.targetPort ?? p.port ?? null } : p));
  }
  if (spec.type !== 'ExternalName') {
    if (!spec.clusterIP) spec.clusterIP = (oldSpec?.clusterIP as string | undefined) ?? allocateClusterIp(store);
    spec.clusterIPs ??= [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  if (spec.type === 'LoadBalancer' || spec.type === 'NodePort') spec.externalTrafficPolicy ??= 'Cluster';
  return { ...obj, spec, status: obj.status ?? old?.status ?? { loadBalancer: {} } };
}

/**
 * Secret defaults and conversion (pkg/apis/core/v1 defaults.go and conversion.go): type
 * defaults to Opaque, and the write-only stringData is merged into data (its keys win) and
 * never stored.
 */
function secretDefaults(obj: JsonObject): JsonObject {
  const out: JsonObject = { ...obj, type: typeof obj.type === 'string' && obj.type !== '' ? obj.type : 'Opaque' };
  if (isObj(obj.stringData)) {
    const data: JsonObject = { ...(isObj(obj.data) ? obj.data : {}) };
    for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
    out.data = data;
  }
  delete out.stringData;
  return out;
}

/** CRD checks (name = plural.group, schemas compile) and the status the apiextensions controller sets. */
function crdPrepare(obj: JsonObject, old: JsonObject | undefined): JsonObject {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const names = isObj(spec.names) ? spec.names : {};
  const name = String((obj.metadata as JsonObject).name);
  const causes: FieldCause[] = [];
  const expected = `${String(names.plural ?? '')}.${String(spec.group ?? '')}`;
  if (name !== expected) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message: `Invalid value: ${JSON.stringify(name)}: must be spec.names.plural+"."+spec.group`,
    });
  }
  let defs: ResourceDef[] = [];
  try {
    defs = crdToResourceDefs(obj);
  } catch (e) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'spec',
      message: `Invalid value: "spec": ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  defs.forEach((d, i) => {
    try {
      if (d.schema) compileSchema(d.schema);
    } catch (e) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `spec.validation.openAPIV3Schema`,
        message: `Invalid value: "": compilation failed for version ${d.version} (${i}): ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  });
  if (causes.length) throw causes;
  const storage = defs.find((d) => d.storage)?.version;
  const oldStatus = old && isObj(old.status) ? old.status : {};
  const stored = new Set(Array.isArray(oldStatus.storedVersions) ? oldStatus.storedVersions.map(String) : []);
  if (storage) stored.add(storage);
  const t = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const cond = (type: string, reason: string, message: string): JsonObject => ({
    type,
    status: 'True',
    lastTransitionTime: t,
    reason,
    message,
  });
  return {
    ...obj,
    status: {
      acceptedNames: names,
      conditions: [
        cond('NamesAccepted', 'NoConflicts', 'no conflicts found'),
        cond('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
      ],
      storedVersions: [...stored],
    },
  };
}

/**
 * Applies the kind's server-side behaviour to an object about to be stored. Throws FieldCause[]
 * (the caller turns them into 422) when the kind's own rules refuse it.
 */
export function applyKindHooks(def: ResourceDef, obj: JsonObject, old: JsonObject | undefined, store: Store): JsonObject {
  if (def.custom) return obj;
  switch (def.kind) {
    case 'Namespace':
      return namespaceDefaults(obj);
    case 'Service':
      return serviceDefaults(obj, old, store);
    case 'Secret':
      return secretDefaults(obj);
    case 'CustomResourceDefinition':
      return crdPrepare(obj, old);
    default:
      return obj;
  }
}
