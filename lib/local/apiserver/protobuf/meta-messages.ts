/**
 * apimachinery meta/v1 messages (k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto) that
 * the built-in kinds embed.
 */
import { f, list, msg, ptr } from './descriptors';

/** meta/v1 OwnerReference. */
export const OwnerReference = msg('OwnerReference', {
  5: f('apiVersion', 'string'),
  1: f('kind', 'string'),
  3: f('name', 'string'),
  4: f('uid', 'string'),
  6: ptr('controller', 'bool'),
  7: ptr('blockOwnerDeletion', 'bool'),
});

/**
 * meta/v1 ObjectMeta. managedFields (17) is left out on purpose: clients never send it on a
 * create, and the server owns it.
 */
export const ObjectMeta = msg('ObjectMeta', {
  1: f('name', 'string'),
  2: f('generateName', 'string'),
  3: f('namespace', 'string'),
  4: f('selfLink', 'string'),
  5: f('uid', 'string'),
  6: f('resourceVersion', 'string'),
  7: f('generation', 'int'),
  8: f('creationTimestamp', 'time'),
  9: ptr('deletionTimestamp', 'time'),
  10: ptr('deletionGracePeriodSeconds', 'int'),
  11: f('labels', 'stringMap'),
  12: f('annotations', 'stringMap'),
  13: list('ownerReferences', OwnerReference),
  14: list('finalizers', 'string'),
});

/** meta/v1 Condition. */
export const Condition = msg('Condition', {
  1: f('type', 'string'),
  2: f('status', 'string'),
  3: f('observedGeneration', 'int'),
  4: f('lastTransitionTime', 'time'),
  5: f('reason', 'string'),
  6: f('message', 'string'),
});

/** meta/v1 LabelSelector. */
export const LabelSelector = msg('LabelSelector', {
  1: f('matchLabels', 'stringMap'),
  2: list(
    'matchExpressions',
    msg('LabelSelectorRequirement', {
      1: f('key', 'string'),
      2: f('operator', 'string'),
      3: list('values', 'string'),
    }),
  ),
});

/** meta/v1 DeleteOptions (a typed client's delete body). */
export const DeleteOptions = msg('DeleteOptions', {
  1: ptr('gracePeriodSeconds', 'int'),
  2: ptr('preconditions', msg('Preconditions', { 1: ptr('uid', 'string'), 2: ptr('resourceVersion', 'string') })),
  3: ptr('orphanDependents', 'bool'),
  4: ptr('propagationPolicy', 'string'),
  5: list('dryRun', 'string'),
  7: ptr('ignoreStoreReadErrorWithClusterBreakingPotential', 'bool'),
});
