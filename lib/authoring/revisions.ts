/**
 * Recorded revisions of an object (the history ConfigMaps Portico writes on every apply), as the
 * detail page lists them, and the links into the normal edit flow. Pure and serializable.
 */
import type { FormKind } from './form-kinds';

/** One recorded revision: the object as it was before an apply replaced it. */
export interface Revision {
  revision: number;
  /** Who applied the change that replaced this version. */
  author: string;
  /** When it was replaced (RFC 3339). */
  time: string;
  yaml: string;
}

/**
 * The revisions held by a history ConfigMap's data (`rev-N`) and annotations
 * (`portico.io/rev-N-author`, `portico.io/rev-N-time`), newest first.
 */
export function revisionsFromHistory(
  data: Readonly<Record<string, string>> | undefined,
  annotations: Readonly<Record<string, string>> | undefined,
): Revision[] {
  return Object.entries(data ?? {})
    .map(([k, yaml]) => ({ n: /^rev-(\d+)$/.exec(k)?.[1], yaml }))
    .filter((x): x is { n: string; yaml: string } => x.n !== undefined)
    .map(({ n, yaml }) => ({
      revision: Number(n),
      author: annotations?.[`portico.io/rev-${n}-author`] ?? 'unknown',
      time: annotations?.[`portico.io/rev-${n}-time`] ?? '',
      yaml,
    }))
    .sort((a, b) => b.revision - a.revision);
}

const editBase: Record<FormKind, string> = {
  Gateway: '/gateways/edit',
  HTTPRoute: '/routes/edit',
  GRPCRoute: '/routes/edit',
  ReferenceGrant: '/reference-grants/edit',
};

/** The edit page of an object; with `revision`, the page starts from that revision (a rollback). */
export function editHref(kind: FormKind, namespace: string, name: string, revision?: number): string {
  const q = new URLSearchParams({
    ...(kind === 'GRPCRoute' ? { kind } : {}),
    namespace,
    name,
    ...(revision !== undefined ? { revision: String(revision) } : {}),
  });
  return `${editBase[kind]}?${q}`;
}
