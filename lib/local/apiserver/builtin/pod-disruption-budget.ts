/**
 * policy/v1 PodDisruptionBudget: how many pods of a set may be evicted at once. minAvailable and
 * maxUnavailable exclude each other (pkg/apis/policy/validation).
 */
import type { ResourceDef } from '../types';
import { labelSelector } from './label-selector';
import { condition, typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { int32, int64, intOrString, mapList, named, obj, oneOfStr } from './schema-dsl';

const POLICY = 'io.k8s.api.policy.v1';

/** The PodDisruptionBudget resource definition. */
export const podDisruptionBudgetDef: ResourceDef = builtin({
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  namespaced: true,
  shortNames: ['pdb'],
  status: true,
  printerColumns: [
    { name: 'Min Available', type: 'string', jsonPath: '.spec.minAvailable' },
    { name: 'Max Unavailable', type: 'string', jsonPath: '.spec.maxUnavailable' },
    { name: 'Allowed Disruptions', type: 'integer', jsonPath: '.status.disruptionsAllowed' },
    AGE_COLUMN,
  ],
  schema: named(
    `${POLICY}.PodDisruptionBudget`,
    obj('The maximum disruption a collection of pods may suffer.', {
      ...typeMetaProperties(),
      spec: named(
        `${POLICY}.PodDisruptionBudgetSpec`,
        obj(
          'Desired disruption budget.',
          {
            maxUnavailable: intOrString(
              'Pods of the selection that may be unavailable after an eviction (number or percentage).',
            ),
            minAvailable: intOrString(
              'Pods of the selection that must remain available after an eviction (number or percentage).',
            ),
            selector: labelSelector,
            unhealthyPodEvictionPolicy: oneOfStr('When unhealthy running pods may be evicted.', [
              'AlwaysAllow',
              'IfHealthyBudget',
            ]),
          },
          {
            'x-kubernetes-validations': [
              {
                rule: '!(has(self.minAvailable) && has(self.maxUnavailable))',
                message: 'minAvailable and maxUnavailable cannot be both set',
              },
            ],
          },
        ),
      ),
      status: named(
        `${POLICY}.PodDisruptionBudgetStatus`,
        obj('Observed state of the budget.', {
          conditions: mapList('Conditions such as DisruptionAllowed.', condition, ['type'], 'type'),
          currentHealthy: int32('Current number of healthy pods.', { default: 0 }),
          desiredHealthy: int32('Minimum desired number of healthy pods.', { default: 0 }),
          disruptedPods: {
            type: 'object',
            description: 'Pods being evicted, by name, with the eviction time.',
            additionalProperties: { type: 'string', format: 'date-time' },
          },
          disruptionsAllowed: int32('Pod disruptions currently allowed.', { default: 0 }),
          expectedPods: int32('Pods selected by this budget.', { default: 0 }),
          observedGeneration: int64('Generation observed when this status was written.'),
        }),
      ),
    }),
  ),
});
