import type { ReactNode } from 'react';
import type { K8sObject } from '@/lib/model/objects';

/**
 * One column of a resource list. `text` feeds sorting and the text filter, so what a user filters on
 * is exactly what they see; `cell` may render it richer.
 */
export interface Column {
  id: string;
  header: string;
  text: (obj: K8sObject) => string;
  cell?: (obj: K8sObject) => ReactNode;
  /** Sort numerically / by time rather than alphabetically. */
  sortValue?: (obj: K8sObject) => number;
  width?: string;
}

/** What a list page needs to know about a kind: its columns, the link to a row's page, its state. */
export interface ListDescriptor {
  title: string;
  columns: Column[];
  href: (obj: K8sObject) => string;
  /** ok / warning / error / pending, from the conditions the controller wrote. */
  state: (obj: K8sObject) => 'ok' | 'warning' | 'error' | 'pending';
  emptyHint: ReactNode;
}
