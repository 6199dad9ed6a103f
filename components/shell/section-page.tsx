import type { ReactNode } from 'react';
import type { Section } from '@/lib/navigation';
import { EmptyState } from '@/components/ui/empty-state';

/** A section's page frame: its title and summary from the descriptor, then the content or an empty state. */
export function SectionPage({ section, children }: { section: Section; children?: ReactNode }) {
  return (
    <>
      <div className="page-head">
        <h1>{section.label}</h1>
        <p className="summary">{section.summary}</p>
      </div>
      {children ?? (
        <EmptyState title={`Nothing to show in ${section.label} yet`}>
          <p>This is where you will:</p>
          <ul>
            {section.tasks.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </EmptyState>
      )}
    </>
  );
}
