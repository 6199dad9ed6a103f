'use client';

import type { ReactNode } from 'react';
import styles from './form.module.css';

interface Common {
  id: string;
  label: string;
  /** One sentence: what the field does (the walkthrough's "Key fields" tone). */
  help: ReactNode;
  error?: string | undefined;
}

/** Label, control, inline explanation and the validation message, wired for screen readers. */
function Frame({ id, label, help, error, children }: Common & { children: ReactNode }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children}
      <small id={`${id}-help`} className="muted">
        {help}
      </small>
      {error ? (
        <small id={`${id}-error`} className="inline-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error?: string) => (error ? `${id}-help ${id}-error` : `${id}-help`);

/** A text input with suggestions (`options` become a datalist; free entry stays allowed). */
export function TextField(
  p: Common & { value: string; onChange: (v: string) => void; placeholder?: string; options?: string[]; inputMode?: 'numeric' },
) {
  return (
    <Frame {...p}>
      <input
        id={p.id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        placeholder={p.placeholder}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error)}
        list={p.options ? `${p.id}-options` : undefined}
        inputMode={p.inputMode}
        spellCheck={false}
      />
      {p.options ? (
        <datalist id={`${p.id}-options`}>
          {p.options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      ) : null}
    </Frame>
  );
}

/** A select; a current value missing from `options` is still shown, so nothing is lost. */
export function SelectField(
  p: Common & { value: string; onChange: (v: string) => void; options: Array<{ value: string; label: string }> },
) {
  const options =
    p.value && !p.options.some((o) => o.value === p.value) ? [...p.options, { value: p.value, label: p.value }] : p.options;
  return (
    <Frame {...p}>
      <select
        id={p.id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
