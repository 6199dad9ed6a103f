/**
 * `pods/{name}/portforward` over WebSocket, as the kubelet serves it (pkg/kubelet/cri/streaming/
 * portforward/websocket.go) behind the API server: subprotocol `v4.channel.k8s.io` (or none),
 * binary frames whose first byte is the channel; for the i-th requested port, channel 2i carries
 * data both ways and channel 2i+1 errors to the client; the first frame on each channel carries
 * the port as uint16 little-endian. Bytes go to the real local process serving the pod (see
 * ./target). SPDY (kubectl's classic transport) is not served.
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { authenticateRequest, authorizeRequest, type Access } from '../authz/access';
import { parseApiPath } from '../paths';
import type { Store } from '../store';
import { ApiError } from '../types';
import { forwardTarget } from './target';
import { acceptWebSocket, chooseProtocol, isWebSocketUpgrade, type ServerWebSocket } from './websocket';

/** The subprotocols of the kubelet's port-forward WebSocket, in its preference order. */
export const PORT_FORWARD_PROTOCOLS = ['v4.channel.k8s.io'] as const;

const PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward\/?$/;

/** Whether an upgrade request is for this subresource. */
export function isPortForwardPath(url: string | undefined): boolean {
  return PATH.test(new URL(url ?? '/', 'https://127.0.0.1').pathname);
}

/** `ports=80&ports=443` or `ports=80,443`, each 1-65535 (kubelet's parsing). */
export function parsePorts(query: URLSearchParams): number[] {
  const raw = query.getAll('ports').flatMap((v) => v.split(','));
  if (raw.length === 0) throw new ApiError(400, 'BadRequest', 'query parameter "ports" is required');
  return raw.map((v) => {
    const n = Number(v.trim());
    if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new ApiError(400, 'BadRequest', `unable to parse "${v}" as a port`);
    return n;
  });
}

function refuse(socket: Duplex, err: unknown): void {
  const e = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));
  const status = JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: e.message,
    reason: e.reason,
    code: e.code,
  });
  socket.end(
    `HTTP/1.1 ${e.code} ${e.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(status)}\r\nConnection: close\r\n\r\n${status}`,
  );
}

function channelFrame(channel: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([channel]), data]);
}

/** Relays one port: dial the target, then copy bytes both ways on channel `2i` (errors on `2i+1`). */
function relay(ws: ServerWebSocket, index: number, port: number, target: () => { host: string; port: number }, done: () => void) {
  const portBytes = Buffer.alloc(2);
  portBytes.writeUInt16LE(port, 0);
  ws.sendBinary(channelFrame(2 * index, portBytes));
  ws.sendBinary(channelFrame(2 * index + 1, portBytes));
  let to: { host: string; port: number };
  try {
    to = target();
  } catch (err) {
    ws.sendBinary(channelFrame(2 * index + 1, Buffer.from(err instanceof Error ? err.message : String(err))));
    done();
    return undefined;
  }
  const tcp = net.connect({ host: to.host, port: to.port });
  tcp.on('data', (d: Buffer) => ws.sendBinary(channelFrame(2 * index, d)));
  tcp.on('error', (err) => {
    ws.sendBinary(
      channelFrame(2 * index + 1, Buffer.from(`error forwarding port ${port} to ${to.host}:${to.port}: ${err.message}`)),
    );
  });
  tcp.on('close', done);
  return tcp;
}

/**
 * Handles an HTTP upgrade on the API server; answers with a Status when it is not a valid port-forward.
 * The caller is authenticated and authorized like every other request (authz/access.ts), as verb
 * `create` on `pods/portforward`: the upgrade is a GET, but a GET must not let a read-only user open a
 * connection into a pod (Kubernetes RBAC docs; kube-apiserver's AuthorizePodWebsocketUpgradeCreatePermission).
 */
export function handlePortForwardUpgrade(
  deps: { store: Store; access: Access },
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
) {
  try {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const m = PATH.exec(url.pathname);
    if (!m) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const user = authenticateRequest(deps.access, req);
    authorizeRequest(deps.access, user, 'POST', url.pathname, url.searchParams, parseApiPath(url.pathname));
    if (!isWebSocketUpgrade(req))
      throw new ApiError(400, 'BadRequest', 'port-forward needs a WebSocket upgrade (SPDY is not served)');
    const [namespace, name] = [decodeURIComponent(m[1] ?? ''), decodeURIComponent(m[2] ?? '')];
    const ports = parsePorts(url.searchParams);
    forwardTarget(deps.store, namespace, name, ports[0] as number); // refuse before upgrading when nothing serves it
    const offered = req.headers['sec-websocket-protocol'];
    const protocol = offered ? chooseProtocol(req, PORT_FORWARD_PROTOCOLS) : '';
    if (protocol === undefined)
      throw new ApiError(400, 'BadRequest', `no supported subprotocol; offer ${PORT_FORWARD_PROTOCOLS.join(', ')}`);
    const ws = acceptWebSocket(req, socket, head, protocol);
    let open = ports.length;
    const ended = () => {
      if (--open === 0) ws.close(1000);
    };
    const conns = ports.map((p, i) => relay(ws, i, p, () => forwardTarget(deps.store, namespace, name, p), ended));
    ws.onMessage((msg) => {
      const channel = msg[0];
      if (channel === undefined || channel % 2 === 1) return; // clients write only to data channels
      conns[channel / 2]?.write(msg.subarray(1));
    });
    ws.onClose(() => {
      for (const c of conns) c?.destroy();
    });
  } catch (err) {
    refuse(socket, err);
  }
}
