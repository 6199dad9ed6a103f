/**
 * Turns the value side of a match (Exact or RegularExpression) into something to send,
 * and the host side of an attachment into a concrete Host header.
 */
import type { NeedsInput } from './types';
import { sampleForRegex } from '@/lib/gateway-api/routing/regex-sample';

/** A concrete value for a header or query match, or what the user must supply instead. */
export function valueFor(
  kind: 'header' | 'query',
  m: { type?: 'Exact' | 'RegularExpression'; name: string; value: string },
): { value: string; needs?: NeedsInput } {
  // Spec (HTTPHeaderMatch.type, HTTPQueryParamMatch.type): default Exact.
  if ((m.type ?? 'Exact') === 'Exact') return { value: m.value };
  const sample = sampleForRegex(m.value);
  if (sample !== null) return { value: sample };
  return {
    value: '',
    needs: {
      field: kind,
      name: m.name,
      reason: `regular expression ${m.value} is too complex to sample: enter a matching value`,
    },
  };
}

/** Options controlling how hostnames become a Host header. */
export interface HostOptions {
  /** Label replacing `*` in a wildcard hostname; default `httpbin` (`*.aliyun.com` → `httpbin.aliyun.com`). */
  wildcardLabel?: string;
  /** Host used when neither listener nor route restricts hostnames; default `example.com`. */
  anyHost?: string;
}

/**
 * Picks a Host from an attachment's effective hostnames (listener ∩ route, spec
 * HTTPRouteSpec.hostnames): an exact name when there is one, else the first wildcard
 * with its `*` replaced by a concrete label. Notes say what was chosen and why.
 */
export function hostFor(hostnames: readonly string[], opts: HostOptions, notes: string[]): string {
  if (hostnames.length === 0) {
    const any = opts.anyHost ?? 'example.com';
    notes.push(`listener and route accept any host; using ${any}`);
    return any;
  }
  const exact = hostnames.find((h) => !h.startsWith('*.'));
  const chosen = exact ?? (hostnames[0] as string);
  let host = chosen;
  if (chosen.startsWith('*.')) {
    const label = opts.wildcardLabel ?? 'httpbin';
    host = `${label}${chosen.slice(1)}`;
    notes.push(`wildcard ${chosen} replaced by ${host} (edit the label to test another name)`);
  }
  const others = hostnames.filter((h) => h !== chosen);
  if (others.length > 0) notes.push(`also accepted: ${others.join(', ')}`);
  return host;
}
