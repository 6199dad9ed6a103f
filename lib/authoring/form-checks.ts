/**
 * Single-field rules shared by every form, as the API server states them (Kubernetes names,
 * Gateway API `Hostname`, `PortNumber`, `Duration`, header names). Each returns the message to show,
 * or undefined when the value is fine.
 */

/** Problems by field id (`name`, `listeners.0.hostname`, `rules.0.backendRefs.1.port` …). */
export type FormProblems = Record<string, string>;

const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// Gateway API `Hostname`: a wildcard only as the whole first label; a bare `*` is not allowed.
const hostname = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Gateway API `Duration` (GEP-2257): 1 to 4 parts of up to 5 digits with h, m, s or ms.
const duration = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
// Gateway API `HTTPHeaderName` (RFC 7230 token).
const headerName = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** A `PortNumber`: 1 to 65535. */
export function checkPort(v: string, required: boolean): string | undefined {
  if (v === '') return required ? 'A port is required.' : undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? undefined : 'A port is a whole number from 1 to 65535.';
}

/** An object name (DNS-1123 subdomain). */
export function checkName(v: string, what: string): string | undefined {
  if (v === '') return `${what} is required.`;
  return v.length <= 253 && subdomain.test(v)
    ? undefined
    : `${what}: lower case letters, digits, '-' and '.', starting and ending with a letter or digit.`;
}

/** A namespace name (DNS-1123 label); empty is allowed unless `required`. */
export function checkNamespace(v: string, required = false): string | undefined {
  if (v === '') return required ? 'A namespace is required.' : undefined;
  return v.length <= 63 && label.test(v) ? undefined : 'A namespace: lower case letters, digits and -, at most 63 characters.';
}

/** A Gateway API `Hostname` (empty means all hosts). */
export function checkHost(v: string): string | undefined {
  if (v === '') return undefined;
  if (v === '*') return 'A wildcard (*) alone is not allowed; omit the hostname to match all hosts.';
  return hostname.test(v)
    ? undefined
    : 'A hostname like app.example.com or *.example.com (lower case, the wildcard only as the first label).';
}

/** A Gateway API `Duration` such as `10s`, `1m30s` or `500ms` (empty: no timeout set). */
export function checkDuration(v: string): string | undefined {
  if (v === '') return undefined;
  return duration.test(v) ? undefined : 'A duration like 10s, 1m30s or 500ms (h, m, s, ms; up to 5 digits per part).';
}

/** Milliseconds of a valid `Duration` (0 for empty). */
export function durationMs(v: string): number {
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const m of v.matchAll(/([0-9]+)(ms|h|m|s)/g)) total += Number(m[1]) * (unit[m[2] ?? 's'] ?? 0);
  return total;
}

/** An HTTP header name. */
export function checkHeaderName(v: string): string | undefined {
  if (v === '') return 'A header needs a name.';
  return headerName.test(v) && v.length <= 256
    ? undefined
    : `"${v}" is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~).`;
}
