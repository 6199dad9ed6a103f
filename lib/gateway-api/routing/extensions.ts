/**
 * Fields of newer bundles (v1.2+ rule `retry`, v1.5+ `CORS` filter) read
 * defensively from the raw objects, so routing supports them whatever the
 * shared types model yet.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httpcorsfilter
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httprouteretry
 */
import { parseDuration } from './duration';
import type { RetryDecision } from './types';

/** `HTTPCORSFilter`. */
export interface HTTPCORSFilter {
  allowOrigins?: string[];
  allowCredentials?: boolean;
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  maxAge?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** The `cors` member of a filter object, when present and well-formed. */
export function readCors(filter: unknown): HTTPCORSFilter | undefined {
  if (!isRecord(filter) || !isRecord(filter.cors)) return undefined;
  const c = filter.cors;
  return {
    allowOrigins: strings(c.allowOrigins),
    allowCredentials: c.allowCredentials === true,
    allowMethods: strings(c.allowMethods),
    allowHeaders: strings(c.allowHeaders),
    exposeHeaders: strings(c.exposeHeaders),
    maxAge: typeof c.maxAge === 'number' ? c.maxAge : undefined,
  };
}

/** The `retry` member of a rule object, when present. */
export function readRetry(rule: unknown): RetryDecision | undefined {
  if (!isRecord(rule) || !isRecord(rule.retry)) return undefined;
  const r = rule.retry;
  const codes = Array.isArray(r.codes) ? r.codes.filter((x): x is number => typeof x === 'number') : [];
  return {
    codes,
    attempts: typeof r.attempts === 'number' ? r.attempts : undefined,
    backoffMs: typeof r.backoff === 'string' ? parseDuration(r.backoff) : undefined,
  };
}
