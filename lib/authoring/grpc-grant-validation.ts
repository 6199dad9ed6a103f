/**
 * Rules for the GRPCRoute and ReferenceGrant forms, as the API server checks them (Gateway API CRD
 * schemas and CEL rules: `GRPCMethodMatch`, `ReferenceGrantFrom`, `ReferenceGrantTo`).
 */
import { checkName, checkNamespace, type FormProblems } from './form-checks';
import type { GRPCRouteForm } from './grpc-route-form';
import type { ReferenceGrantForm } from './reference-grant-form';
import {
  checkBackends,
  checkFilters,
  checkHeaderMatches,
  checkHostnames,
  checkParents,
  collector,
} from './route-part-validation';

// GRPCMethodMatch CEL, for type Exact (the default).
const grpcService = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const grpcMethod = /^[A-Za-z_][A-Za-z_0-9]*$/;
// ReferenceGrant `Group` and `Kind` patterns.
const group = /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const kind = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

function regexProblem(v: string): string | undefined {
  try {
    new RegExp(v);
    return undefined;
  } catch {
    return 'Not a valid regular expression.';
  }
}

/** Validates the GRPCRoute form (spec: GRPCRoute; CEL rules of the v1 GRPCRoute CRD). */
export function validateGRPCRouteForm(f: GRPCRouteForm): FormProblems {
  const out: FormProblems = {};
  const put = collector(out);
  put('name', checkName(f.name, 'Name'));
  checkParents(put, f.parentRefs);
  checkHostnames(put, f.hostnames);
  f.rules.forEach((rule, r) => {
    rule.matches.forEach((m, i) => {
      const p = `rules.${r}.matches.${i}`;
      if (m.type && !m.service && !m.method) put(`${p}.service`, "One or both of 'service' or 'method' must be specified.");
      if (m.type === 'RegularExpression') {
        put(`${p}.service`, m.service ? regexProblem(m.service) : undefined);
        put(`${p}.method`, m.method ? regexProblem(m.method) : undefined);
      } else {
        if (m.service && !grpcService.test(m.service))
          put(`${p}.service`, 'A service is a dotted name like helloworld.Greeter (letters, digits, _).');
        if (m.method && !grpcMethod.test(m.method)) put(`${p}.method`, 'A method is a name like SayHello (letters, digits, _).');
      }
      checkHeaderMatches(put, `${p}.headers`, m.headers);
    });
    checkFilters(put, `rules.${r}.filters`, rule.filters);
    checkBackends(put, `rules.${r}.backendRefs`, rule.backendRefs);
  });
  return out;
}

function checkGroup(v: string): string | undefined {
  return v.length <= 253 && group.test(v)
    ? undefined
    : 'An API group like gateway.networking.k8s.io, or empty for the core group.';
}

function checkKind(v: string): string | undefined {
  if (v === '') return 'A kind is required (e.g. HTTPRoute, Service).';
  return v.length <= 63 && kind.test(v) ? undefined : 'A kind is a CamelCase name like HTTPRoute.';
}

/** Validates the ReferenceGrant form (spec: ReferenceGrant; 1 to 16 entries on each side). */
export function validateReferenceGrantForm(f: ReferenceGrantForm): FormProblems {
  const out: FormProblems = {};
  const put = collector(out);
  put('name', checkName(f.name, 'Name'));
  put('namespace', checkNamespace(f.namespace));
  if (f.from.length === 0) put('from', 'Add at least one referrer (From).');
  if (f.to.length === 0) put('to', 'Add at least one target (To).');
  if (f.from.length > 16) put('from', 'At most 16 referrers.');
  if (f.to.length > 16) put('to', 'At most 16 targets.');
  f.from.forEach((x, i) => {
    put(`from.${i}.group`, checkGroup(x.group));
    put(`from.${i}.kind`, checkKind(x.kind));
    put(`from.${i}.namespace`, checkNamespace(x.namespace, true));
  });
  f.to.forEach((x, i) => {
    put(`to.${i}.group`, checkGroup(x.group));
    put(`to.${i}.kind`, checkKind(x.kind));
    put(`to.${i}.name`, x.name === '' ? undefined : checkName(x.name, 'Name'));
  });
  return out;
}
