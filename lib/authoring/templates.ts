/**
 * "New from example": the ASM walkthrough's HTTP and HTTPS manifests, verbatim, with their
 * `<ingress-gateway-name>` placeholder left for the user to replace (the editor highlights it).
 */

/** One example manifest. */
export interface ManifestTemplate {
  id: 'http' | 'https';
  label: string;
  description: string;
  yaml: string;
}

const http = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata:
  name: gateway
  namespace: istio-system
spec:
  addresses:
  - type: Hostname
    value: istio-<ingress-gateway-name>.istio-system.svc.cluster.local  # Binds to the pre-deployed ingress gateway
  gatewayClassName: istio
  listeners:
  - name: default
    hostname: '*.aliyun.com'   # To match all hosts, omit this field. A wildcard (*) alone is not allowed.
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: All              # Allows HTTPRoutes from any namespace to attach
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: HTTPRoute
metadata:
  name: http
  namespace: default
spec:
  parentRefs:
  - name: gateway
    namespace: istio-system     # Attaches to the Gateway created above
  hostnames: ["*.aliyun.com"]
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /get
    backendRefs:
    - name: httpbin              # Routes to the httpbin service in the same namespace
      port: 8000
`;

const https = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata:
  name: gateway-https
  namespace: istio-system
spec:
  addresses:
  - type: Hostname
    value: istio-<ingress-gateway-name>.istio-system.svc.cluster.local
  gatewayClassName: istio
  listeners:
  - name: https
    hostname: "*.aliyun.com"
    port: 443
    protocol: HTTPS
    tls:
      mode: Terminate              # TLS terminates at the ingress gateway
      certificateRefs:
      - name: myexample-credential # References the certificate created above
    allowedRoutes:
      namespaces:
        from: All
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: HTTPRoute
metadata:
  name: httpbin-https
  namespace: default
spec:
  parentRefs:
  - name: gateway-https
    namespace: istio-system
  hostnames: ["*.aliyun.com"]
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /status
    - path:
        type: PathPrefix
        value: /delay
    backendRefs:
    - name: httpbin
      port: 8000
`;

/** The walkthrough's examples, in its order. */
export const manifestTemplates: readonly ManifestTemplate[] = [
  { id: 'http', label: 'HTTP Gateway and HTTPRoute', description: 'Step 3: expose httpbin over HTTP on port 80.', yaml: http },
  {
    id: 'https',
    label: 'HTTPS Gateway and HTTPRoute',
    description: 'Step 4: terminate TLS on port 443 with the myexample-credential certificate.',
    yaml: https,
  },
];

/** Placeholders (`<name>`) still present in a text, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/<[a-z][a-z0-9-]*>/g)].map((m) => m[0]);
}

/** The starting draft of a new object in the form (the served apiVersion; ASM's usual defaults). */
export function newObjectYaml(kind: 'Gateway' | 'HTTPRoute' | 'GRPCRoute' | 'ReferenceGrant', apiVersion: string): string {
  if (kind === 'GRPCRoute')
    return `apiVersion: ${apiVersion}
kind: GRPCRoute
metadata:
  namespace: default
spec:
  parentRefs:
  - name: ''
  rules:
  - backendRefs:
    - name: ''
`;
  if (kind === 'ReferenceGrant')
    return `apiVersion: ${apiVersion}
kind: ReferenceGrant
metadata:
  namespace: default
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: default
  to:
  - group: ""
    kind: Service
`;
  if (kind === 'Gateway')
    return `apiVersion: ${apiVersion}
kind: Gateway
metadata:
  namespace: istio-system
spec:
  gatewayClassName: istio
  listeners:
  - name: default
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
`;
  return `apiVersion: ${apiVersion}
kind: HTTPRoute
metadata:
  namespace: default
spec:
  parentRefs:
  - name: ''
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /
    backendRefs:
    - name: ''
`;
}
