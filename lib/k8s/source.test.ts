import { describe, expect, it } from 'vitest';
import { resolveKubeconfigSource, type SourceProbe } from './source';

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
