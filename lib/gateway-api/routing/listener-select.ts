/**
 * Listener selection for one request, with listener isolation and 421.
 *
 * Spec (Gateway listeners, "Listeners that are distinct only by Hostname"):
 * requests go to the most specific matching listener (exact, then the wildcard
 * with most labels, then no hostname), and only its routes handle them
 * (GatewayHTTPListenerIsolation). Spec (Listener.hostname, HTTPS): when the
 * listener chosen by SNI is not the one the Host selects, return 421 if another
 * listener matches the Host, else 404.
 */
import { hostnameMatches, normalizeHost } from './hostname';
import type { CompiledListener, RouteTable } from './table';
import type { ExplanationStep } from './types';

/** The chosen listener, or the error status when none may take the request. */
export interface ListenerSelection {
  listener?: CompiledListener;
  status?: number;
  steps: ExplanationStep[];
}

/** `namespace/name/listener (hostname)` for explanations. */
export function listenerLabel(l: CompiledListener): string {
  return `${l.gateway}/${l.name} (${l.hostname ?? 'any host'}, ${l.protocol}:${l.port})`;
}

/** Listeners on the address and port that speak the request's scheme. */
export function listenersFor(table: RouteTable, req: { scheme: string; port: number; address?: string }): CompiledListener[] {
  const all = req.address ? table.byAddressPort.get(`${req.address.toLowerCase()}|${req.port}`) : table.byPort.get(req.port);
  const protocol = req.scheme === 'https' ? 'HTTPS' : 'HTTP';
  const out: CompiledListener[] = [];
  if (all) for (const l of all) if (l.protocol === protocol) out.push(l);
  return out;
}

/** Picks the listener for a request (see module doc for the rules applied). */
export function selectListener(
  table: RouteTable,
  req: { scheme: 'http' | 'https'; host: string; port: number; sni?: string; address?: string },
  explain = true,
): ListenerSelection {
  const list = listenersFor(table, req);
  const host = normalizeHost(req.host);
  const steps: ExplanationStep[] = [];
  if (list.length === 0) {
    const dead = table.inactive.filter((i) => i.port === req.port).map((i) => `${i.gateway}/${i.listener}: ${i.reason}`);
    steps.push({
      step: 'listener',
      candidate: `${req.address ?? 'any address'}:${req.port}`,
      chosen: false,
      reason: `no serving ${req.scheme.toUpperCase()} listener on port ${req.port}${dead.length ? `; not serving: ${dead.join('; ')}` : ''}`,
    });
    return { status: 404, steps };
  }
  const byHost = firstMatching(list, host);
  let chosen = byHost;
  let status: number | undefined;
  if (req.scheme === 'https') {
    const sni = normalizeHost(req.sni ?? req.host);
    const bySni = sni === host ? byHost : firstMatching(list, sni);
    if (!bySni) status = 404;
    else if (!byHost) status = 404;
    else if (bySni !== byHost) status = 421;
    chosen = status ? undefined : bySni;
    if (!explain) return { listener: chosen, status, steps };
    for (const l of list) {
      let reason: string;
      if (l === chosen) reason = `most specific listener matching SNI ${sni} and Host ${host}`;
      else if (status === 421 && l === bySni)
        reason = `selected by SNI ${sni}, but Host ${host} belongs to ${listenerLabel(byHost!)}: 421 Misdirected Request`;
      else if (status === 421 && l === byHost)
        reason = `most specific listener for Host ${host}, but the connection's SNI ${sni} selected another listener`;
      else if (hostnameMatches(l.hostname, sni))
        reason = 'matches SNI but a more specific listener takes precedence (listener isolation)';
      else continue;
      steps.push({ step: 'listener', candidate: listenerLabel(l), chosen: l === chosen, reason });
    }
    pushUnmatched(steps, list, (l) => !hostnameMatches(l.hostname, sni), `SNI ${sni}`);
    if (!bySni)
      steps.push({ step: 'listener', candidate: `SNI ${sni}`, chosen: false, reason: 'no HTTPS listener matches the SNI' });
    else if (!byHost)
      steps.push({ step: 'listener', candidate: `Host ${host}`, chosen: false, reason: 'no listener matches the Host: 404' });
    return { listener: chosen, status, steps };
  }
  if (!explain) return chosen ? { listener: chosen, steps } : { status: 404, steps };
  for (const l of list) {
    let reason: string;
    if (l === chosen) reason = `most specific listener matching Host ${host}`;
    else if (hostnameMatches(l.hostname, host))
      reason = 'matches Host but a more specific listener takes precedence (listener isolation)';
    else continue;
    steps.push({ step: 'listener', candidate: listenerLabel(l), chosen: l === chosen, reason });
  }
  pushUnmatched(steps, list, (l) => !hostnameMatches(l.hostname, host), `Host ${host}`);
  return chosen ? { listener: chosen, steps } : { status: 404, steps };
}

/** One summary step for listeners whose hostname does not match (keeps traces short on shared addresses). */
function pushUnmatched(
  steps: ExplanationStep[],
  list: CompiledListener[],
  miss: (l: CompiledListener) => boolean,
  what: string,
): void {
  const names = list.filter(miss).map((l) => `${l.gateway}/${l.name} (${l.hostname})`);
  if (names.length === 0) return;
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  steps.push({ step: 'listener', candidate: shown, chosen: false, reason: `hostname does not match ${what}` });
}

/** The first (most specific) listener whose hostname admits `host`. */
function firstMatching(list: CompiledListener[], host: string): CompiledListener | undefined {
  for (const l of list) if (hostnameMatches(l.hostname, host)) return l;
  return undefined;
}
