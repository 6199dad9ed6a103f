'use client';

import { useRouter } from 'next/navigation';
import type { RuleOption } from '@/lib/actions/verify-types';
import styles from './verify.module.css';

/** The URL of the verify page for one rule: `?route=http/<ns>/<name>&rule=<i>`. */
export function verifyHref(o: Pick<RuleOption, 'routeKind' | 'route' | 'ruleIndex'>): string {
  return `/verify?route=${o.routeKind === 'GRPCRoute' ? 'grpc' : 'http'}/${o.route}&rule=${o.ruleIndex}`;
}

/** Picks the route rule to verify; the choice lives in the URL so the view can be shared. */
export function RulePicker({ rules, value }: { rules: RuleOption[]; value?: string }) {
  const router = useRouter();
  if (rules.length === 0) {
    return (
      <p className="muted" role="status">
        No HTTPRoute or GRPCRoute in this cluster yet: create one (e.g. the walkthrough&apos;s gateway-http.yaml), then come back.
      </p>
    );
  }
  return (
    <label className={styles.picker}>
      Route rule
      <select aria-label="Route rule" value={value ?? ''} onChange={(e) => e.target.value && router.push(e.target.value)}>
        <option value="">Choose a rule…</option>
        {rules.map((r) => (
          <option key={verifyHref(r)} value={verifyHref(r)}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}
