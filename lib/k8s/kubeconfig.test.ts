import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listContexts, loadKubeConfig } from './kubeconfig';
import { resolveContext, UnknownContextError } from './current-context';

const kubeconfig = (name: string, server: string) => `apiVersion: v1
kind: Config
clusters:
  - name: ${name}
    cluster: { server: '${server}' }
users:
  - name: ${name}
    user: { token: secret-${name} }
contexts:
  - name: ${name}
    context: { cluster: ${name}, user: ${name}, namespace: default }
current-context: ${name}
`;

describe('loadKubeConfig', () => {
  let dir = '';
  const saved = { ...process.env };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-kubeconfig-'));
    fs.writeFileSync(path.join(dir, 'embedded'), kubeconfig('portico-local', 'https://127.0.0.1:6443'));
    fs.writeFileSync(path.join(dir, 'user'), kubeconfig('ack-hangzhou', 'https://ack.example.com:6443'));
    fs.writeFileSync(path.join(dir, 'broken'), ':: not yaml [');
  });
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("offers the embedded cluster first, then the user's contexts, without credentials in the summaries", async () => {
    process.env.PORTICO_KUBECONFIG = path.join(dir, 'embedded');
    process.env.PORTICO_EMBEDDED = '1';
    process.env.KUBECONFIG = `${path.join(dir, 'broken')}:${path.join(dir, 'user')}`;
    const config = loadKubeConfig()!;
    const contexts = listContexts(config);
    expect(contexts.map((c) => c.name)).toEqual(['portico-local', 'ack-hangzhou']);
    expect(JSON.stringify(contexts)).not.toContain('secret-');
    expect(config.getCurrentContext()).toBe('portico-local');
    // Outside a request there is no cookie: the kubeconfig's current context.
    await expect(resolveContext()).resolves.toBe('portico-local');
    await expect(resolveContext('ack-hangzhou')).resolves.toBe('ack-hangzhou');
    await expect(resolveContext('elsewhere')).rejects.toBeInstanceOf(UnknownContextError);
  });

  it('limits the console to PORTICO_KUBECONFIG when an operator sets it', () => {
    process.env.PORTICO_KUBECONFIG = path.join(dir, 'user');
    delete process.env.PORTICO_EMBEDDED;
    process.env.KUBECONFIG = path.join(dir, 'embedded');
    expect(listContexts(loadKubeConfig()!).map((c) => c.name)).toEqual(['ack-hangzhou']);
  });
});
