/**
 * The last resort of target discovery for a console outside the cluster: a port-forward through
 * the Kubernetes API (pods/{name}/portforward, WebSocket `v4.channel.k8s.io`, client-node's
 * PortForward) to a ready pod of the ingress gateway Service. A listener on 127.0.0.1 of the
 * console's own process takes each connection through its own WebSocket, so the ordinary send
 * path (TLS with SNI, HTTP/2, timings) runs unchanged over it.
 */
import 'server-only';
import net from 'node:net';
import { PortForward, type KubeConfig } from '@kubernetes/client-node';
import { k8sRequest } from './request';

/** An open port-forward: connect to `address:port` to reach `pod`'s `podPort`. */
export interface OpenPortForward {
  address: string;
  port: number;
  /** `namespace/name` of the pod the bytes go to. */
  pod: string;
  podPort: number;
  close(): Promise<void>;
}

interface ServiceShape {
  spec?: {
    selector?: Record<string, string>;
    ports?: Array<{ port?: number; targetPort?: number | string }>;
  };
}

interface PodShape {
  metadata: { name: string; namespace?: string; deletionTimestamp?: string };
  spec?: { containers?: Array<{ ports?: Array<{ name?: string; containerPort?: number }> }> };
  status?: { phase?: string; conditions?: Array<{ type: string; status: string }> };
}

/** Running, Ready, not terminating: a pod the Service would send traffic to (core/v1 PodConditionType Ready). */
export function isReadyPod(p: PodShape): boolean {
  return (
    !p.metadata.deletionTimestamp &&
    p.status?.phase === 'Running' &&
    (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** The pod port a Service port targets (targetPort number, named container port, or the port itself). */
export function podPortFor(servicePort: { port?: number; targetPort?: number | string }, pod: PodShape): number | undefined {
  const t = servicePort.targetPort ?? servicePort.port;
  if (typeof t === 'number') return t;
  if (t !== undefined && /^\d+$/.test(t)) return Number(t);
  return (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((p) => p.name === t)?.containerPort;
}

/**
 * Opens a port-forward to a ready pod of Service `service` (`namespace/name`) for its port
 * `servicePort`. Throws an Error naming what is missing (Service, ready pod, port).
 */
export async function openServicePortForward(kc: KubeConfig, service: string, servicePort: number): Promise<OpenPortForward> {
  const [namespace = 'default', name = ''] = service.split('/');
  const ns = encodeURIComponent(namespace);
  const svc = await k8sRequest<ServiceShape>(kc, { path: `/api/v1/namespaces/${ns}/services/${encodeURIComponent(name)}` });
  const sp = (svc.spec?.ports ?? []).find((p) => p.port === servicePort);
  if (!sp) throw new Error(`Service ${service} has no port ${servicePort}`);
  const selector = Object.entries(svc.spec?.selector ?? {});
  if (selector.length === 0) throw new Error(`Service ${service} has no selector: no pod to port-forward to`);
  const pods = await k8sRequest<{ items: PodShape[] }>(kc, {
    path: `/api/v1/namespaces/${ns}/pods`,
    query: { labelSelector: selector.map(([k, v]) => `${k}=${v}`).join(',') },
  });
  const pod = pods.items.filter(isReadyPod).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
  if (!pod) throw new Error(`no ready pod of Service ${service} to port-forward to`);
  const podPort = podPortFor(sp, pod);
  if (podPort === undefined) throw new Error(`Service ${service} port ${servicePort} names a container port no pod declares`);
  return forwardPod(kc, namespace, pod.metadata.name, podPort);
}

/** Listens on 127.0.0.1 (a free port) and forwards each connection to `podPort` of the pod. */
export async function forwardPod(kc: KubeConfig, namespace: string, pod: string, podPort: number): Promise<OpenPortForward> {
  const forward = new PortForward(kc, true);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    forward.portForward(namespace, pod, [podPort], socket, null, socket).then(
      (ws) => {
        // client-node leaves the local socket open when the WebSocket ends: end it, so an HTTP
        // client sees the connection close as it would with the gateway itself.
        const conn = ws as unknown as { on(e: 'close', fn: () => void): void; close(): void };
        conn.on('close', () => socket.end());
        socket.once('close', () => conn.close());
      },
      () => socket.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    address: '127.0.0.1',
    port,
    pod: `${namespace}/${pod}`,
    podPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
