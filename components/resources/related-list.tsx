import Link from 'next/link';
import { StateBadge } from '@/components/ui/state-badge';
import type { RelatedObject } from '@/lib/model/details';

/** Objects this one points to or is pointed at by, with their state. */
export function RelatedList({ items }: { items: RelatedObject[] }) {
  if (items.length === 0) return <p className="muted">No related object.</p>;
  return (
    <ul className="related" aria-label="Related objects">
      {items.map((r, i) => {
        const label = `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
        return (
          <li key={`${label}/${r.relation}/${i}`}>
            {r.href ? <Link href={r.href}>{label}</Link> : label} <span className="muted">{r.relation}</span>{' '}
            {r.state ? <StateBadge state={r.state} label={r.note ?? (r.state === 'ok' ? 'ok' : r.state)} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
