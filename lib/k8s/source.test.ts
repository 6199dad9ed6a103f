import { describe, expect, it } from 'vitest';
import { resolveKubeconfigSource, resolveKubeconfigSources, type SourceProbe } from './source';

function probe(env: Record<string, string>, files: string[], home = '/home/ana'): SourceProbe {
  return { env, home, exists: (p) => files.includes(p) };
}

describe('resolveKubeconfigSource', () => {
  it('prefers PORTICO_KUBECONFIG over everything else', () => {
    const src = resolveKubeconfigSource(
      probe({ PORTICO_KUBECONFIG: '/x/kc', KUBECONFIG: '/y' }, ['/y', '/home/ana/.kube/config']),
    );
    expect(src).toEqual({ kind: 'file', path: '/x/kc', origin: 'PORTICO_KUBECONFIG' });
  });

  it('takes the first existing file of a KUBECONFIG path list', () => {
    const src = resolveKubeconfigSource(probe({ KUBECONFIG: '/missing:/b:/c' }, ['/b', '/c']));
    expect(src).toEqual({ kind: 'file', path: '/b', origin: 'KUBECONFIG' });
  });

  it('falls back to ~/.kube/config when KUBECONFIG names nothing that exists', () => {
    const src = resolveKubeconfigSource(probe({ KUBECONFIG: '/missing' }, ['/home/ana/.kube/config']));
    expect(src).toEqual({ kind: 'file', path: '/home/ana/.kube/config', origin: 'default' });
  });

  it('uses the service account only inside a pod', () => {
    const token = '/var/run/secrets/kubernetes.io/serviceaccount/token';
    expect(resolveKubeconfigSource(probe({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, [token]))).toEqual({ kind: 'in-cluster' });
    expect(resolveKubeconfigSource(probe({}, [token]))).toEqual({ kind: 'none' });
  });

  it('reports none when nothing is configured, so the embedded cluster starts', () => {
    expect(resolveKubeconfigSource(probe({ KUBECONFIG: '  ' }, []))).toEqual({ kind: 'none' });
  });
});

describe('resolveKubeconfigSources', () => {
  const home = '/home/ana/.kube/config';

  it('limits the console to PORTICO_KUBECONFIG (a path list) when the operator sets it', () => {
    const src = resolveKubeconfigSources(probe({ PORTICO_KUBECONFIG: '/a:/b', KUBECONFIG: '/y' }, ['/a', '/b', '/y', home]));
    expect(src).toEqual([
      { kind: 'file', path: '/a', origin: 'PORTICO_KUBECONFIG' },
      { kind: 'file', path: '/b', origin: 'PORTICO_KUBECONFIG' },
    ]);
  });

  it("offers the user's own contexts after the embedded cluster's", () => {
    const src = resolveKubeconfigSources(
      probe({ PORTICO_KUBECONFIG: '/data/kubeconfig', PORTICO_EMBEDDED: '1', KUBECONFIG: '/missing:/y:/z' }, ['/y', '/z', home]),
    );
    expect(src).toEqual([
      { kind: 'file', path: '/data/kubeconfig', origin: 'PORTICO_KUBECONFIG' },
      { kind: 'file', path: '/y', origin: 'KUBECONFIG' },
      { kind: 'file', path: '/z', origin: 'KUBECONFIG' },
    ]);
  });

  it('merges every existing KUBECONFIG entry, else ~/.kube/config', () => {
    expect(resolveKubeconfigSources(probe({ KUBECONFIG: '/b:/b:/c' }, ['/b', '/c']))).toEqual([
      { kind: 'file', path: '/b', origin: 'KUBECONFIG' },
      { kind: 'file', path: '/c', origin: 'KUBECONFIG' },
    ]);
    expect(resolveKubeconfigSources(probe({}, [home]))).toEqual([{ kind: 'file', path: home, origin: 'default' }]);
  });

  it("adds the pod's service account as one more context inside a pod", () => {
    const token = '/var/run/secrets/kubernetes.io/serviceaccount/token';
    expect(resolveKubeconfigSources(probe({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, [token, home]))).toEqual([
      { kind: 'file', path: home, origin: 'default' },
      { kind: 'in-cluster' },
    ]);
    expect(resolveKubeconfigSources(probe({}, []))).toEqual([]);
  });
});
