'use client';

import type { ReactNode } from 'react';
import { useObjects } from '@/lib/queries/use-objects';
import { TextField } from './field';

/** A namespace input suggesting the cluster's namespaces (free entry stays allowed). */
export function NamespaceField(p: {
  id: string;
  context: string;
  value: string;
  onChange: (v: string) => void;
  help: ReactNode;
  error?: string | undefined;
  label?: string;
}) {
  const namespaces = useObjects(p.context, 'Namespace');
  return (
    <TextField
      id={p.id}
      label={p.label ?? 'Namespace'}
      value={p.value}
      onChange={p.onChange}
      options={(namespaces.data?.items ?? []).map((n) => n.metadata.name)}
      error={p.error}
      help={p.help}
    />
  );
}
