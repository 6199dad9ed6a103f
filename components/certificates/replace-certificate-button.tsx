'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import { previewTlsReplacement, type ReplacementPreview } from '@/lib/actions/preview-tls-replacement';
import { saveTlsSecret } from '@/lib/actions/save-tls-secret';
import type { CertificateInfo } from '@/lib/certs/types';
import type { ListenerUse } from '@/lib/model/certificates';
import { usePermissions } from '@/lib/queries/use-permissions';
import { CertificateComparison } from './certificate-comparison';

/**
 * Rotate a certificate in place: upload or generate the new one, compare it with the current one
 * (validity, SANs, listener hostnames covered), then save it guarded by the resourceVersion seen
 * when the dialog opened, so a change made meanwhile is a conflict, never overwritten.
 */
export function ReplaceCertificateButton(props: {
  context: string;
  namespace: string;
  name: string;
  resourceVersion?: string;
  current: CertificateInfo | null;
  usedBy: ListenerUse[];
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [seenVersion, setSeenVersion] = useState(props.resourceVersion);
  const [mode, setMode] = useState<'generate' | 'upload'>('generate');
  const [hostnames, setHostnames] = useState(props.current?.dnsNames.join(', ') ?? '');
  const [days, setDays] = useState(90);
  const [certPem, setCertPem] = useState('');
  const [keyPem, setKeyPem] = useState('');
  const [preview, setPreview] = useState<ReplacementPreview>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, start] = useTransition();
  const title = `Replace certificate ${props.namespace}/${props.name}`;
  // Replacing writes the Secret in place (PUT): verb update on secrets in its namespace.
  const access = usePermissions(props.context, props.namespace).access('update', 'secrets', '');
  const noteId = useId();

  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);

  const source = () =>
    mode === 'generate'
      ? { kind: 'generate' as const, hostnames: hostnames.split(/[\s,]+/).filter(Boolean), days }
      : { kind: 'upload' as const, certPem, keyPem };
  const base = { context: props.context, namespace: props.namespace, name: props.name };
  // Any edit invalidates the comparison: what is saved must be what was checked.
  const edited = () => {
    setPreview(undefined);
    setDone(undefined);
  };

  const check = () => {
    setError(undefined);
    start(async () => {
      const r = await previewTlsReplacement({ ...base, source: source() });
      if (r.ok) setPreview(r.value);
      else setError(r.error);
    });
  };
  const save = () => {
    setError(undefined);
    start(async () => {
      const r = await saveTlsSecret({ ...base, source: source(), replaceResourceVersion: seenVersion });
      if (!r.ok) return setError(r.error);
      setPreview(undefined);
      setDone(`Replaced Secret ${props.namespace}/${props.name}: valid until ${r.value.summary.leaf?.notAfter.slice(0, 10)}.`);
    });
  };

  return (
    <>
      <button
        type="button"
        className="button-quiet"
        disabled={!props.resourceVersion || !access.usable}
        {...accessDescribedBy(access, noteId)}
        onClick={() => {
          setSeenVersion(props.resourceVersion);
          setError(undefined);
          setDone(undefined);
          setPreview(undefined);
          setOpen(true);
        }}
      >
        Replace<span className="visually-hidden"> {`${props.namespace}/${props.name}`}</span>
      </button>
      <AccessNote id={noteId} access={access} />
      <dialog ref={ref} className="dialog" aria-label={title} onCancel={() => setOpen(false)} onClose={() => setOpen(false)}>
        <h2>{title}</h2>
        <form className="cert-form" aria-label="Replacement certificate" onSubmit={(e) => (e.preventDefault(), check())}>
          <fieldset className="mode">
            <legend>New certificate</legend>
            <label>
              <input
                type="radio"
                name="replace-mode"
                checked={mode === 'generate'}
                onChange={() => (setMode('generate'), edited())}
              />{' '}
              Generate a self-signed certificate (testing only)
            </label>
            <label>
              <input
                type="radio"
                name="replace-mode"
                checked={mode === 'upload'}
                onChange={() => (setMode('upload'), edited())}
              />{' '}
              Upload a certificate and private key (PEM)
            </label>
          </fieldset>
          {mode === 'generate' ? (
            <div className="row">
              <label>
                Hostnames
                <input value={hostnames} onChange={(e) => (setHostnames(e.target.value), edited())} required />
              </label>
              <label>
                Validity (days)
                <input
                  type="number"
                  min={1}
                  max={825}
                  value={days}
                  onChange={(e) => (setDays(Number(e.target.value)), edited())}
                  required
                />
              </label>
            </div>
          ) : (
            <div className="row">
              <label>
                Certificate chain (PEM)
                <textarea rows={5} value={certPem} onChange={(e) => (setCertPem(e.target.value), edited())} />
              </label>
              <label>
                Private key (PEM)
                <textarea rows={5} value={keyPem} onChange={(e) => (setKeyPem(e.target.value), edited())} />
                <small className="muted">Stays on the server: it is never shown again.</small>
              </label>
            </div>
          )}
          <button type="submit" className="button-quiet" disabled={pending}>
            Check
          </button>
        </form>
        {preview ? <CertificateComparison current={props.current} next={preview} usedBy={props.usedBy} /> : null}
        {error ? (
          <p role="alert" className="inline-error">
            {error}
          </p>
        ) : null}
        {done ? (
          <p role="status" className="saved">
            {done}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
            Close
          </button>
          <button type="button" className="button" disabled={!preview || pending} onClick={save}>
            {pending ? 'Working…' : 'Replace certificate'}
          </button>
        </div>
      </dialog>
    </>
  );
}
