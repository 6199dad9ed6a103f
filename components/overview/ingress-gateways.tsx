import type { IngressGatewayInfo } from '@/lib/model/overview';

/** Step 3: the pre-deployed ingress gateways a Gateway binds to through spec.addresses. */
export function IngressGateways({ items }: { items: IngressGatewayInfo[] }) {
  if (items.length === 0) {
    return (
      <p className="muted">
        No ingress gateway Service found (labels <code>istio: ingressgateway</code> or <code>app: istio-ingressgateway</code>).
        ASM binds Gateways to a pre-deployed ingress gateway: create one in the ASM console first.
      </p>
    );
  }
  return (
    <table className="table" aria-label="Ingress gateways">
      <thead>
        <tr>
          <th scope="col">Ingress gateway</th>
          <th scope="col">Bind with spec.addresses</th>
          <th scope="col">External address</th>
          <th scope="col">Ports</th>
          <th scope="col">Bound Gateways</th>
        </tr>
      </thead>
      <tbody>
        {items.map((g) => (
          <tr key={`${g.namespace}/${g.name}`}>
            <td>
              {g.namespace}/{g.name} <span className="muted">({g.type})</span>
            </td>
            <td>
              <code>{g.bindHostname}</code>
            </td>
            <td>{g.externalAddresses.join(', ') || <span className="muted">pending</span>}</td>
            <td>{g.ports.map((p) => `${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ')}</td>
            <td>{g.gateways.length ? g.gateways.join(', ') : <span className="muted">none</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
