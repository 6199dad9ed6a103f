'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { ClusterRolesDialog } from '@/components/clusters/cluster-roles-dialog';
import { selectContext } from '@/lib/actions/select-context';
import { k8sKeys } from '@/lib/queries/keys';
import { useContexts } from '@/lib/queries/use-contexts';
import { ContextMenuItems } from './context-menu-items';
import styles from './context-picker.module.css';

/**
 * The header's context switch (WAI-ARIA menu button): one click on a context makes it this browser's
 * current one and reloads the page's data in place, so the user stays on the page they were reading.
 */
export function ContextPicker({ current, embedded }: { current: string | undefined; embedded: boolean }) {
  const [open, setOpen] = useState(false);
  const [rolesOpen, setRolesOpen] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const contexts = useContexts(open || rolesOpen);
  const client = useQueryClient();
  const router = useRouter();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  const focusItem = (which: 'checked' | 'first' | 'last') => focusIn(menuRef.current, which);
  // Focus moves into the menu when it opens and whenever its items arrive.
  useEffect(() => {
    if (open) focusIn(menuRef.current, 'checked');
  }, [open, contexts.data]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = (name: string) => {
    close(true);
    if (name === current) return;
    setProblem(undefined);
    startTransition(async () => {
      const result = await selectContext({ context: name });
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      await client.invalidateQueries({ queryKey: k8sKeys.cluster() });
      await client.invalidateQueries({ queryKey: k8sKeys.contexts() });
      router.refresh();
    });
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') focusItem('first');
    else if (e.key === 'End') focusItem('last');
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <div className={styles.picker}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.trigger}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="context-menu"
        aria-label={`Context ${current ?? 'none'}${embedded ? ' (embedded)' : ''}: switch context`}
        title="Switch context"
        disabled={pending}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="context-name">
          {current ?? 'no context'}
          {embedded ? <span className="tag">embedded</span> : null}
        </span>
        <span aria-hidden="true">{pending ? ' …' : ' ▾'}</span>
      </button>
      {open ? (
        <div
          ref={menuRef}
          id="context-menu"
          role="menu"
          aria-label="Kubeconfig contexts"
          className={styles.menu}
          onKeyDown={onMenuKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget !== buttonRef.current) close(false);
          }}
        >
          <ContextMenuItems
            answer={contexts.data}
            loading={contexts.isLoading}
            error={contexts.error?.message}
            current={current}
            onChoose={choose}
            onRetry={() => void contexts.refetch()}
            onRoles={() => {
              close(false);
              setRolesOpen(true);
            }}
          />
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="inline-error">
          {problem}
        </p>
      ) : null}
      {rolesOpen ? <ClusterRolesDialog answer={contexts.data} onClose={() => setRolesOpen(false)} /> : null}
    </div>
  );
}

/** Focuses the checked (else first), first or last item of a menu. */
function focusIn(menu: HTMLElement | null, which: 'checked' | 'first' | 'last'): void {
  const all = [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  const checked = all.find((el) => el.getAttribute('aria-checked') === 'true');
  (which === 'checked' ? (checked ?? all[0]) : which === 'first' ? all[0] : all.at(-1))?.focus();
}
