/**
 * The API server's rules for the fields the forms edit (Gateway API CRD schema patterns and CEL
 * rules), checked as the user types. The server stays the judge: the dry run checks everything.
 */
import type { GatewayForm } from './gateway-form';
import type { HTTPRouteForm } from './http-route-form';

/** Problems by field id (`name`, `listeners.0.hostname`, `rules.0.backendRefs.1.port` …). */
export type FormProblems = Record<string, string>;

const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Gateway API `Hostname`: a wildcard only as the whole first label; a bare `*` is not allowed.
const hostname = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function port(v: string, required: boolean): string | undefined {
  if (v === '') return required ? 'A port is required.' : undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? undefined : 'A port is a whole number from 1 to 65535.';
}

function name(v: string, what: string): string | undefined {
  if (v === '') return `${what} is required.`;
  return v.length <= 253 && subdomain.test(v)
    ? undefined
    : `${what}: lower case letters, digits, '-' and '.', starting and ending with a letter or digit.`;
}

function host(v: string): string | undefined {
  if (v === '') return undefined;
  if (v === '*') return 'A wildcard (*) alone is not allowed; omit the hostname to match all hosts.';
  return hostname.test(v)
    ? undefined
    : 'A hostname like app.example.com or *.example.com (lower case, the wildcard only as the first label).';
}

/** Validates the Gateway form (spec: Gateway, Listener; CEL rules of the v1 Gateway CRD). */
export function validateGatewayForm(f: GatewayForm): FormProblems {
  const out: FormProblems = {};
  const put = (k: string, m: string | undefined) => {
    if (m) out[k] = m;
  };
  put('name', name(f.name, 'Name'));
  put('gatewayClassName', f.gatewayClassName ? undefined : 'Pick the GatewayClass (istio on ASM).');
  if (f.listeners.length === 0) out.listeners = 'A Gateway needs at least one listener.';
  const seen = new Map<string, number>();
  const combos = new Set<string>();
  f.listeners.forEach((l, i) => {
    const p = `listeners.${i}`;
    put(`${p}.name`, name(l.name, 'Listener name'));
    if (seen.has(l.name))
      out[`${p}.name`] = `Listener name must be unique within the Gateway (listener ${(seen.get(l.name) ?? 0) + 1} uses it too).`;
    seen.set(l.name, i);
    put(`${p}.hostname`, host(l.hostname));
    put(`${p}.port`, port(l.port, true));
    const combo = `${l.port}|${l.hostname}`;
    if (combos.has(combo)) out[`${p}.port`] ??= 'Combination of port, protocol and hostname must be unique for each listener.';
    combos.add(combo);
    if (!l.protocol) out[`${p}.protocol`] = 'Pick a protocol.';
    const tlsProto = l.protocol === 'HTTPS' || l.protocol === 'TLS';
    if (!tlsProto && (l.tlsMode || l.certificateRefs.length > 0))
      out[`${p}.tlsMode`] = `tls must not be specified for protocol ${l.protocol}.`;
    if (l.protocol === 'HTTPS' && l.tlsMode !== 'Passthrough' && l.certificateRefs.filter((r) => r.name).length === 0)
      out[`${p}.certificateRefs`] = 'An HTTPS listener that terminates TLS needs a certificate (a kubernetes.io/tls Secret).';
    if (l.from === 'Selector' && !/^[^=,]+=[^=,]*(,[^=,]+=[^=,]*)*$/.test(l.selector.replace(/\s/g, '')))
      out[`${p}.selector`] = 'Write labels as key=value, separated by commas.';
  });
  return out;
}

/** Validates the HTTPRoute form (spec: HTTPRoute; CEL rules of the v1 HTTPRoute CRD). */
export function validateHTTPRouteForm(f: HTTPRouteForm): FormProblems {
  const out: FormProblems = {};
  const put = (k: string, m: string | undefined) => {
    if (m) out[k] = m;
  };
  put('name', name(f.name, 'Name'));
  f.parentRefs.forEach((r, i) => {
    put(`parentRefs.${i}.name`, r.name ? undefined : 'Pick the Gateway this route attaches to.');
    put(`parentRefs.${i}.port`, port(r.port, false));
  });
  f.hostnames.forEach((h, i) => put(`hostnames.${i}`, h === '' ? 'Empty hostname: remove it or fill it in.' : host(h)));
  f.rules.forEach((rule, r) => {
    rule.matches.forEach((m, i) => {
      const p = `rules.${r}.matches.${i}`;
      if ((m.pathType === 'Exact' || m.pathType === 'PathPrefix') && m.pathValue && !m.pathValue.startsWith('/'))
        out[`${p}.pathValue`] = "The path must be absolute and start with '/'.";
      if (m.pathType === 'PathPrefix' && /\/\/|\/\.\.?(\/|$)|%2f|#/i.test(m.pathValue))
        out[`${p}.pathValue`] = "The path must not contain '//', '/./', '/../', '%2f' or '#'.";
      m.headers.forEach((h, j) => put(`${p}.headers.${j}.name`, h.name ? undefined : 'A header match needs a header name.'));
    });
    rule.backendRefs.forEach((b, i) => {
      const p = `rules.${r}.backendRefs.${i}`;
      put(`${p}.name`, b.name ? undefined : 'Pick the Service to send traffic to.');
      put(`${p}.port`, b.port === '' ? 'Must have port for Service reference.' : port(b.port, true));
      if (b.weight !== '' && !(Number.isInteger(Number(b.weight)) && Number(b.weight) >= 0 && Number(b.weight) <= 1_000_000))
        out[`${p}.weight`] = 'A weight is a whole number from 0 to 1000000.';
    });
  });
  return out;
}
