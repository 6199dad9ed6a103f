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

/**
 * One repeated item of a form (a listener, a parent, a rule, a backend, a filter): a named group
 * with its fields and its own remove button, so every list in every form looks and reads the same.
 */
export function FieldGroup(p: {
  /** Accessible name and legend, e.g. `Rule 1`. */
  label: string;
  onRemove?: () => void;
  /** Nested items (a match inside a rule) are rows, not framed boxes. */
  nested?: boolean;
  children: ReactNode;
}) {
  const remove = p.onRemove ? (
    <button type="button" className="button-quiet" onClick={p.onRemove}>
      Remove {p.label.charAt(0).toLowerCase() + p.label.slice(1)}
    </button>
  ) : null;
  if (p.nested)
    return (
      <div className={styles.row} role="group" aria-label={p.label}>
        {p.children}
        {remove}
      </div>
    );
  return (
    <fieldset className={styles.group} aria-label={p.label}>
      <legend>{p.label}</legend>
      {p.children}
      {remove}
    </fieldset>
  );
}

/** The "Add …" button under a list. */
export function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <button type="button" className="button-quiet" onClick={onAdd}>
      {label}
    </button>
  );
}

/** Replaces item `i` of `list` with `item`. */
export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

/** `list` without item `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}
