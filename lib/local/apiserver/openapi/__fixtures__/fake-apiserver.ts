/**
 * Test helper: the smallest HTTP server kubectl accepts as a cluster — version, legacy
 * discovery, the OpenAPI handler under test, and an in-memory object map that echoes writes —
 * so the OpenAPI documents can be checked against the real kubectl binary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JsonObject, ResourceDef } from '../../types';
import { handleOpenApi } from '../index';

/** One request kubectl made that was not a discovery or OpenAPI read. */
export interface Recorded {
  method: string;
  url: string;
  contentType: string;
  body: string;
}

/** A running fake server. */
export interface FakeApiServer {
  kubeconfig: string;
  cacheDir: string;
  requests: Recorded[];
  objects: Map<string, JsonObject>;
  stop(): Promise<void>;
}

function resourceList(groupVersion: string, defs: ResourceDef[]): JsonObject {
  const resources: JsonObject[] = defs.flatMap((d): JsonObject[] => [
    {
      name: d.plural,
      singularName: d.singular,
      namespaced: d.namespaced,
      kind: d.kind,
      verbs: d.verbs,
      shortNames: d.shortNames,
      categories: d.categories,
    },
    ...(d.subresources.status
      ? [
          {
            name: `${d.plural}/status`,
            singularName: '',
            namespaced: d.namespaced,
            kind: d.kind,
            verbs: ['get', 'patch', 'update'],
          },
        ]
      : []),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

function discovery(pathname: string, defs: ResourceDef[]): JsonObject | undefined {
  if (pathname === '/version') return { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' };
  if (pathname === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  if (pathname === '/api/v1')
    return resourceList(
      'v1',
      defs.filter((d) => d.group === ''),
    );
  const groups = [...new Set(defs.filter((d) => d.group !== '').map((d) => d.group))];
  if (pathname === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((name): JsonObject => {
        const versions = defs.filter((d) => d.group === name).map((d) => d.version);
        const unique = [...new Set(versions)].map((version) => ({ groupVersion: `${name}/${version}`, version }));
        const preferred = defs.find((d) => d.group === name && d.storage)?.version ?? versions[0] ?? '';
        return { name, versions: unique, preferredVersion: { groupVersion: `${name}/${preferred}`, version: preferred } };
      }),
    };
  }
  const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (m) {
    const inGv = defs.filter((d) => d.group === m[1] && d.version === m[2]);
    if (inGv.length > 0) return resourceList(`${m[1]}/${m[2]}`, inGv);
  }
  return undefined;
}

const notFound = (res: ServerResponse, message: string) => {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'NotFound', code: 404 }));
};

/** Starts the fake server on 127.0.0.1 (free port) and writes a kubeconfig for it. */
export async function startFakeApiServer(defs: ResourceDef[]): Promise<FakeApiServer> {
  const requests: Recorded[] = [];
  const objects = new Map<string, JsonObject>();
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const openapi = handleOpenApi(req.url ?? '/', defs, req.headers.accept);
    if (openapi) {
      res.writeHead(openapi.status, { 'content-type': openapi.contentType });
      res.end(openapi.body);
      return;
    }
    const doc = req.method === 'GET' ? discovery(url.pathname, defs) : undefined;
    if (doc) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(doc));
      return;
    }
    requests.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
    const key = url.pathname;
    if (req.method === 'POST') {
      const obj = JSON.parse(body) as JsonObject;
      const meta = (obj.metadata ?? {}) as JsonObject;
      const stored = {
        ...obj,
        metadata: { ...meta, uid: 'u-1', resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' },
      };
      objects.set(`${key}/${String(meta.name)}`, stored);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify(stored));
      return;
    }
    const found = objects.get(key);
    if (!found) return notFound(res, `${key} not found`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(found)); // GET and PATCH alike: the tests only inspect what kubectl sent
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-openapi-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{name: fake, cluster: {server: "http://127.0.0.1:${port}"}}]`,
      'users: [{name: fake, user: {token: t}}]',
      'contexts: [{name: fake, context: {cluster: fake, user: fake, namespace: default}}]',
      'current-context: fake',
      '',
    ].join('\n'),
  );
  return {
    kubeconfig,
    cacheDir: path.join(dir, 'cache'),
    requests,
    objects,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
