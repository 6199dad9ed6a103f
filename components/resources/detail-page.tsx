import { GatewayFields } from '@/components/gateway-api/gateway-fields';
import { RouteFields } from '@/components/gateway-api/route-fields';
import { listDescriptors } from '@/components/gateway-api/list-descriptors';
import { stateOfObject } from '@/lib/model/list-rows';
import { EmptyState } from '@/components/ui/empty-state';
import { VerifyLinks } from '@/components/verify/verify-links';
import type { ObjectDetails } from '@/lib/model/details';
import type { KindName } from '@/lib/model/kinds';
import { grantText } from '@/lib/model/summaries';
import { deletableKinds, type DeletableKind } from '@/lib/model/delete';
import { DeleteObjectButton } from './delete-object-button';
import { DetailView, type DetailTab } from './detail-view';

/** A detail page for any listed kind: picks the object's field view and renders the frame. */
export function DetailPage({
  kind,
  namespace,
  name,
  tab,
  details,
}: {
  kind: KindName;
  namespace?: string;
  name: string;
  tab?: string;
  details: ObjectDetails | { error: string };
}) {
  if ('error' in details) {
    return (
      <EmptyState title={`${kind} ${namespace ? `${namespace}/` : ''}${name} could not be read`}>
        <p role="alert">{details.error}</p>
      </EmptyState>
    );
  }
  const descriptor = listDescriptors[kind];
  const key = namespace ? `${namespace}/${name}` : name;
  const basePath = descriptor?.spec.href(details.object) ?? '/';
  const fields =
    kind === 'Gateway' ? (
      <GatewayFields object={details.object} />
    ) : kind === 'HTTPRoute' || kind === 'GRPCRoute' ? (
      <RouteFields object={details.object} grpc={kind === 'GRPCRoute'} />
    ) : kind === 'ReferenceGrant' ? (
      <dl className="fields">
        <dt>From</dt>
        <dd>{grantText(details.object).from}</dd>
        <dt>To</dt>
        <dd>{grantText(details.object).to}</dd>
      </dl>
    ) : (
      <dl className="fields">
        <dt>Controller</dt>
        <dd>{String((details.object.spec as { controllerName?: string } | undefined)?.controllerName ?? '')}</dd>
      </dl>
    );
  // Related objects change this page too (a route attaching to a Gateway), so any Gateway API change refreshes it.
  const watchKeys = [`${kind}:${key}`, 'HTTPRoute:*', 'GRPCRoute:*', 'Gateway:*', 'Service:*'];
  return (
    <DetailView
      details={details}
      state={descriptor ? stateOfObject(descriptor.spec, details.object) : 'ok'}
      fields={fields}
      tab={(tab as DetailTab) ?? 'overview'}
      basePath={basePath}
      watchKeys={watchKeys}
      actions={
        <>
          <VerifyLinks kind={kind} object={details.object} />
          {isDeletable(kind) && namespace ? (
            <DeleteObjectButton context={details.context} kind={kind} namespace={namespace} name={name} />
          ) : null}
        </>
      }
    />
  );
}

function isDeletable(kind: KindName): kind is DeletableKind {
  return (deletableKinds as readonly string[]).includes(kind);
}
