/**
 * rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding and ClusterRoleBinding, as in
 * k8s.io/api/rbac/v1 types.go. The local server stores them (it authorizes nothing with them);
 * they exist so RBAC manifests apply, dry-run and round-trip as on a real cluster.
 * A binding's roleRef is immutable (pkg/apis/rbac/validation: "cannot change roleRef").
 */
import type { ResourceDef } from '../types';
import { labelSelector } from './label-selector';
import { typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { atomicList, named, obj, str, stringList } from './schema-dsl';

const RBAC = 'io.k8s.api.rbac.v1';
const GROUP = 'rbac.authorization.k8s.io';

const policyRule = named(
  `${RBAC}.PolicyRule`,
  obj(
    'Verbs allowed on resources (or non-resource URLs).',
    {
      apiGroups: stringList('API groups of the resources; "" is the core group, "*" all groups.'),
      nonResourceURLs: stringList('Non-resource URL paths (ClusterRole only), e.g. /healthz; "*" as a final segment.'),
      resourceNames: stringList('Names the rule is limited to; empty means all.'),
      resources: stringList('Resources the rule applies to, "*" for all; subresources as "pods/log".'),
      verbs: stringList('Verbs allowed: get, list, watch, create, update, patch, delete, deletecollection, or "*".'),
    },
    { required: ['verbs'] },
  ),
);

const rules = atomicList('The rules of this role.', policyRule);

const subject = named(
  `${RBAC}.Subject`,
  obj(
    'A user, group or service account a binding grants to.',
    {
      apiGroup: str('"" for ServiceAccount, "rbac.authorization.k8s.io" for User and Group.'),
      kind: str('ServiceAccount, User or Group.', { default: '' }),
      name: str('Name of the subject.', { default: '' }),
      namespace: str('Namespace of a ServiceAccount subject.'),
    },
    { required: ['kind', 'name'], 'x-kubernetes-map-type': 'atomic' },
  ),
);

const roleRef = named(
  `${RBAC}.RoleRef`,
  obj(
    'The role a binding grants; cannot be changed once set.',
    {
      apiGroup: str('Group of the role: rbac.authorization.k8s.io.', { default: '' }),
      kind: str('Role or ClusterRole.', { default: '' }),
      name: str('Name of the role.', { default: '' }),
    },
    {
      required: ['apiGroup', 'kind', 'name'],
      'x-kubernetes-map-type': 'atomic',
      'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'cannot change roleRef' }],
    },
  ),
);

const roleColumns = [AGE_COLUMN];

/** The Role resource definition (namespaced rules). */
export const roleDef: ResourceDef = builtin({
  group: GROUP,
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  namespaced: true,
  printerColumns: roleColumns,
  schema: named(`${RBAC}.Role`, obj('Namespaced rules, granted by a RoleBinding.', { ...typeMetaProperties(), rules })),
});

/** The ClusterRole resource definition (cluster-wide rules, optionally aggregated). */
export const clusterRoleDef: ResourceDef = builtin({
  group: GROUP,
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  namespaced: false,
  printerColumns: roleColumns,
  schema: named(
    `${RBAC}.ClusterRole`,
    obj('Cluster-wide rules, granted by a ClusterRoleBinding or, within one namespace, a RoleBinding.', {
      ...typeMetaProperties(),
      aggregationRule: named(
        `${RBAC}.AggregationRule`,
        obj('Selects ClusterRoles whose rules the controller copies into this one.', {
          clusterRoleSelectors: atomicList('Selectors of the ClusterRoles to aggregate.', labelSelector),
        }),
      ),
      rules,
    }),
  ),
});

const bindingColumns = [
  { name: 'Role', type: 'string', jsonPath: '.roleRef.name' },
  AGE_COLUMN,
  { name: 'Subjects', type: 'string', jsonPath: '.subjects[*].name', priority: 1 },
];

const bindingProperties = () => ({
  ...typeMetaProperties(),
  roleRef,
  subjects: atomicList('Who the role is granted to.', subject),
});

/** The RoleBinding resource definition. */
export const roleBindingDef: ResourceDef = builtin({
  group: GROUP,
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
  printerColumns: bindingColumns,
  schema: named(
    `${RBAC}.RoleBinding`,
    obj('Grants a Role or ClusterRole within the binding namespace.', bindingProperties(), { required: ['roleRef'] }),
  ),
});

/** The ClusterRoleBinding resource definition. */
export const clusterRoleBindingDef: ResourceDef = builtin({
  group: GROUP,
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  namespaced: false,
  printerColumns: bindingColumns,
  schema: named(
    `${RBAC}.ClusterRoleBinding`,
    obj('Grants a ClusterRole in every namespace.', bindingProperties(), { required: ['roleRef'] }),
  ),
});
