'use client';

import type { ContextsAnswer } from '@/lib/queries/use-contexts';
import styles from './context-picker.module.css';

/** The picker menu's rows: one radio item per context with its reachability and roles, then the roles editor. */
export function ContextMenuItems(props: {
  answer: ContextsAnswer | undefined;
  loading: boolean;
  error: string | undefined;
  current: string | undefined;
  onChoose: (name: string) => void;
  onRetry: () => void;
  onRoles: () => void;
}) {
  const { answer } = props;
  if (props.loading) return <p className={styles.note}>Loading contexts…</p>;
  if (props.error || !answer?.view) {
    return (
      <div className={styles.note}>
        <p role="alert">{props.error ?? 'No kubeconfig contexts are configured.'}</p>
        <button type="button" role="menuitem" className="button-quiet" onClick={props.onRetry}>
          Retry
        </button>
      </div>
    );
  }
  const { view } = answer;
  return (
    <>
      {view.contexts.map((c) => {
        const probe = answer.reachability.find((r) => r.name === c.name);
        const roles = [
          view.roles.mesh === c.name ? 'mesh' : undefined,
          view.roles.dataPlanes.includes(c.name) ? 'data plane' : undefined,
        ].filter(Boolean);
        return (
          <button
            key={c.name}
            type="button"
            role="menuitemradio"
            aria-checked={c.name === props.current}
            tabIndex={-1}
            className={styles.item}
            onClick={() => props.onChoose(c.name)}
          >
            <span
              className={`dot dot-${probe ? (probe.reachable ? 'reachable' : 'unreachable') : 'unconfigured'}`}
              aria-hidden="true"
            />
            <span className={styles.itemName}>{c.name}</span>{' '}
            <span className={styles.itemMeta}>
              {c.server}
              {probe ? ` · ${probe.reachable ? `reachable${probe.version ? ` ${probe.version}` : ''}` : 'unreachable'}` : ''}
              {roles.length ? ` · ${roles.join(', ')}` : ''}
            </span>
          </button>
        );
      })}
      <div role="separator" className={styles.separator} />
      <button type="button" role="menuitem" tabIndex={-1} className={`${styles.item} ${styles.plain}`} onClick={props.onRoles}>
        Cluster roles (mesh and data planes)…
      </button>
    </>
  );
}
