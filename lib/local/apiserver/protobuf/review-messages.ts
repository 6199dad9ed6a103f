/**
 * The authentication/authorization request kinds kubectl's typed clients send as protobuf
 * (`kubectl create token`, `kubectl auth can-i`, `kubectl auth whoami`). Field numbers from
 * k8s.io/api authentication/v1 and authorization/v1 generated.proto. `extra` maps
 * (map<string, ExtraValue>) are not described: kubectl never sends them.
 */
import { f, list, msg, ptr, type MessageDesc } from './descriptors';
import { ObjectMeta } from './meta-messages';

const meta = f('metadata', ObjectMeta);

const BoundObjectReference = msg('BoundObjectReference', {
  1: f('kind', 'string'),
  2: f('apiVersion', 'string'),
  3: f('name', 'string'),
  4: f('uid', 'string'),
});

// Go writes every non-pointer struct field, so the (empty) status of a request comes too.
const UserInfo = msg('UserInfo', { 1: f('username', 'string'), 2: f('uid', 'string'), 3: list('groups', 'string') });
const AccessStatus = msg('SubjectAccessReviewStatus', {
  1: f('allowed', 'bool'),
  4: f('denied', 'bool'),
  2: f('reason', 'string'),
  3: f('evaluationError', 'string'),
});
const accessStatus = f('status', AccessStatus);

const TokenRequest = msg('TokenRequest', {
  1: meta,
  2: f(
    'spec',
    msg('TokenRequestSpec', {
      1: list('audiences', 'string'),
      4: ptr('expirationSeconds', 'int'),
      3: ptr('boundObjectRef', BoundObjectReference),
    }),
  ),
  3: f('status', msg('TokenRequestStatus', { 1: f('token', 'string'), 2: f('expirationTimestamp', 'time') })),
});

const TokenReview = msg('TokenReview', {
  1: meta,
  2: f('spec', msg('TokenReviewSpec', { 1: f('token', 'string'), 2: list('audiences', 'string') })),
  3: f(
    'status',
    msg('TokenReviewStatus', {
      1: f('authenticated', 'bool'),
      2: f('user', UserInfo),
      4: list('audiences', 'string'),
      3: f('error', 'string'),
    }),
  ),
});

const SelfSubjectReview = msg('SelfSubjectReview', {
  1: meta,
  2: f('status', msg('SelfSubjectReviewStatus', { 1: f('userInfo', UserInfo) })),
});

const selector = (name: string, requirement: MessageDesc): MessageDesc =>
  msg(name, { 1: f('rawSelector', 'string'), 2: list('requirements', requirement) });
const requirement = msg('Requirement', { 1: f('key', 'string'), 2: f('operator', 'string'), 3: list('values', 'string') });

const ResourceAttributes = msg('ResourceAttributes', {
  1: f('namespace', 'string'),
  2: f('verb', 'string'),
  3: f('group', 'string'),
  4: f('version', 'string'),
  5: f('resource', 'string'),
  6: f('subresource', 'string'),
  7: f('name', 'string'),
  8: ptr('fieldSelector', selector('FieldSelectorAttributes', requirement)),
  9: ptr('labelSelector', selector('LabelSelectorAttributes', requirement)),
});
const NonResourceAttributes = msg('NonResourceAttributes', { 1: f('path', 'string'), 2: f('verb', 'string') });

const SelfSubjectAccessReview = msg('SelfSubjectAccessReview', {
  1: meta,
  2: f(
    'spec',
    msg('SelfSubjectAccessReviewSpec', {
      1: ptr('resourceAttributes', ResourceAttributes),
      2: ptr('nonResourceAttributes', NonResourceAttributes),
    }),
  ),
  3: accessStatus,
});

const SubjectAccessReviewSpec = msg('SubjectAccessReviewSpec', {
  1: ptr('resourceAttributes', ResourceAttributes),
  2: ptr('nonResourceAttributes', NonResourceAttributes),
  3: f('user', 'string'),
  4: list('groups', 'string'),
  6: f('uid', 'string'),
});

const SelfSubjectRulesReview = msg('SelfSubjectRulesReview', {
  1: meta,
  2: f('spec', msg('SelfSubjectRulesReviewSpec', { 1: f('namespace', 'string') })),
  3: f(
    'status',
    msg('SubjectRulesReviewStatus', {
      1: list(
        'resourceRules',
        msg('ResourceRule', {
          1: list('verbs', 'string'),
          2: list('apiGroups', 'string'),
          3: list('resources', 'string'),
          4: list('resourceNames', 'string'),
        }),
      ),
      2: list('nonResourceRules', msg('NonResourceRule', { 1: list('verbs', 'string'), 2: list('nonResourceURLs', 'string') })),
      3: f('incomplete', 'bool'),
      4: f('evaluationError', 'string'),
    }),
  ),
});

/** Message of each review `apiVersion/kind` the server decodes from protobuf. */
export const REVIEW_MESSAGES: ReadonlyArray<[string, MessageDesc]> = [
  ['authentication.k8s.io/v1/TokenRequest', TokenRequest],
  ['authentication.k8s.io/v1/TokenReview', TokenReview],
  ['authentication.k8s.io/v1/SelfSubjectReview', SelfSubjectReview],
  ['authorization.k8s.io/v1/SelfSubjectAccessReview', SelfSubjectAccessReview],
  [
    'authorization.k8s.io/v1/SubjectAccessReview',
    msg('SubjectAccessReview', { 1: meta, 2: f('spec', SubjectAccessReviewSpec), 3: accessStatus }),
  ],
  [
    'authorization.k8s.io/v1/LocalSubjectAccessReview',
    msg('LocalSubjectAccessReview', { 1: meta, 2: f('spec', SubjectAccessReviewSpec), 3: accessStatus }),
  ],
  ['authorization.k8s.io/v1/SelfSubjectRulesReview', SelfSubjectRulesReview],
];
