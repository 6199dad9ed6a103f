import 'server-only';
import { explainFailure, type ApiFailure } from './error-messages';

/** What the caller knows about the request when the thrown error does not say (watches, client-node calls). */
export interface RequestHint {
  method?: string;
  path?: string;
  watch?: boolean;
}

/**
 * Turns whatever client-node or the network threw into one plain sentence that is safe to show: for
 * 401/403 the refused RBAC verb and resource, for a 404 on a collection the missing CRD, for network
 * failures what to check; otherwise the API's own `Status.message`. Never a stack or a credential.
 */
export function describeError(err: unknown, hint: RequestHint = {}): string {
  const failure = failureOf(err, hint);
  return failure ? explainFailure(failure) : String(err);
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT']);

/** Extracts the Status, request and network facts from a K8sApiError, a client-node ApiException or a Node error. */
export function failureOf(err: unknown, hint: RequestHint = {}): ApiFailure | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as {
    code?: unknown;
    statusCode?: unknown;
    reason?: unknown;
    body?: unknown;
    message?: unknown;
    cause?: unknown;
    details?: ApiFailure['details'];
    request?: { method?: string; path?: string };
  };
  const status = parseStatus(e.body);
  const cause = e.cause as { code?: unknown } | undefined;
  const netCode = [cause?.code, e.code].find((c): c is string => typeof c === 'string' && networkCodes.has(c));
  const message = status?.message ?? (typeof e.message === 'string' ? e.message : undefined);
  const timedOut = typeof message === 'string' && /no answer (from .* )?within/.test(message);
  const code =
    status?.code ?? (typeof e.code === 'number' ? e.code : typeof e.statusCode === 'number' ? e.statusCode : undefined);
  const method = e.request?.method ?? hint.method;
  const path = e.request?.path ?? hint.path;
  const details = status?.details ?? e.details;
  return {
    ...(code !== undefined && code > 0 ? { code } : {}),
    ...(typeof e.reason === 'string' ? { reason: e.reason } : status?.reason ? { reason: status.reason } : {}),
    ...(message ? { message: message.split('\n')[0] } : {}),
    ...(details ? { details } : {}),
    ...(method ? { method } : {}),
    ...(path ? { path } : {}),
    ...(hint.watch ? { watch: true } : {}),
    ...(netCode ? { network: netCode } : timedOut && code === undefined ? { network: 'TIMEOUT' } : {}),
  };
}

interface StatusBody {
  code?: number;
  reason?: string;
  message?: string;
  details?: ApiFailure['details'];
}

function parseStatus(body: unknown): StatusBody | undefined {
  const parsed = typeof body === 'string' ? safeJson(body) : body;
  if (parsed && typeof parsed === 'object' && (parsed as { kind?: unknown }).kind === 'Status') return parsed as StatusBody;
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
