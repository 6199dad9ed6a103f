/**
 * core/v1 Container and the types it embeds (ports, env, probes, resources, security context,
 * volume mounts), with the list semantics and strategic-merge keys of k8s.io/api/core/v1 types.go.
 * Rarely used sub-objects are kept as open objects rather than spelled out field by field.
 */
import { atomicList, bool, int32, int64, intOrString, mapList, named, obj, oneOfStr, str, stringList } from './schema-dsl';
import type { SchemaNode } from '../types';

const CORE = 'io.k8s.api.core.v1';

/** An object the local server stores as given (fields not spelled out here). */
export const open = (description: string): SchemaNode => ({
  type: 'object',
  description,
  'x-kubernetes-preserve-unknown-fields': true,
});

/** `resource.Quantity`: a string such as "100m" or "128Mi", or a plain number. */
export const quantity = named('io.k8s.apimachinery.pkg.api.resource.Quantity', {
  description: 'A fixed-point number with an optional suffix (m, k, Ki, M, Mi, G, Gi …), as a string or a number.',
});

const keyRef = (name: string, what: string) =>
  named(
    `${CORE}.${name}`,
    obj(
      `Selects a key of a ${what}.`,
      {
        key: str('The key to select.', { default: '' }),
        name: str(`Name of the ${what}.`, { default: '' }),
        optional: bool(`Whether the ${what} or its key must exist.`),
      },
      { required: ['key'], 'x-kubernetes-map-type': 'atomic' },
    ),
  );

const envVar = named(
  `${CORE}.EnvVar`,
  obj(
    'An environment variable of a container.',
    {
      name: str('Name of the variable.', { default: '' }),
      value: str('Value, with $(VAR) references expanded.'),
      valueFrom: named(
        `${CORE}.EnvVarSource`,
        obj('Source of the value when value is empty.', {
          configMapKeyRef: keyRef('ConfigMapKeySelector', 'ConfigMap'),
          fieldRef: open('A field of the pod: metadata.name, metadata.namespace, status.podIP …'),
          resourceFieldRef: open('A resource of the container: limits.cpu, requests.memory …'),
          secretKeyRef: keyRef('SecretKeySelector', 'Secret'),
        }),
      ),
    },
    { required: ['name'] },
  ),
);

const refByName = (name: string, what: string) =>
  named(
    `${CORE}.${name}`,
    obj(`A ${what} to take variables from.`, {
      name: str(`Name of the ${what}.`, { default: '' }),
      optional: bool(`Whether the ${what} must exist.`),
    }),
  );

const containerPort = named(
  `${CORE}.ContainerPort`,
  obj(
    'A network port of a container.',
    {
      containerPort: int32('Port number on the pod IP (0 < x < 65536).', { default: 0 }),
      hostIP: str('Host IP to bind the host port to.'),
      hostPort: int32('Port number on the host; most containers do not need it.'),
      name: str('IANA_SVC_NAME, unique within the pod; services refer to it.'),
      protocol: oneOfStr('Protocol of the port.', ['SCTP', 'TCP', 'UDP'], { default: 'TCP' }),
    },
    { required: ['containerPort'] },
  ),
);

const httpGet = named(
  `${CORE}.HTTPGetAction`,
  obj(
    'An HTTP GET probe.',
    {
      host: str('Host name to connect to; defaults to the pod IP.'),
      httpHeaders: atomicList(
        'Custom request headers.',
        named(
          `${CORE}.HTTPHeader`,
          obj(
            'A request header.',
            { name: str('Header name.', { default: '' }), value: str('Header value.', { default: '' }) },
            { required: ['name', 'value'] },
          ),
        ),
      ),
      path: str('Path to request.'),
      port: intOrString('Number or name of the container port.'),
      scheme: oneOfStr('Scheme of the request.', ['HTTP', 'HTTPS'], { default: 'HTTP' }),
    },
    { required: ['port'] },
  ),
);

const probe = named(
  `${CORE}.Probe`,
  obj('A health check of a container; exactly one handler (exec, grpc, httpGet, tcpSocket).', {
    exec: obj('Runs a command in the container.', { command: stringList('Command line, not run in a shell.') }),
    failureThreshold: int32('Consecutive failures after which the probe fails (default 3).'),
    grpc: obj(
      'A gRPC health check.',
      { port: int32('Port number.', { default: 0 }), service: str('Service name.', { default: '' }) },
      { required: ['port'] },
    ),
    httpGet,
    initialDelaySeconds: int32('Seconds after container start before the first probe.'),
    periodSeconds: int32('Seconds between probes (default 10).'),
    successThreshold: int32('Consecutive successes after a failure to count as success (default 1; 1 for liveness and startup).'),
    tcpSocket: obj(
      'A TCP connect probe.',
      { host: str('Host to connect to.'), port: intOrString('Number or name of the port.') },
      { required: ['port'] },
    ),
    terminationGracePeriodSeconds: int64('Grace period when the probe fails and the container is killed.'),
    timeoutSeconds: int32('Seconds after which the probe times out (default 1).'),
  }),
);

