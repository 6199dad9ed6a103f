/**
 * The seed's two checks end to end on loopback: build the request from the route rule,
 * discover the (local, port-remapped) gateway address, resolve and guard it, send, compare
 * with the engine's prediction, and run the equivalent curl command for the same status.
 * A tiny server stands in for the gateway + httpbin (echo on HTTP, teapot on HTTPS).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequestsForRule, HTTPBIN_PATH_SAMPLES } from './build-requests';
import { compare } from './compare';
import { curlCommand } from './curl';
import { discoverTargets, targetPort } from './discover-targets';
import { predict } from './predict';
import { resolveAndGuard } from './resolve';
import { sendVerification } from './send';
import { selfSigned } from './test-certs';
import { world } from './test-support';

function httpbinLike(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/status/418') {
    res.writeHead(418, { 'content-type': 'text/html; charset=utf-8' });
    res.end('-=[ teapot ]=-\n\n       _...._\n');
    return;
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k.replace(/(^|-)\w/g, (c) => c.toUpperCase()), String(v)]),
  );
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({ args: {}, headers, url: `http://${req.headers.host}${req.url}`, method: req.method, path: url.pathname }),
  );
}

const servers: Server[] = [];
const ports = { http: 0, https: 0 };
async function listen(s: Server): Promise<number> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  servers.push(s);
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  ports.http = await listen(createServer(httpbinLike));
  ports.https = await listen(createTlsServer(selfSigned(['*.aliyun.com']), httpbinLike));
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
});

describe('seed verification on loopback', () => {
  const w = world('seed-http.yaml', 'seed-https.yaml');
  const policy = { addresses: new Set<string>(), allowLoopback: true, consolePorts: [3000] };

  async function verify(routeKey: string, label: string) {
    const [req] = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', routeKey, 0, {
      wildcardLabel: label,
      pathSamples: HTTPBIN_PATH_SAMPLES,
    });
    if (!req) throw new Error('no request built');
    const gw = w.snapshot.gateways.find((g) => `${g.metadata.namespace}/${g.metadata.name}` === req.gateway);
    if (!gw) throw new Error('no gateway');
    const local = { ...gw, status: { addresses: [{ type: 'IPAddress', value: '127.0.0.1' }] } };
    const [target] = discoverTargets(local, undefined, { inCluster: false, localPorts: `80=${ports.http},443=${ports.https}` });
    if (!target) throw new Error('no target');
    const port = targetPort(target, req.port);
    const ok = await resolveAndGuard(target.address, port, policy);
    if (!ok.ok) throw new Error(ok.reason);
    const result = await sendVerification(req, { address: ok.address, port }, { dnsMs: ok.dnsMs });
    const comparison = compare(predict(w.table, req, req.gateway), result);
    return { req, target, result, comparison, curl: curlCommand(req, { address: ok.address, port }) };
  }

  // The copied command as a user runs it (async: the servers live in this process), reduced to its status.
  const curlStatus = async (cmd: string): Promise<number> => {
    const { stdout } = await promisify(execFile)('sh', ['-c', `${cmd} -s -o /dev/null -w '%{http_code}' --max-time 5`]);
    return Number(stdout);
  };

  it("HTTP route: 200 with httpbin's echo, as expected; curl agrees", async () => {
    const v = await verify('default/http', 'httpbin');
    expect(v.target.source).toBe('Gateway status address');
    expect(v.result.status).toBe(200);
    expect(v.comparison).toEqual({ pass: true, differences: [], recognized: 'httpbin-echo' });
    expect(v.curl).toBe(`curl -i -H 'Host: httpbin.aliyun.com' 'http://127.0.0.1:${ports.http}/get'`);
    expect(await curlStatus(v.curl)).toBe(200);
  });

  it('HTTPS route: /status/418 gives the teapot and shows the *.aliyun.com certificate; curl agrees', async () => {
    const v = await verify('default/httpbin-https', 'a');
    expect(v.result.status).toBe(418);
    expect(v.comparison).toEqual({ pass: true, differences: [], recognized: 'httpbin-teapot' });
    expect(v.result.tls).toMatchObject({ subject: 'CN=*.aliyun.com', coversHost: true });
    expect(v.curl).toBe(
      `curl -k -i --resolve a.aliyun.com:${ports.https}:127.0.0.1 'https://a.aliyun.com:${ports.https}/status/418'`,
    );
    expect(await curlStatus(v.curl)).toBe(418);
  });
});
