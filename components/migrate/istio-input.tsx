'use client';

import { forwardRef, useState, type ChangeEvent } from 'react';
import { stringify } from 'yaml';
import type { IstioObject } from '@/lib/migrate/types';
import styles from './migrate.module.css';

/** Props of {@link IstioInput}. */
export interface IstioInputProps {
  text: string;
  onText: (text: string) => void;
  namespace: string;
  onNamespace: (ns: string) => void;
  istioObjects?: IstioObject[];
  restoredAt?: string;
  onDiscard: () => void;
}

const MAX_UPLOAD = 1024 * 1024;

/** The Istio YAML: pasted, uploaded, or picked from the cluster's Istio objects. */
export const IstioInput = forwardRef<HTMLTextAreaElement, IstioInputProps>(function IstioInput(props, ref) {
  const [uploadError, setUploadError] = useState<string | undefined>();
  const [picked, setPicked] = useState<Set<number>>(new Set());

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_UPLOAD)
      return setUploadError(`${file.name} is ${Math.round(file.size / 1024)} KiB; the limit is 1 MiB. Nothing was loaded.`);
    const text = await file.text();
    if (text.includes('\uFFFD')) return setUploadError(`${file.name} is not UTF-8 text. Nothing was loaded.`);
    setUploadError(undefined);
    props.onText(text);
  };

  const usePicked = () => {
    const chosen = (props.istioObjects ?? []).filter((_, i) => picked.has(i));
    props.onText(chosen.map((o) => stringify(o, { lineWidth: 0 })).join('---\n'));
  };

  return (
    <div>
      <div className={styles.toolbar}>
        <label>
          Upload YAML <input type="file" accept=".yaml,.yml,.json,text/yaml" onChange={(e) => void upload(e)} />
        </label>
        <label>
          Namespace for objects without one{' '}
          <input value={props.namespace} onChange={(e) => props.onNamespace(e.target.value.trim())} size={16} />
        </label>
      </div>
      {uploadError && (
        <p role="alert" className="inline-error">
          {uploadError}
        </p>
      )}
      {props.restoredAt && (
        <p className="muted">
          Restored your draft from {new Date(props.restoredAt).toLocaleString()}.{' '}
          <button type="button" className="button-quiet" onClick={props.onDiscard}>
            Discard draft
          </button>
        </p>
      )}
      <textarea
        ref={ref}
        className={styles.input}
        aria-label="Istio YAML"
        spellCheck={false}
        value={props.text}
        placeholder="Paste Istio Gateway, VirtualService and DestinationRule YAML (networking.istio.io)"
        onChange={(e) => props.onText(e.target.value)}
      />
      {props.istioObjects === undefined ? (
        <p className="muted">
          This cluster does not serve networking.istio.io, so there are no Istio objects to pick: paste or upload them.
        </p>
      ) : (
        <fieldset>
          <legend>Istio objects in the cluster</legend>
          {props.istioObjects.length === 0 && <p className="muted">None found.</p>}
          {props.istioObjects.map((o, i) => (
            <label key={`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`} style={{ display: 'block' }}>
              <input
                type="checkbox"
                checked={picked.has(i)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(i);
                  else next.delete(i);
                  setPicked(next);
                }}
              />{' '}
              {o.kind} {o.metadata.namespace}/{o.metadata.name}
            </label>
          ))}
          {props.istioObjects.length > 0 && (
            <button type="button" className="button" disabled={picked.size === 0} onClick={usePicked}>
              Use selected objects
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
});
