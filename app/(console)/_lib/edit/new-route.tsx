import type { Metadata } from 'next';
import { AuthoringPage } from '@/components/authoring/authoring-page';
import { isFormKind, type FormKind } from '@/lib/authoring/form-kinds';
import { grantName, grantNeedFromParams, grantYaml } from '@/lib/authoring/grant-needs';
import { newObjectYaml } from '@/lib/authoring/templates';
import { newObjectTarget } from '@/lib/k8s/apply-load';
import { servedFor } from '@/lib/k8s/apply-revisions';

const intro: Record<FormKind, string> = {
  Gateway: 'Bind a Gateway to a pre-deployed ingress gateway and open listeners on it. Dry run first, then apply.',
  HTTPRoute: 'Attach a route to a Gateway and send matching requests to a Service. Dry run first, then apply.',
  GRPCRoute: 'Attach a gRPC route to a Gateway and send matching services and methods to a Service. Dry run first, then apply.',
  ReferenceGrant:
    'Allow routes (or Gateways) in another namespace to refer to Services (or Secrets) in this one. Dry run first, then apply.',
};

type Search = Record<string, string | string[] | undefined>;

/**
 * The create page of a kind (`?kind=` where one page creates two kinds; a ReferenceGrant page also
 * takes the reference to permit, from the route form's "Create ReferenceGrant").
 */
export function newRoute(fallback: FormKind) {
  return {
    metadata: { title: `New ${fallback}` } satisfies Metadata,
    async Page({ searchParams }: { searchParams: Promise<Search> }) {
      const params = await searchParams;
      const kind = isFormKind(params.kind) ? params.kind : fallback;
      const served = await servedFor(kind);
      if (!served.served)
        return (
          <p className="inline-error" role="alert">
            This cluster does not serve {kind} (its Gateway API version has no {kind} CRD). Install a Gateway API bundle that has
            it, or create another kind.
          </p>
        );
      const { context, apiVersion } = await newObjectTarget(kind);
      const need = kind === 'ReferenceGrant' ? grantNeedFromParams(params) : undefined;
      return (
        <AuthoringPage
          title={`New ${kind}`}
          intro={intro[kind]}
          context={context}
          kind={kind}
          draftScope={need ? `new:ReferenceGrant:${need.toNamespace}/${grantName(need)}` : `new:${kind}`}
          initialText={need ? grantYaml(need, apiVersion) : newObjectYaml(kind, apiVersion)}
        />
      );
    },
  };
}
