import 'server-only';

/**
 * Turns whatever client-node or the network threw into one plain sentence that is safe to show:
 * the API's own `Status.message` when there is one, never a stack or a credential.
 */
export function describeError(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; body?: unknown; message?: unknown; cause?: unknown };
    const status = parseStatus(e.body);
    if (status) return status;
    const cause = e.cause as { code?: unknown } | undefined;
    const code = typeof cause?.code === 'string' ? cause.code : typeof e.code === 'string' ? e.code : undefined;
    if (code === 'ECONNREFUSED') return 'connection refused; is the cluster running?';
    if (code === 'ENOTFOUND') return 'the server name does not resolve';
    if (typeof e.message === 'string') return e.message.split('\n')[0] ?? 'unknown error';
  }
  return String(err);
}

function parseStatus(body: unknown): string | undefined {
  const parsed = typeof body === 'string' ? safeJson(body) : body;
  if (parsed && typeof parsed === 'object' && (parsed as { kind?: unknown }).kind === 'Status') {
    const msg = (parsed as { message?: unknown }).message;
    return typeof msg === 'string' ? msg : undefined;
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
