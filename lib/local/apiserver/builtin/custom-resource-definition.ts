/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition. `openAPIV3Schema` is left open
 * (`x-kubernetes-preserve-unknown-fields`): its recursive JSONSchemaProps shape cannot be
 * written as a finite tree, and any schema accepted by a real server must be kept verbatim.
 */
import type { ResourceDef } from '../types';
import { typeMetaProperties } from './object-meta';
import { builtin } from './resource-def';
import { atomicList, bool, int32, mapList, named, obj, oneOfStr, str, stringList, time } from './schema-dsl';

const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';

const names = named(
  `${APIEXT}.CustomResourceDefinitionNames`,
  obj(
    'Names under which the custom resource is served.',
    {
      categories: stringList('Grouped resources this resource belongs to (e.g. "all").'),
      kind: str('Serialized kind of the resource, CamelCase and singular.', { default: '' }),
      listKind: str('Serialized kind of the list for this resource (defaults to "<kind>List").'),
      plural: str('Plural name of the resource to serve; must match the name of the CRD, all lowercase.', { default: '' }),
      shortNames: stringList('Short names for the resource, usable with kubectl get <shortname>.'),
      singular: str('Singular name of the resource, all lowercase (defaults to lowercased kind).'),
    },
    { required: ['plural', 'kind'] },
  ),
);

const printerColumn = named(
  `${APIEXT}.CustomResourceColumnDefinition`,
  obj(
    'A column for server side printing.',
    {
      description: str('Human readable description of this column.'),
      format: str('Optional OpenAPI format of this column (the "name" format marks the primary identifier).'),
      jsonPath: str('Simple JSONPath, evaluated against each custom resource, producing the value of this column.', {
        default: '',
      }),
      name: str('Human readable name of the column.', { default: '' }),
      priority: int32('Relative importance; 0 is shown in standard views, greater values only in wide views.'),
      type: str('OpenAPI type of the column (integer, number, string, boolean, date).', { default: '' }),
    },
    { required: ['name', 'type', 'jsonPath'] },
  ),
);

const validation = named(
  `${APIEXT}.CustomResourceValidation`,
  obj('Validation methods for custom resources.', {
    openAPIV3Schema: named(`${APIEXT}.JSONSchemaProps`, {
      type: 'object',
      description: 'OpenAPI v3 schema used for validation and pruning.',
      'x-kubernetes-preserve-unknown-fields': true,
    }),
  }),
);

const subresources = named(
  `${APIEXT}.CustomResourceSubresources`,
  obj('Status and scale subresources of the custom resource.', {
    scale: named(
      `${APIEXT}.CustomResourceSubresourceScale`,
      obj(
        'Enables the scale subresource.',
        {
          labelSelectorPath: str('JSON path to the serialized label selector in the status.'),
          specReplicasPath: str('JSON path to the desired replicas under .spec.', { default: '' }),
          statusReplicasPath: str('JSON path to the observed replicas under .status.', { default: '' }),
        },
        { required: ['specReplicasPath', 'statusReplicasPath'] },
      ),
    ),
    status: named(`${APIEXT}.CustomResourceSubresourceStatus`, {
      type: 'object',
      description:
        'Enables the status subresource: the main resource ignores status changes and /status ignores everything else.',
    }),
  }),
);

const version = named(
  `${APIEXT}.CustomResourceDefinitionVersion`,
  obj(
    'One version of a CustomResourceDefinition.',
    {
      additionalPrinterColumns: atomicList('Extra columns shown by kubectl get (defaults to Age only).', printerColumn),
      deprecated: bool('Whether this version is deprecated; requests get a warning header.'),
      deprecationWarning: str('Overrides the default warning returned for a deprecated version.'),
      name: str('Version name, e.g. "v1", served under /apis/<group>/<version>/...', { default: '' }),
      schema: validation,
      selectableFields: atomicList(
        'Fields usable as field selectors (at most 8).',
        named(
          `${APIEXT}.SelectableField`,
          obj(
            'A field usable as a field selector.',
            {
              jsonPath: str('Simple JSON path to the field.', { default: '' }),
            },
            { required: ['jsonPath'] },
          ),
        ),
      ),
      served: bool('Whether this version is served via REST APIs.', { default: false }),
      storage: bool('Whether this version is used when persisting objects; exactly one version must be.', { default: false }),
      subresources,
    },
    { required: ['name', 'served', 'storage'] },
  ),
);

