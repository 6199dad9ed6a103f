import Link from 'next/link';
import type { KindName } from '@/lib/model/kinds';
import type { K8sObject } from '@/lib/model/objects';
import styles from './verify-links.module.css';

/** Rules linked one by one; a longer route links its first rule and the picker does the rest. */
const MAX_RULE_LINKS = 6;

/**
 * Verify links for a detail page's header: one per rule of a route (to the verify page with
 * the rule preselected), or "Verify all" for a Gateway. Renders nothing for other kinds.
 */
export function VerifyLinks({ kind, object }: { kind: KindName; object: K8sObject }) {
  const ns = object.metadata.namespace ?? 'default';
  const name = object.metadata.name;
  if (kind === 'Gateway') {
    return (
      <nav aria-label="Verify" className={styles.links}>
        <Link className="button-quiet" href={`/verify?gateway=${encodeURIComponent(`${ns}/${name}`)}`}>
          Verify all routes of this Gateway
        </Link>
      </nav>
    );
  }
  if (kind !== 'HTTPRoute' && kind !== 'GRPCRoute') return null;
  const seg = kind === 'GRPCRoute' ? 'grpc' : 'http';
  const rules = ((object.spec as { rules?: unknown[] } | undefined)?.rules ?? []).length;
  const href = (i: number) => `/verify?route=${seg}/${encodeURIComponent(ns)}/${encodeURIComponent(name)}&rule=${i}`;
  if (rules <= 1 || rules > MAX_RULE_LINKS) {
    return (
      <nav aria-label="Verify" className={styles.links}>
        <Link className="button" href={href(0)}>
          Verify
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Verify" className={styles.links}>
      {Array.from({ length: rules }, (_, i) => (
        <Link key={i} className="button-quiet" href={href(i)}>
          Verify rule {i + 1}
        </Link>
      ))}
    </nav>
  );
}
