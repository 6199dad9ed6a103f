'use client';

import type { Overview } from '@/lib/model/overview';
import { useOverview } from '@/lib/queries/use-overview';
import { CrdChecklist } from './crd-checklist';
import { GatewayApiToggle } from './gateway-api-toggle';
import { HealthSummary } from './health-summary';
import { IngressGateways } from './ingress-gateways';

/** The walkthrough's steps as a live checklist. */
export function OverviewView({ initial }: { initial: Overview }) {
  const { data, error } = useOverview(initial);
  return (
    <div className="steps">
      {error ? (
        <p role="alert" className="inline-warning">
          {error.message}
        </p>
      ) : null}
      <Step n={1} title="Gateway API CRDs">
        <CrdChecklist crds={data.crds} />
      </Step>
      <Step n={2} title="Gateway API enabled in ASM">
        <GatewayApiToggle context={data.context} mesh={data.meshConfig} />
      </Step>
      <Step n={3} title="Ingress gateways">
        <IngressGateways items={data.ingressGateways} />
      </Step>
      <Step n={4} title="Health">
        <HealthSummary health={data.health} problems={data.problems} problemsTotal={data.problemsTotal} />
      </Step>
    </div>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <section className="step" aria-labelledby={`step-${n}`}>
      <h2 id={`step-${n}`}>
        <span className="step-number" aria-hidden="true">
          {n}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}
