'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useId } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import styles from '@/components/access/access-note.module.css';
import { GATEWAY_GROUP, kinds, type KindName } from '@/lib/model/kinds';
import { usePermissions } from '@/lib/queries/use-permissions';

/**
 * The "Create" entry point of a list page, to the form of its kind: disabled, with the reason beside it,
 * when the signed-in user may not create that kind in the list's namespace filter (cluster-wide without one).
 */
export function CreateLink({ href, label, kind }: { href: string; label: string; kind: KindName }) {
  const namespace = useSearchParams().get('ns') ?? '';
  const permissions = usePermissions('', namespace);
  const info = kinds[kind];
  const access = permissions.access('create', info.plural, info.group);
  const id = useId();
  const hint =
    access.state === 'denied' && !namespace && info.group === GATEWAY_GROUP
      ? { ...access, text: `${access.text} Filter by a namespace to check where you may create them.` }
      : access;
  return (
    <p>
      {access.usable ? (
        <Link className="button" href={href} {...accessDescribedBy(hint, id)}>
          {label}
        </Link>
      ) : (
        // A link cannot be disabled: without href it is a placeholder link, announced as disabled.
        <a className={`button ${styles.disabledLink}`} role="link" aria-disabled="true" {...accessDescribedBy(hint, id)}>
          {label}
        </a>
      )}{' '}
      <Link className="button-quiet" href="/yaml">
        Apply YAML
      </Link>
      <AccessNote id={id} access={hint} />
    </p>
  );
}
