import Link from 'next/link';
import type { ReactNode } from 'react';
import { stringify } from 'yaml';
import { StateBadge } from '@/components/ui/state-badge';
import type { ObjectDetails } from '@/lib/model/details';
import type { HealthState } from '@/lib/model/overview';
import { ConditionsTable } from './conditions-table';
import { EventsTable } from './events-table';
import { RefreshOnChange } from './refresh-on-change';
import { RelatedList } from './related-list';

export type DetailTab = 'overview' | 'yaml' | 'events';

/** The frame of every detail page: title, state, tabs (in the URL), and the live refresh. */
export function DetailView(props: {
  details: ObjectDetails;
  state: HealthState;
  fields: ReactNode;
  tab: DetailTab;
  basePath: string;
  watchKeys: string[];
  actions?: ReactNode;
}) {
  const { details, tab } = props;
  const { metadata } = details.object;
  const title = `${details.kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`;
  const tabs: Array<{ id: DetailTab; label: string }> = [
    { id: 'overview', label: 'Overview' },
    { id: 'yaml', label: 'YAML' },
    { id: 'events', label: `Events (${details.events.length})` },
  ];
  return (
    <article aria-label={title}>
      <RefreshOnChange keys={props.watchKeys} />
      <div className="page-head detail-head">
        <h1>
          {details.kind}{' '}
          <span className="object-name">
            {metadata.namespace ? `${metadata.namespace}/` : ''}
            {metadata.name}
          </span>
        </h1>
        <StateBadge
          state={props.state}
          label={{ ok: 'Ready', warning: 'Warning', error: 'Error', pending: 'No status yet' }[props.state]}
        />
        {props.actions}
      </div>
      {details.warnings?.map((w) => (
        <p key={w} role="alert" className="inline-warning">
          {w}
        </p>
      ))}
      <nav className="tabs" aria-label="Object views">
        {tabs.map((t) => (
          <Link
            key={t.id}
            href={t.id === 'overview' ? props.basePath : `${props.basePath}?tab=${t.id}`}
            aria-current={t.id === tab ? 'page' : undefined}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === 'overview' ? (
        <div className="detail-sections">
          <section aria-labelledby="spec-h">
            <h2 id="spec-h">Specification</h2>
            {props.fields}
          </section>
          <section aria-labelledby="cond-h">
            <h2 id="cond-h">Conditions</h2>
            {details.analysisNote ? <p className="muted">{details.analysisNote}</p> : null}
            <ConditionsTable rows={details.conditions} {...(details.generation ? { generation: details.generation } : {})} />
          </section>
          <section aria-labelledby="rel-h">
            <h2 id="rel-h">Related objects</h2>
            <RelatedList items={details.related} />
          </section>
        </div>
      ) : null}
      {tab === 'yaml' ? (
        <section aria-label="YAML">
          <pre className="yaml-view" tabIndex={0}>
            {stringify(details.object)}
          </pre>
        </section>
      ) : null}
      {tab === 'events' ? <EventsTable events={details.events} /> : null}
    </article>
  );
}
