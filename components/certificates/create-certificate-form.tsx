'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import { saveTlsSecret, type SavedTlsSecret } from '@/lib/actions/save-tls-secret';
import { usePermissions } from '@/lib/queries/use-permissions';

const maxUploadBytes = 1024 * 1024;

/**
 * Create the TLS Secret an HTTPS listener references: upload a PEM pair, or generate a self-signed
 * certificate for testing. Fields keep what the user typed when saving fails.
 */
export function CreateCertificateForm({ context, namespaces }: { context: string; namespaces: string[] }) {
  const [mode, setMode] = useState<'generate' | 'upload'>('generate');
  const [name, setName] = useState('myexample-credential');
  const [namespace, setNamespace] = useState(namespaces[0] ?? 'istio-system');
  const [hostnames, setHostnames] = useState('a.aliyun.com');
  const [certPem, setCertPem] = useState('');
  const [keyPem, setKeyPem] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<SavedTlsSecret>();
  const [pending, start] = useTransition();
  // Asked for the namespace typed, once it is a namespace name (the API validates the rest when saving).
  const asked = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace) ? namespace : '';
  const access = usePermissions(context, asked).access('create', 'secrets', '');
  const noteId = useId();

  const readFile = (set: (v: string) => void, label: string) => async (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxUploadBytes)
      return setError(
        `${label}: ${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the limit is 1 MiB. A PEM file is a few kilobytes: check that this is the right file.`,
      );
    set(await file.text());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const source =
      mode === 'generate'
        ? { kind: 'generate' as const, hostnames: hostnames.split(/[\s,]+/).filter(Boolean) }
        : { kind: 'upload' as const, certPem, keyPem, ...(passphrase ? { passphrase } : {}) };
    start(async () => {
      const result = await saveTlsSecret({ context, namespace, name, source });
      if (result.ok) setSaved(result.value);
      else setError(result.error);
    });
  };

  return (
    <form className="cert-form" onSubmit={submit} aria-label="Create a TLS certificate">
      <fieldset className="mode">
        <legend>Source</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'generate'} onChange={() => setMode('generate')} /> Generate a
          self-signed certificate (testing and demos only)
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'upload'} onChange={() => setMode('upload')} /> Upload a certificate
          and private key (PEM)
        </label>
      </fieldset>
      <div className="row">
        <label>
          Secret name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
          <small className="muted">The name the listener&apos;s tls.certificateRefs uses.</small>
        </label>
        <label>
          Namespace
          <input value={namespace} onChange={(e) => setNamespace(e.target.value)} list="cert-namespaces" required />
          <datalist id="cert-namespaces">
            {namespaces.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <small className="muted">Usually the Gateway&apos;s namespace; another one needs a ReferenceGrant.</small>
        </label>
      </div>
      {mode === 'generate' ? (
        <label>
          Hostnames
          <input value={hostnames} onChange={(e) => setHostnames(e.target.value)} required />
          <small className="muted">
            Comma separated; they become the certificate&apos;s SANs (wildcards such as *.aliyun.com allowed).
          </small>
        </label>
      ) : (
        <div className="row">
          <label>
            Certificate chain (PEM)
            <textarea
              aria-label="Certificate chain (PEM)"
              value={certPem}
              onChange={(e) => setCertPem(e.target.value)}
              rows={6}
              placeholder="-----BEGIN CERTIFICATE-----"
            />
            <input
              type="file"
              aria-label="Certificate file"
              accept=".pem,.crt,.cer"
              onChange={(e) => void readFile(setCertPem, 'Certificate')(e.target.files?.[0])}
            />
          </label>
          <label>
            Private key (PEM)
            <textarea
              aria-label="Private key (PEM)"
              value={keyPem}
              onChange={(e) => setKeyPem(e.target.value)}
              rows={6}
              placeholder="-----BEGIN PRIVATE KEY-----"
            />
            <input
              type="file"
              aria-label="Private key file"
              accept=".pem,.key"
              onChange={(e) => void readFile(setKeyPem, 'Private key')(e.target.files?.[0])}
            />
            <small className="muted">Stays on the server: it is never shown again.</small>
          </label>
          <label>
            Key passphrase
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
            <small className="muted">
              Only for an encrypted key; the key is stored decrypted, as Kubernetes TLS Secrets require.
            </small>
          </label>
        </div>
      )}
      <button type="submit" className="button" disabled={pending || !access.usable} {...accessDescribedBy(access, noteId)}>
        {pending ? 'Checking and saving…' : 'Create certificate'}
      </button>
      <AccessNote id={noteId} access={access} />
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      {saved ? (
        <div role="status" className="saved">
          Created Secret {namespace}/{name}: {saved.summary.leaf?.subjectCN}, valid until{' '}
          {saved.summary.leaf?.notAfter.slice(0, 10)}.
          {saved.coverage.length ? (
            <ul>
              {saved.coverage.map((c) => (
                <li key={c.hostname}>
                  listener hostname {c.hostname}: {c.covered ? `covered by ${c.by}` : 'NOT covered by any SAN'}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
