import type { Gateway } from '@/lib/gateway-api/types';
import type { K8sObject } from '@/lib/model/objects';

/** A Gateway's spec, readable: class, where it binds, and each listener. */
export function GatewayFields({ object }: { object: K8sObject }) {
  const spec = object.spec as Gateway['spec'];
  const status = object.status as
    { addresses?: Array<{ value: string }>; listeners?: Array<{ name: string; attachedRoutes?: number }> } | undefined;
  return (
    <>
      <dl className="fields">
        <dt>Gateway class</dt>
        <dd>{spec.gatewayClassName}</dd>
        <dt>Bound to (spec.addresses)</dt>
        <dd>
          {spec.addresses?.length
            ? spec.addresses.map((a) => `${a.value} (${a.type ?? 'IPAddress'})`).join(', ')
            : 'none: the implementation provisions an address'}
        </dd>
        <dt>Addresses in status</dt>
        <dd>{status?.addresses?.map((a) => a.value).join(', ') || '—'}</dd>
      </dl>
      <table className="table" aria-label="Listeners">
        <thead>
          <tr>
            <th scope="col">Listener</th>
            <th scope="col">Protocol</th>
            <th scope="col">Port</th>
            <th scope="col">Hostname</th>
            <th scope="col">TLS</th>
            <th scope="col">Allowed routes</th>
            <th scope="col">Attached routes</th>
          </tr>
        </thead>
        <tbody>
          {spec.listeners.map((l) => (
            <tr key={l.name}>
              <td>{l.name}</td>
              <td>{l.protocol}</td>
              <td>{l.port}</td>
              <td>{l.hostname ?? <span className="muted">any host</span>}</td>
              <td>
                {l.tls
                  ? `${l.tls.mode ?? 'Terminate'}${l.tls.certificateRefs?.length ? `: ${l.tls.certificateRefs.map((c) => c.name).join(', ')}` : ''}`
                  : '—'}
              </td>
              <td>
                from {l.allowedRoutes?.namespaces?.from ?? 'Same'}
                {l.allowedRoutes?.kinds?.length ? `, kinds ${l.allowedRoutes.kinds.map((k) => k.kind).join(', ')}` : ''}
              </td>
              <td>{status?.listeners?.find((s) => s.name === l.name)?.attachedRoutes ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
