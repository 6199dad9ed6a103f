/**
 * apps/v1 Deployment. The server stores and validates it; nothing here runs pods (the local
 * cluster has no kubelet), but kubectl apply, dry-run and the console can work with it as on a
 * real cluster. Validation follows k8s.io/kubernetes pkg/apis/apps/validation: the selector
 * must be non-empty and match the template labels.
 */
import type { ResourceDef } from '../types';
import { labelSelector } from './label-selector';
import { typeMetaProperties } from './object-meta';
import { podTemplateSpec } from './pod-spec';
import { AGE_COLUMN, builtin } from './resource-def';
import { bool, int32, int64, intOrString, mapList, named, obj, oneOfStr, str, time } from './schema-dsl';

const APPS = 'io.k8s.api.apps.v1';

const deploymentCondition = named(
  `${APPS}.DeploymentCondition`,
  obj(
    'State of a deployment at a point in time.',
    {
      lastTransitionTime: time('Last time the condition changed status.'),
      lastUpdateTime: time('Last time the condition was updated.'),
      message: str('Human readable details.'),
      reason: str('Reason of the last transition.'),
      status: str('True, False or Unknown.', { default: '' }),
      type: str('Type of the condition: Available, Progressing or ReplicaFailure.', { default: '' }),
    },
    { required: ['type', 'status'] },
  ),
);

const strategy = named(
  `${APPS}.DeploymentStrategy`,
  obj(
    'How old pods are replaced by new ones.',
    {
      rollingUpdate: named(
        `${APPS}.RollingUpdateDeployment`,
        obj('Rolling update parameters (only with type RollingUpdate).', {
          maxSurge: intOrString('Pods above the desired count during the update, a number or a percentage (default 25%).'),
          maxUnavailable: intOrString('Pods that may be unavailable during the update, a number or a percentage (default 25%).'),
        }),
      ),
      type: oneOfStr('Type of deployment.', ['Recreate', 'RollingUpdate']),
    },
    {
      // The apps/v1 defaults (pkg/apis/apps/v1/defaults.go), applied when strategy is absent.
      default: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      'x-kubernetes-validations': [
        {
          rule: "!has(self.rollingUpdate) || !has(self.type) || self.type == 'RollingUpdate'",
          message: "may not be specified when strategy `type` is 'Recreate'",
          fieldPath: '.rollingUpdate',
        },
      ],
    },
  ),
);

const deploymentSpec = named(
  `${APPS}.DeploymentSpec`,
  obj(
    'Desired behaviour of a deployment.',
    {
      minReadySeconds: int32('Seconds a new pod must be ready before it counts as available.'),
      paused: bool('Whether the deployment is paused.'),
      progressDeadlineSeconds: int32('Seconds before a stalled rollout is reported (default 600).', { default: 600 }),
      replicas: int32('Desired number of pods (default 1).', { default: 1, minimum: 0 }),
      revisionHistoryLimit: int32('Old ReplicaSets to keep for rollback (default 10).', { default: 10, minimum: 0 }),
      selector: labelSelector,
      strategy,
      template: podTemplateSpec,
    },
    {
      required: ['selector', 'template'],
      'x-kubernetes-validations': [
        {
          rule: 'has(self.selector.matchLabels) || has(self.selector.matchExpressions)',
          message: 'empty selector is invalid for deployment',
          fieldPath: '.selector',
        },
        {
          rule: '!has(self.selector.matchLabels) || self.selector.matchLabels.all(k, has(self.template.metadata) && has(self.template.metadata.labels) && k in self.template.metadata.labels && self.template.metadata.labels[k] == self.selector.matchLabels[k])',
          message: '`selector` does not match template `labels`',
          fieldPath: '.template.metadata.labels',
        },
      ],
    },
  ),
);

const deploymentStatus = named(
  `${APPS}.DeploymentStatus`,
  obj('Most recently observed status of a deployment.', {
    availableReplicas: int32('Pods available for at least minReadySeconds.'),
    collisionCount: int32('Hash collision count, for naming the newest ReplicaSet.'),
    conditions: mapList('Latest observations of the deployment state.', deploymentCondition, ['type'], 'type'),
    observedGeneration: int64('Generation observed by the controller.'),
    readyReplicas: int32('Pods with a Ready condition.'),
    replicas: int32('Pods targeted by the deployment.'),
    terminatingReplicas: int32('Terminating pods.'),
    unavailableReplicas: int32('Pods still needed for 100% availability.'),
    updatedReplicas: int32('Pods with the desired template.'),
  }),
);

/** The Deployment resource definition. */
export const deploymentDef: ResourceDef = builtin({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  status: true,
  printerColumns: [
    { name: 'Ready', type: 'integer', jsonPath: '.status.readyReplicas' },
    { name: 'Up-to-date', type: 'integer', jsonPath: '.status.updatedReplicas' },
    { name: 'Available', type: 'integer', jsonPath: '.status.availableReplicas' },
    AGE_COLUMN,
    { name: 'Containers', type: 'string', jsonPath: '.spec.template.spec.containers[*].name', priority: 1 },
    { name: 'Images', type: 'string', jsonPath: '.spec.template.spec.containers[*].image', priority: 1 },
  ],
  schema: named(
    `${APPS}.Deployment`,
    obj('Declarative updates for pods and ReplicaSets.', {
      ...typeMetaProperties(),
      spec: deploymentSpec,
      status: deploymentStatus,
    }),
  ),
});
