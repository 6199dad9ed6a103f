import { formatAge } from '@/lib/model/age';
import type { EventView } from '@/lib/model/details';

/** The Kubernetes Events about one object, as `kubectl describe` lists them. */
export function EventsTable({ events }: { events: EventView[] }) {
  if (events.length === 0) return <p className="muted">No events for this object.</p>;
  return (
    <table className="table" aria-label="Events">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Age</th>
          <th scope="col">From</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={`${e.reason}/${i}`}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td suppressHydrationWarning>{formatAge(e.lastSeen)}</td>
            <td>{e.source ?? ''}</td>
            <td>
              {e.message}
              {e.count > 1 ? ` (×${e.count})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
