import type { HTTPRoute } from '@/lib/gateway-api/types';
import { filterText, matchText } from '@/lib/model/match-text';
import type { K8sObject } from '@/lib/model/objects';
import { hostnamesText, parentsText } from '@/lib/model/summaries';

interface AnyRule {
  name?: string;
  matches?: Array<Record<string, unknown>>;
  filters?: HTTPRoute['spec']['rules'] extends Array<infer R> | undefined ? (R extends { filters?: infer F } ? F : never) : never;
  backendRefs?: Array<{ name: string; namespace?: string; port?: number; weight?: number; kind?: string }>;
}

/** A route's spec, readable: parents, hostnames, and each rule with its matches, filters and backends. */
export function RouteFields({ object, grpc }: { object: K8sObject; grpc: boolean }) {
  const rules = ((object.spec as { rules?: AnyRule[] }).rules ?? []) as AnyRule[];
  return (
    <>
      <dl className="fields">
        <dt>Parents</dt>
        <dd>{parentsText(object) || '—'}</dd>
        <dt>Hostnames</dt>
        <dd>{hostnamesText(object)}</dd>
      </dl>
      <table className="table" aria-label="Rules">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Matches</th>
            <th scope="col">Filters</th>
            <th scope="col">Backends</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => (
            <tr key={i}>
              <td>{r.name ?? `#${i + 1}`}</td>
              <td>
                {(r.matches?.length ? r.matches : [{}]).map((m, j) => (
                  <div key={j}>
                    <code>{grpc ? grpcMatchText(m) : matchText(m)}</code>
                  </div>
                ))}
              </td>
              <td>
                {(r.filters ?? []).map((f, j) => (
                  <div key={j}>{filterText(f)}</div>
                ))}
              </td>
              <td>
                {(r.backendRefs ?? []).map((b, j) => (
                  <div key={j}>
                    {b.namespace ? `${b.namespace}/` : ''}
                    {b.name}
                    {b.port ? `:${b.port}` : ''}
                    {b.weight !== undefined ? ` weight ${b.weight}` : ''}
                  </div>
                ))}
                {!r.backendRefs?.length ? <span className="muted">none</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function grpcMatchText(m: Record<string, unknown>): string {
  const method = m.method as { service?: string; method?: string; type?: string } | undefined;
  if (!method) return 'any service and method';
  return `${method.type ?? 'Exact'} ${method.service ?? '*'}/${method.method ?? '*'}`;
}
