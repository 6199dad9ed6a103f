/**
 * The set of ports the local gateway serves, reconciled live: unchanged ports keep their
 * sockets (only certificates are swapped), new ports are bound, removed ports drain.
 */
import { PRIVILEGED_PORT_OFFSET, type PrivilegedPortPolicy } from './bind';
import { openBinding, type Binding, type BindingHandlers, type ConnectionInfo } from './binding';
import { loadCertificates, type CertificateSpec } from './certificates';

/** One port to serve. Several Gateway listeners sharing a port become one spec with several certificates. */
export interface ListenerSpec {
  address: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS';
  /** For HTTPS: certificates chosen by SNI (most specific hostname wins). */
  certificates?: CertificateSpec[];
}

/** The outcome for one spec after {@link ListenerSet.apply}. */
export interface ListenerStatus extends ConnectionInfo {
  /** True when bound and serving (an HTTPS port needs at least one valid certificate). */
  ready: boolean;
  /** Bind failure or certificate problems, empty when all is well. */
  errors: string[];
}

/** Options of {@link createListenerSet}. */
export interface ListenerSetOptions extends BindingHandlers {
  /** Largest request header section accepted before answering 431; default 60 KiB (Envoy's default). */
  maxHeaderSize?: number;
  /** Privileged port handling; default `auto` (try, then port+10000). */
  privilegedPorts?: PrivilegedPortPolicy;
  /** Accept h2c prior-knowledge on HTTP ports; default true. */
  h2c?: boolean;
  /** How long a removed port may keep in-flight requests before they are cut; default 30 s. */
  drainMs?: number;
}

/** A live, reconcilable set of ports. */
export interface ListenerSet {
  /** Makes the served ports exactly `specs`, without restarting unchanged ones. */
  apply(specs: readonly ListenerSpec[]): Promise<ListenerStatus[]>;
  /** Current state of every port. */
  status(): ListenerStatus[];
  /** Closes every port (draining in-flight requests up to `drainMs`). */
  close(): Promise<void>;
}

const keyOf = (s: { address: string; port: number }) => `${s.address}:${s.port}`;

/**
 * A bind error as an operator reads it: which local port was tried (port+10000 when remapped)
 * and, for the usual causes, what they mean. Starts with `bind ` (the runtime retries those).
 */
function bindFailure(spec: ListenerSpec, err: unknown): string {
  const e = err as NodeJS.ErrnoException & { port?: number };
  const tried = `${spec.address}:${e.port ?? spec.port}`;
  if (e.code === 'EADDRINUSE') return `bind ${tried}: port in use by another process (EADDRINUSE)`;
  if (e.code === 'EADDRNOTAVAIL') return `bind ${tried}: address not available on this host (EADDRNOTAVAIL)`;
  if (e.code === 'EACCES') return `bind ${tried}: permission denied (EACCES)`;
  return `bind ${tried}: ${e instanceof Error ? e.message : String(err)}`;
}

/**
 * Formats the `portico.dev/local-ports` annotation value for a set of ports: `80=10080,443=10443`,
 * listing only remapped ports (empty when none was).
 */
export function localPortsAnnotation(statuses: readonly ConnectionInfo[]): string {
  const pairs = new Map<number, number>();
  for (const s of statuses) if (s.boundPort !== s.port && s.port !== 0) pairs.set(s.port, s.boundPort);
  return [...pairs]
    .sort((a, b) => a[0] - b[0])
    .map(([p, b]) => `${p}=${b}`)
    .join(',');
}

/**
 * Creates an empty listener set; call `apply` to bind ports.
 * @param opts request/upgrade handlers (shared by all ports) and server limits.
 */
export function createListenerSet(opts: ListenerSetOptions): ListenerSet {
  const bindingOpts = {
    maxHeaderSize: opts.maxHeaderSize ?? 60 * 1024,
    privilegedPorts: opts.privilegedPorts ?? 'auto',
    h2c: opts.h2c ?? true,
  };
  const drainMs = opts.drainMs ?? 30_000;
  const live = new Map<string, { spec: ListenerSpec; binding: Binding; status: ListenerStatus }>();
  const failed = new Map<string, ListenerStatus>();
  // Serialise reconciliations: two overlapping applies would race on the same ports.
  let queue: Promise<unknown> = Promise.resolve();

  async function reconcile(specs: readonly ListenerSpec[]): Promise<ListenerStatus[]> {
    const wanted = new Map(specs.map((s) => [keyOf(s), s]));
    failed.clear();
    for (const [key, entry] of live) {
      const next = wanted.get(key);
      if (!next || next.protocol !== entry.spec.protocol) {
        live.delete(key);
        // Not awaited: the port is released at once, in-flight requests drain in the background.
        void entry.binding.close(drainMs);
      }
    }
    for (const [key, spec] of wanted) {
      const { loaded, errors } = loadCertificates(spec.protocol === 'HTTPS' ? (spec.certificates ?? []) : []);
      if (spec.protocol === 'HTTPS' && loaded.length === 0) errors.push('no valid certificate');
      const existing = live.get(key);
      if (existing) {
        existing.binding.setCertificates(loaded);
        existing.spec = spec;
        existing.status = { ...existing.binding.info, ready: spec.protocol === 'HTTP' || loaded.length > 0, errors };
        continue;
      }
      if (spec.protocol === 'HTTPS' && loaded.length === 0) {
        failed.set(key, { address: spec.address, port: spec.port, boundPort: 0, protocol: spec.protocol, ready: false, errors });
        continue;
      }
      try {
        const binding = await openBinding(spec.address, spec.port, spec.protocol, loaded, opts, bindingOpts);
        live.set(key, { spec, binding, status: { ...binding.info, ready: true, errors } });
      } catch (err) {
        const message = bindFailure(spec, err);
        failed.set(key, {
          address: spec.address,
          port: spec.port,
          boundPort: 0,
          protocol: spec.protocol,
          ready: false,
          errors: [...errors, message],
        });
      }
    }
    return status();
  }

  function status(): ListenerStatus[] {
    return [...[...live.values()].map((e) => e.status), ...failed.values()];
  }

  return {
    apply(specs) {
      const run = queue.then(() => reconcile(specs));
      queue = run.catch(() => undefined);
      return run;
    },
    status,
    async close() {
      await queue;
      const closing = [...live.values()].map((e) => e.binding.close(drainMs));
      live.clear();
      await Promise.all(closing);
    },
  };
}

export { PRIVILEGED_PORT_OFFSET };
