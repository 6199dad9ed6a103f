/**
 * core/v1 PodSpec and PodTemplateSpec, as workloads embed them. Scheduling details (affinity,
 * topology spread, DNS config …) are open objects; volumes spell out the common sources and keep
 * the others as given, so a manifest with any volume type is accepted.
 */
import type { SchemaNode } from '../types';
import { container, open, quantity, seccompProfile } from './container';
import { objectMeta } from './object-meta';
import { atomicList, bool, int32, int64, mapList, named, obj, oneOfStr, str, strMap } from './schema-dsl';

const CORE = 'io.k8s.api.core.v1';

const keyToPath = atomicList(
  'Keys to project into files; unlisted keys are left out.',
  named(
    `${CORE}.KeyToPath`,
    obj(
      'A key projected to a file.',
      {
        key: str('The key.', { default: '' }),
        mode: int32('File mode bits.'),
        path: str('Relative file path.', { default: '' }),
      },
      { required: ['key', 'path'] },
    ),
  ),
);

const volume: SchemaNode = named(`${CORE}.Volume`, {
  ...obj(
    'A named volume in a pod, with exactly one source.',
    {
      configMap: obj('A ConfigMap as files.', {
        defaultMode: int32('Mode bits of the files (default 0644).'),
        items: keyToPath,
        name: str('Name of the ConfigMap.', { default: '' }),
        optional: bool('Whether the ConfigMap must exist.'),
      }),
      emptyDir: obj('A temporary directory that lives as long as the pod.', {
        medium: str('Storage medium: "" (node default) or "Memory".'),
        sizeLimit: quantity,
      }),
      hostPath: obj(
        'A file or directory on the node.',
        { path: str('Path on the node.', { default: '' }), type: str('Type check.') },
        { required: ['path'] },
      ),
      name: str('Name of the volume, a DNS_LABEL unique in the pod.', { default: '' }),
      persistentVolumeClaim: obj(
        'A PersistentVolumeClaim in the pod namespace.',
        { claimName: str('Name of the claim.', { default: '' }), readOnly: bool('Mount read-only.') },
        { required: ['claimName'] },
      ),
      projected: open('Several sources projected into one directory.'),
      secret: obj('A Secret as files.', {
        defaultMode: int32('Mode bits of the files (default 0644).'),
        items: keyToPath,
        optional: bool('Whether the Secret must exist.'),
        secretName: str('Name of the Secret in the pod namespace.'),
      }),
    },
    { required: ['name'] },
  ),
  // The other volume sources (csi, nfs, downwardAPI …) are stored as given.
  'x-kubernetes-preserve-unknown-fields': true,
});

const podSecurityContext = named(
  `${CORE}.PodSecurityContext`,
  obj('Pod-level security attributes and common container settings.', {
    appArmorProfile: open('AppArmor profile of the pod.'),
    fsGroup: int64('Supplemental group owning the pod volumes.'),
    fsGroupChangePolicy: oneOfStr('When volume ownership changes.', ['Always', 'OnRootMismatch']),
    runAsGroup: int64('GID of the container processes.'),
    runAsNonRoot: bool('Refuse to start containers as UID 0.'),
    runAsUser: int64('UID of the container processes.'),
    seLinuxChangePolicy: str('How the SELinux label is applied to volumes.'),
    seLinuxOptions: open('SELinux context of all containers.'),
    seccompProfile,
    supplementalGroups: atomicList('Extra groups of the first process.', { type: 'integer', format: 'int64', default: 0 }),
    supplementalGroupsPolicy: oneOfStr('How supplemental groups are computed.', ['Merge', 'Strict']),
    sysctls: atomicList('Namespaced sysctls.', open('A sysctl name and value.')),
    windowsOptions: open('Windows-specific options.'),
  }),
);

const localRef = named(
  `${CORE}.LocalObjectReference`,
  obj(
    'A reference to an object in the same namespace.',
    { name: str('Name of the referent.', { default: '' }) },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
);

/** `core/v1.PodSpec`. */
export const podSpec = named(
  `${CORE}.PodSpec`,
  obj(
    'Specification of a pod.',
    {
      activeDeadlineSeconds: int64('Seconds the pod may be active before the system fails it.'),
      affinity: open('Scheduling constraints (node, pod and anti-affinity).'),
      automountServiceAccountToken: bool('Whether the service account token is mounted.'),
      containers: mapList('Containers of the pod (at least one).', container, ['name'], 'name'),
      dnsConfig: open('DNS parameters of the pod.'),
      dnsPolicy: oneOfStr('DNS policy.', ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'], {
        default: 'ClusterFirst',
      }),
      enableServiceLinks: bool('Whether service information is injected as environment variables.'),
      ephemeralContainers: atomicList('Ephemeral debugging containers.', open('An ephemeral container.')),
      hostAliases: atomicList('Extra /etc/hosts entries.', open('A host alias.')),
      hostIPC: bool("Use the host's IPC namespace."),
      hostNetwork: bool("Use the host's network namespace."),
      hostPID: bool("Use the host's PID namespace."),
      hostUsers: bool("Use the host's user namespace."),
      hostname: str('Hostname of the pod.'),
      imagePullSecrets: mapList('Secrets for pulling the images.', localRef, ['name'], 'name'),
      initContainers: mapList('Containers run in order before the app containers.', container, ['name'], 'name'),
      nodeName: str('Node to run on, bypassing the scheduler.'),
      nodeSelector: strMap('Labels a node must have.', true),
      os: open('Operating system of the containers.'),
      overhead: { type: 'object', description: 'Resource overhead of the runtime class.', additionalProperties: quantity },
      preemptionPolicy: str('Preemption policy.'),
      priority: int32('Priority value.'),
      priorityClassName: str('Priority class.'),
      readinessGates: atomicList('Extra conditions for readiness.', open('A readiness gate.')),
      resourceClaims: atomicList('Resource claims of the pod.', open('A pod resource claim.')),
      restartPolicy: oneOfStr('Restart policy of the containers.', ['Always', 'Never', 'OnFailure'], { default: 'Always' }),
      runtimeClassName: str('Runtime class.'),
      schedulerName: str('Scheduler that schedules the pod.', { default: 'default-scheduler' }),
      schedulingGates: atomicList('Gates that block scheduling.', open('A scheduling gate.')),
      securityContext: podSecurityContext,
      serviceAccount: str('Deprecated alias of serviceAccountName.'),
      serviceAccountName: str('Service account the pod runs as.'),
      setHostnameAsFQDN: bool('Use the FQDN as the hostname.'),
      shareProcessNamespace: bool('Share one process namespace among the containers.'),
      subdomain: str('Subdomain of the pod hostname.'),
      terminationGracePeriodSeconds: int64('Seconds to stop gracefully (default 30).', { default: 30 }),
      tolerations: atomicList('Taints the pod tolerates.', open('A toleration.')),
      topologySpreadConstraints: atomicList('How pods spread across topology domains.', open('A spread constraint.')),
      volumes: mapList('Volumes the containers may mount.', volume, ['name'], 'name'),
    },
    { required: ['containers'] },
  ),
);

/** `core/v1.PodTemplateSpec`: the pods a workload creates. */
export const podTemplateSpec = named(
  `${CORE}.PodTemplateSpec`,
  obj('Pods created from a template.', { metadata: objectMeta, spec: podSpec }),
);