const serviceReference = named(
  `${APIEXT}.ServiceReference`,
  obj(
    'Reference to a service.',
    {
      name: str('Name of the service.', { default: '' }),
      namespace: str('Namespace of the service.', { default: '' }),
      path: str('URL path at which the webhook is contacted.'),
      port: int32('Port on the service hosting the webhook (default 443).'),
    },
    { required: ['namespace', 'name'] },
  ),
);

const conversion = named(
  `${APIEXT}.CustomResourceConversion`,
  obj(
    'How to convert between versions of the custom resource.',
    {
      strategy: oneOfStr('How custom resources are converted between versions.', ['None', 'Webhook'], { default: '' }),
      webhook: named(
        `${APIEXT}.WebhookConversion`,
        obj(
          'Configuration of the conversion webhook.',
          {
            clientConfig: named(
              `${APIEXT}.WebhookClientConfig`,
              obj('How to reach the webhook.', {
                caBundle: {
                  type: 'string',
                  format: 'byte',
                  description: 'PEM encoded CA bundle used to verify the webhook serving certificate.',
                },
                service: serviceReference,
                url: str('Location of the webhook, in standard URL form.'),
              }),
            ),
            conversionReviewVersions: stringList('Ordered list of preferred ConversionReview versions the webhook accepts.'),
          },
          { required: ['conversionReviewVersions'] },
        ),
      ),
    },
    { required: ['strategy'] },
  ),
);

const spec = named(
  `${APIEXT}.CustomResourceDefinitionSpec`,
  obj(
    'How a user wants the resource to appear.',
    {
      conversion,
      group: str('API group of the defined custom resource.', { default: '' }),
      names,
      preserveUnknownFields: bool('Deprecated; must be false or unset for apiextensions.k8s.io/v1.'),
      scope: oneOfStr('Whether the resource is cluster- or namespace-scoped.', ['Cluster', 'Namespaced'], { default: '' }),
      versions: atomicList('All API versions of the defined custom resource.', version),
    },
    { required: ['group', 'names', 'scope', 'versions'] },
  ),
);

const crdCondition = named(
  `${APIEXT}.CustomResourceDefinitionCondition`,
  obj(
    'State of a CustomResourceDefinition at a point in time.',
    {
      lastTransitionTime: time('Last time the condition transitioned.'),
      message: str('Human-readable details.'),
      reason: str('Unique, one-word, CamelCase reason.'),
      status: str('Status of the condition: True, False or Unknown.', { default: '' }),
      type: str('Type of the condition: Established, NamesAccepted, Terminating…', { default: '' }),
    },
    { required: ['type', 'status'] },
  ),
);

const status = named(
  `${APIEXT}.CustomResourceDefinitionStatus`,
  obj('Observed state of the CustomResourceDefinition.', {
    acceptedNames: names,
    conditions: mapList('Observed state of the definition.', crdCondition, ['type']),
    storedVersions: stringList('Versions objects have ever been persisted in.'),
  }),
);

/** The CustomResourceDefinition resource definition. */
export const customResourceDefinitionDef: ResourceDef = builtin({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  status: true,
  // A real server prints the creation time itself here, not an age.
  printerColumns: [{ name: 'Created At', type: 'string', format: 'date-time', jsonPath: '.metadata.creationTimestamp' }],
  schema: named(
    `${APIEXT}.CustomResourceDefinition`,
    obj(
      'Represents a resource that should be exposed on the API server; its name must be <plural>.<group>.',
      { ...typeMetaProperties(), spec, status },
      { required: ['spec'] },
    ),
  ),
});
