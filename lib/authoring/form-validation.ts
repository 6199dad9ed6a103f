/**
 * The API server's rules for the fields the forms edit (Gateway API CRD schema patterns and CEL
 * rules), checked as the user types. The server stays the judge: the dry run checks everything.
 */
import type { GatewayForm } from './gateway-form';
import type { HTTPRouteForm } from './http-route-form';
import {
  checkDuration,
  checkHost as host,
  checkName as name,
  checkPort as port,
  durationMs,
  type FormProblems,
} from './form-checks';
import {
  checkBackends,
  checkFilters,
  checkHeaderMatches,
  checkHostnames,
  checkParents,
  collector,
} from './route-part-validation';

export type { FormProblems } from './form-checks';

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
  const put = collector(out);
  put('name', name(f.name, 'Name'));
  checkParents(put, f.parentRefs);
  checkHostnames(put, f.hostnames);
  f.rules.forEach((rule, r) => {
    rule.matches.forEach((m, i) => {
      const p = `rules.${r}.matches.${i}`;
      if ((m.pathType === 'Exact' || m.pathType === 'PathPrefix') && m.pathValue && !m.pathValue.startsWith('/'))
        put(`${p}.pathValue`, "The path must be absolute and start with '/'.");
      if (m.pathType === 'PathPrefix' && /\/\/|\/\.\.?(\/|$)|%2f|#/i.test(m.pathValue))
        put(`${p}.pathValue`, "The path must not contain '//', '/./', '/../', '%2f' or '#'.");
      checkHeaderMatches(put, `${p}.headers`, m.headers);
      checkHeaderMatches(put, `${p}.queryParams`, m.queryParams);
    });
    const prefixMatches =
      rule.matches.length === 0 ? 1 : rule.matches.filter((m) => (m.pathType || 'PathPrefix') === 'PathPrefix').length;
    checkFilters(put, `rules.${r}.filters`, rule.filters, prefixMatches);
    checkBackends(put, `rules.${r}.backendRefs`, rule.backendRefs);
    const t = `rules.${r}.timeouts`;
    put(`${t}.request`, checkDuration(rule.timeoutRequest));
    put(`${t}.backendRequest`, checkDuration(rule.timeoutBackendRequest));
    const req = durationMs(rule.timeoutRequest);
    const back = durationMs(rule.timeoutBackendRequest);
    // HTTPRouteTimeouts CEL: backendRequest must not be longer than request (0 means no timeout).
    if (!out[`${t}.backendRequest`] && req > 0 && back > req)
      put(`${t}.backendRequest`, 'backendRequest timeout cannot be longer than request timeout.');
  });
  return out;
}
