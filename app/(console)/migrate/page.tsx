import type { Metadata } from 'next';
import { MigrateWorkspace } from '@/components/migrate/migrate-workspace';
import { SectionPage } from '@/components/shell/section-page';
import { migrationSource } from '@/lib/k8s/migration-source';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/migrate');

export const metadata: Metadata = { title: section.label };

export default async function MigratePage() {
  const source = await migrationSource();
  return (
    <SectionPage section={section}>
      {source.error && (
        <p role="alert" className="inline-warning">
          {source.error}
        </p>
      )}
      {source.target ? (
        <MigrateWorkspace
          context={source.context}
          target={source.target}
          services={source.services}
          {...(source.istioObjects ? { istioObjects: source.istioObjects } : {})}
        />
      ) : (
        <p role="alert" className="inline-error">
          The cluster serves no HTTPRoute: install the Gateway API CRDs first (on ACK, the Gateway API component on the add-ons
          page), then come back to migrate.
        </p>
      )}
    </SectionPage>
  );
}
