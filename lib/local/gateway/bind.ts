/**
 * Binding one address:port, with the privileged-port fallback: a process that may not bind
 * a port below 1024 serves it on port+10000 instead, and says so.
 */
import type net from 'node:net';

/** Offset added to privileged ports that cannot be bound (80 → 10080, 443 → 10443). */
export const PRIVILEGED_PORT_OFFSET = 10_000;

/** `auto`: try the port, remap on EACCES; `remap`: always remap ports below 1024 without trying. */
export type PrivilegedPortPolicy = 'auto' | 'remap';

function listenOnce(server: net.Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host: address, exclusive: true });
  });
}

/**
 * Listens on `address:port`, remapping a privileged port per `policy`.
 * @returns the port actually bound (differs from `port` when remapped or when `port` is 0).
 */
export async function bindWithFallback(
  server: net.Server,
  address: string,
  port: number,
  policy: PrivilegedPortPolicy,
): Promise<number> {
  const privileged = port > 0 && port < 1024;
  if (privileged && policy === 'remap') return listenOnce(server, port + PRIVILEGED_PORT_OFFSET, address);
  try {
    return await listenOnce(server, port, address);
  } catch (err) {
    if (privileged && (err as NodeJS.ErrnoException).code === 'EACCES') {
      return listenOnce(server, port + PRIVILEGED_PORT_OFFSET, address);
    }
    throw err;
  }
}
