/**
 * Rules for the parts HTTPRoute and GRPCRoute share: parents, hostnames, backends and filters
 * (Gateway API CRD schemas and the CEL rules of `HTTPRouteFilter` / `GRPCRouteFilter`).
 */
import { checkHeaderName, checkHost, checkNamespace, checkPort, type FormProblems } from './form-checks';
import type { BackendForm, FilterForm, HeaderForm, ParentForm } from './route-parts';

type Put = (key: string, message: string | undefined) => void;

/** A `put` that records only real messages, and only the first one per field. */
export function collector(out: FormProblems): Put {
  return (k, m) => {
    if (m && out[k] === undefined) out[k] = m;
  };
}

/** parentRefs: a Gateway name, a valid port (spec: ParentReference). */
export function checkParents(put: Put, list: readonly ParentForm[]): void {
  list.forEach((r, i) => {
    put(`parentRefs.${i}.name`, r.name ? undefined : 'Pick the Gateway this route attaches to.');
    put(`parentRefs.${i}.namespace`, checkNamespace(r.namespace));
    put(`parentRefs.${i}.port`, checkPort(r.port, false));
  });
}

/** hostnames: Gateway API `Hostname`s, none empty. */
export function checkHostnames(put: Put, list: readonly string[]): void {
  list.forEach((h, i) => put(`hostnames.${i}`, h === '' ? 'Empty hostname: remove it or fill it in.' : checkHost(h)));
}

function checkHeaders(put: Put, p: string, list: readonly HeaderForm[]): void {
  const seen = new Set<string>();
  list.forEach((h, j) => {
    put(`${p}.${j}.name`, checkHeaderName(h.name));
    // Header lists are maps keyed by name (listType=map), compared case-insensitively.
    if (seen.has(h.name.toLowerCase())) put(`${p}.${j}.name`, `Header ${h.name} is listed twice.`);
    seen.add(h.name.toLowerCase());
  });
}

/** Header match lists (`name=value`, names unique). */
export const checkHeaderMatches = checkHeaders;

/**
 * One rule's (or one backend's) filters. `prefixMatches` is the number of PathPrefix matches of the
 * rule, for the replacePrefixMatch rule; undefined inside a backend, where the rule's matches decide.
 */
export function checkFilters(put: Put, p: string, list: readonly FilterForm[], prefixMatches?: number): void {
  const count = (t: string) => list.filter((f) => f.type === t).length;
  for (const t of ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite'])
    if (count(t) > 1) put(`${p}.${list.findLastIndex((f) => f.type === t)}.type`, `${t} filter cannot be repeated.`);
  if (count('RequestRedirect') > 0 && count('URLRewrite') > 0)
    put(`${p}.${list.findIndex((f) => f.type === 'URLRewrite')}.type`, 'A rule may redirect or rewrite, not both.');
  list.forEach((f, i) => {
    const q = `${p}.${i}`;
    if (f.type === 'RequestHeaderModifier' || f.type === 'ResponseHeaderModifier') {
      checkHeaders(put, `${q}.set`, f.set);
      checkHeaders(put, `${q}.add`, f.add);
      if (f.remove.length > 16) put(`${q}.remove`, 'At most 16 headers can be removed.');
      f.remove.forEach((h) => put(`${q}.remove`, checkHeaderName(h)));
      if (f.set.length + f.add.length + f.remove.length === 0) put(`${q}.set`, 'Set, add or remove at least one header.');
    }
    if (f.type === 'RequestRedirect') {
      put(`${q}.hostname`, f.hostname === '' ? undefined : checkHost(f.hostname));
      put(`${q}.port`, checkPort(f.port, false));
    }
    if (f.type === 'URLRewrite') put(`${q}.hostname`, f.hostname === '' ? undefined : checkHost(f.hostname));
    if (f.type === 'RequestRedirect' || f.type === 'URLRewrite') {
      if (f.pathType && f.pathType !== 'ReplacePrefixMatch' && f.pathValue === '')
        put(`${q}.pathValue`, 'replaceFullPath must be specified when type is ReplaceFullPath.');
      if (f.pathValue && !f.pathValue.startsWith('/')) put(`${q}.pathValue`, "The path must start with '/'.");
      if (f.pathType === 'ReplacePrefixMatch' && prefixMatches !== undefined && prefixMatches !== 1)
        put(`${q}.pathType`, `When using ${f.type} with replacePrefixMatch, the rule needs exactly one PathPrefix match.`);
    }
    if (f.type === 'RequestMirror') {
      put(`${q}.mirrorName`, f.mirrorName ? undefined : 'Pick the Service that receives the copies.');
      put(`${q}.mirrorNamespace`, checkNamespace(f.mirrorNamespace));
      put(`${q}.mirrorPort`, f.mirrorPort === '' ? 'Must have port for Service reference.' : checkPort(f.mirrorPort, true));
    }
  });
}

/** One rule's backendRefs and their filters. */
export function checkBackends(put: Put, p: string, list: readonly BackendForm[]): void {
  list.forEach((b, i) => {
    const q = `${p}.${i}`;
    put(`${q}.name`, b.name ? undefined : 'Pick the Service to send traffic to.');
    put(`${q}.namespace`, checkNamespace(b.namespace));
    put(`${q}.port`, b.port === '' ? 'Must have port for Service reference.' : checkPort(b.port, true));
    if (b.weight !== '' && !(Number.isInteger(Number(b.weight)) && Number(b.weight) >= 0 && Number(b.weight) <= 1_000_000))
      put(`${q}.weight`, 'A weight is a whole number from 0 to 1000000.');
    checkFilters(put, `${q}.filters`, b.filters);
  });
}
