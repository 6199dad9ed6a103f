import type { ImpactSummary } from '@/lib/authoring/types';
import styles from './authoring.module.css';

/**
 * The engine's change impact beside the diff: what starts or stops being served and which
 * statuses change, so a reviewer sees what the change breaks before it is live.
 */
export function ImpactReport({ impact, error }: { impact?: ImpactSummary; error?: string }) {
  if (error) return <p className="inline-warning">{error}</p>;
  if (!impact) return null;
  const empty =
    impact.attached.length +
      impact.detached.length +
      impact.hostnamesGained.length +
      impact.hostnamesLost.length +
      impact.conditions.length ===
    0;
  return (
    <section aria-label="Change impact" className={styles.impact}>
      <h2>Change impact</h2>
      {empty ? <p className="muted">No attachment, hostname or status changes: routing stays as it is.</p> : null}
      <ImpactList
        title="Routes that attach"
        items={impact.attached.map((a) => `${a.routeKind} ${a.route} → ${a.gateway} listener ${a.listener}`)}
      />
      <ImpactList
        title="Routes that detach"
        tone="error"
        items={impact.detached.map((a) => `${a.routeKind} ${a.route} ✕ ${a.gateway} listener ${a.listener}`)}
      />
      <ImpactList
        title="Hostnames newly served"
        items={impact.hostnamesGained.map(
          (h) => `${h.hostname}:${h.port} on ${h.gateway}#${h.listener} (${h.routes.join(', ')})`,
        )}
      />
      <ImpactList
        title="Hostnames no longer served"
        tone="error"
        items={impact.hostnamesLost.map((h) => `${h.hostname}:${h.port} on ${h.gateway}#${h.listener}`)}
      />
      <ImpactList
        title="Status changes"
        items={impact.conditions.map(
          (c) =>
            `${c.kind} ${c.object} ${c.type}: ${c.before ? `${c.before.status}/${c.before.reason}` : 'none'} → ${c.after ? `${c.after.status}/${c.after.reason}` : 'removed'}`,
        )}
      />
    </section>
  );
}

function ImpactList({ title, items, tone }: { title: string; items: string[]; tone?: 'error' }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul aria-label={title} className={tone === 'error' ? styles.impactBad : undefined}>
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </>
  );
}