const resources = named(
  `${CORE}.ResourceRequirements`,
  obj('Compute resources of a container.', {
    claims: atomicList('Resource claims of the pod used by this container.', open('A resource claim reference.')),
    limits: { type: 'object', description: 'Maximum amount of compute resources allowed.', additionalProperties: quantity },
    requests: { type: 'object', description: 'Minimum amount of compute resources required.', additionalProperties: quantity },
  }),
);

/** `core/v1.SeccompProfile`, shared by the pod and container security contexts. */
export const seccompProfile = named(
  `${CORE}.SeccompProfile`,
  obj(
    'A seccomp profile.',
    {
      localhostProfile: str('Profile file on the node, for type Localhost.'),
      type: oneOfStr('Kind of profile.', ['Localhost', 'RuntimeDefault', 'Unconfined'], { default: '' }),
    },
    { required: ['type'] },
  ),
);

const securityContext = named(
  `${CORE}.SecurityContext`,
  obj('Security options of a container; they override the pod security context.', {
    allowPrivilegeEscalation: bool('Whether a process may gain more privileges than its parent (no_new_privs).'),
    appArmorProfile: open('AppArmor profile of the container.'),
    capabilities: named(
      `${CORE}.Capabilities`,
      obj('POSIX capabilities to add and drop.', {
        add: stringList('Capabilities to add.'),
        drop: stringList('Capabilities to drop.'),
      }),
    ),
    privileged: bool('Run the container privileged (root on the host).'),
    procMount: oneOfStr('Type of /proc mount.', ['Default', 'Unmasked']),
    readOnlyRootFilesystem: bool('Mount the container root filesystem read-only.'),
    runAsGroup: int64('GID of the container process.'),
    runAsNonRoot: bool('Refuse to start the container as UID 0.'),
    runAsUser: int64('UID of the container process.'),
    seLinuxOptions: open('SELinux context of the container.'),
    seccompProfile,
    windowsOptions: open('Windows-specific options.'),
  }),
);

const volumeMount = named(
  `${CORE}.VolumeMount`,
  obj(
    'Mounts a volume in a container.',
    {
      mountPath: str('Path in the container; must not contain ":".', { default: '' }),
      mountPropagation: oneOfStr('How mounts propagate.', ['Bidirectional', 'HostToContainer', 'None']),
      name: str('Name of the volume.', { default: '' }),
      readOnly: bool('Mount read-only.'),
      recursiveReadOnly: oneOfStr('Recursive read-only mode.', ['Disabled', 'Enabled', 'IfPossible']),
      subPath: str('Path within the volume to mount.'),
      subPathExpr: str('Like subPath, with $(VAR) expansion.'),
    },
    { required: ['name', 'mountPath'] },
  ),
);

/** `core/v1.Container`. */
export const container = named(
  `${CORE}.Container`,
  obj(
    'A single application container of a pod.',
    {
      args: stringList('Arguments to the entrypoint.'),
      command: stringList('Entrypoint array, not run in a shell.'),
      env: mapList('Environment variables.', envVar, ['name'], 'name'),
      envFrom: atomicList(
        'Sources to populate environment variables from.',
        named(
          `${CORE}.EnvFromSource`,
          obj('A ConfigMap or Secret whose keys become variables.', {
            configMapRef: refByName('ConfigMapEnvSource', 'ConfigMap'),
            prefix: str('Prefix added to each key.'),
            secretRef: refByName('SecretEnvSource', 'Secret'),
          }),
        ),
      ),
      image: str('Container image name.'),
      imagePullPolicy: oneOfStr('When to pull the image.', ['Always', 'IfNotPresent', 'Never']),
      lifecycle: open('Actions on container start and stop.'),
      livenessProbe: probe,
      name: str('Name of the container, a DNS_LABEL unique in the pod.', { default: '' }),
      ports: mapList('Ports to expose from the container.', containerPort, ['containerPort', 'protocol'], 'containerPort'),
      readinessProbe: probe,
      resizePolicy: atomicList('Resize policy of the container resources.', open('A resize policy.')),
      resources,
      restartPolicy: str('Restart policy of an init container ("Always" makes it a sidecar).'),
      securityContext,
      startupProbe: probe,
      stdin: bool('Allocate a buffer for stdin.'),
      stdinOnce: bool('Close stdin after the first attach.'),
      terminationMessagePath: str('File the termination message is read from.', { default: '/dev/termination-log' }),
      terminationMessagePolicy: oneOfStr('How the termination message is populated.', ['FallbackToLogsOnError', 'File'], {
        default: 'File',
      }),
      tty: bool('Allocate a TTY.'),
      volumeDevices: atomicList('Block devices used by the container.', open('A block device mapping.')),
      volumeMounts: mapList('Pod volumes to mount into the filesystem.', volumeMount, ['mountPath'], 'mountPath'),
      workingDir: str('Working directory of the container.'),
    },
    { required: ['name'] },
  ),
);
