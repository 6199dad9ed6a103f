/**
 * `metav1.LabelSelector`, shared by Deployment, PodDisruptionBudget and ClusterRole aggregation.
 */
import { atomicList, named, obj, str, strMap, stringList } from './schema-dsl';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const requirement = named(
  `${META}.LabelSelectorRequirement`,
  obj(
    'A selector requirement: a key, an operator and values.',
    {
      key: str('The label key the selector applies to.', { default: '' }),
      operator: str('Relationship of the key to the values: In, NotIn, Exists or DoesNotExist.', { default: '' }),
      values: stringList('Values for In and NotIn (non-empty); must be empty for Exists and DoesNotExist.'),
    },
    { required: ['key', 'operator'] },
  ),
);

/** The selector node; Kubernetes marks it atomic (a patch replaces it whole). */
export const labelSelector = named(
  `${META}.LabelSelector`,
  obj(
    'A label query over a set of resources; matchLabels and matchExpressions are ANDed. Empty matches everything, null nothing.',
    {
      matchExpressions: atomicList('Label selector requirements, ANDed.', requirement),
      matchLabels: strMap('Map of {key,value} pairs, each equivalent to an In requirement with one value.'),
    },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
);
