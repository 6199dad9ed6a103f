import type { Metadata } from 'next';
import { CertificateTable } from '@/components/certificates/certificate-table';
import { CreateCertificateForm } from '@/components/certificates/create-certificate-form';
import { RefreshOnChange } from '@/components/resources/refresh-on-change';
import { SectionPage } from '@/components/shell/section-page';
import { EmptyState } from '@/components/ui/empty-state';
import { getCertificates } from '@/lib/k8s/certificates';
import { describeError } from '@/lib/k8s/errors';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/certificates');

export const metadata: Metadata = { title: section.label };

export default async function CertificatesPage({ searchParams }: { searchParams: Promise<{ ns?: string }> }) {
  const { ns } = await searchParams;
  const view = await getCertificates(ns ? { namespace: ns } : {}).catch((err: unknown) => ({ error: describeError(err) }));
  if ('error' in view) {
    return (
      <SectionPage section={section}>
        <EmptyState title="TLS certificates could not be listed">
          <p role="alert">{view.error}</p>
        </EmptyState>
      </SectionPage>
    );
  }
  return (
    <SectionPage section={section}>
      <RefreshOnChange keys={['Secret:*', 'Gateway:*', 'ReferenceGrant:*']} />
      <nav className="tabs" aria-label="Namespaces">
        <a href="/certificates" aria-current={ns ? undefined : 'page'}>
          All namespaces
        </a>
        {view.namespaces.map((n) => (
          <a key={n} href={`/certificates?ns=${n}`} aria-current={ns === n ? 'page' : undefined}>
            {n}
          </a>
        ))}
      </nav>
      {view.missing.length ? (
        <p role="alert" className="inline-error">
          Missing certificates:{' '}
          {view.missing.map((m) => `${m.namespace}/${m.name} (referenced by ${m.gateway} listener ${m.listener})`).join('; ')}.
          Create them below.
        </p>
      ) : null}
      {view.rows.length ? (
        <CertificateTable rows={view.rows} context={view.context} />
      ) : (
        <EmptyState title="No TLS certificate">
          <p>
            HTTPS listeners with tls.mode Terminate reference a kubernetes.io/tls Secret through certificateRefs. Create one
            below.
          </p>
        </EmptyState>
      )}
      <section className="section-block" aria-labelledby="create-cert">
        <h2 id="create-cert">Create a certificate</h2>
        <CreateCertificateForm context={view.context} namespaces={view.namespaces.length ? view.namespaces : ['istio-system']} />
      </section>
    </SectionPage>
  );
}
