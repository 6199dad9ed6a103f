'use client';

import { missingGrants } from '@/lib/authoring/grant-needs';
import type { BackendForm, FilterForm } from '@/lib/authoring/route-parts';
import type { ReferenceGrant } from '@/lib/gateway-api/types';
import { useObjects } from '@/lib/queries/use-objects';

/** What the route forms read from the cluster: Services (backends, mirrors) and ReferenceGrants. */
export function useRouteLookups(
  context: string,
  routeKind: 'HTTPRoute' | 'GRPCRoute',
  routeNamespace: string,
  rules: ReadonlyArray<{ backendRefs: readonly BackendForm[]; filters: readonly FilterForm[] }>,
) {
  const services = useObjects(context, 'Service');
  const grants = useObjects(context, 'ReferenceGrant');
  const grantItems = (grants.data?.items ?? []) as unknown as ReferenceGrant[];
  return {
    services: services.data?.items ?? [],
    servicesLoading: services.isLoading,
    // Until the grants are listed, claiming one is missing would be a guess.
    needs: grants.data ? missingGrants(routeKind, routeNamespace, rules, grantItems) : [],
  };
}
