/**
 * What the audit log says about each audited server action: the verb and the objects, taken from
 * the action's input and result by name only. Payloads (manifests, PEM, keys, request bodies) are
 * never read into a record.
 */
import type { Result } from '@/lib/model/result';

/** The server actions that change something (or send requests out) and so are audited. */
export type AuditedVerb =
  'apply' | 'delete-object' | 'delete-tls-secret' | 'save-tls-secret' | 'set-gateway-api' | 'send-verification';

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The audit record's verb, objects and context for `verb`'s `input` and `result`. */
export function describeForAudit(
  verb: AuditedVerb,
  input: unknown,
  result: Result<unknown>,
): { verb: string; objects: string[]; context?: string } {
  const i = rec(input);
  const context = str(i.context);
  const base = context ? { context } : {};
  const nsName = `${str(i.namespace) ?? '?'}/${str(i.name) ?? '?'}`;
  switch (verb) {
    case 'apply': {
      const docs = result.ok ? rec(result.value).documents : undefined;
      const objects = Array.isArray(docs)
        ? docs.map((d) => {
            const r = rec(d);
            const ns = str(r.namespace);
            return `${str(r.kind) ?? '?'} ${ns ? `${ns}/` : ''}${str(r.name) ?? '?'} (${str(r.outcome) ?? '?'})`;
          })
        : [];
      return { ...base, verb: 'apply', objects };
    }
    case 'delete-object':
      return { ...base, verb: 'delete', objects: [`${str(i.kind) ?? '?'} ${nsName}`] };
    case 'delete-tls-secret':
      return { ...base, verb: 'delete', objects: [`Secret ${nsName}`] };
    case 'save-tls-secret':
      return { ...base, verb: str(i.replaceResourceVersion) ? 'replace' : 'create', objects: [`Secret ${nsName}`] };
    case 'set-gateway-api':
      return {
        ...base,
        verb: i.enabled === true ? 'enable-gateway-api' : 'disable-gateway-api',
        objects: ['ASMMeshConfig default'],
      };
    case 'send-verification':
      return {
        ...base,
        verb: 'send-verification',
        objects: [
          `Gateway ${str(i.gateway) ?? '?'}`,
          `${str(i.method) ?? 'GET'} ${str(i.scheme) ?? 'http'}://${str(i.host) ?? '?'}`,
        ],
      };
  }
}
