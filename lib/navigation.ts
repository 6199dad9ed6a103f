/**
 * The console's sections, as data: the sidebar, the page titles and each section's empty state are
 * all drawn from these descriptors, so adding a section is one entry here plus its route.
 */
export interface Section {
  /** URL path of the section. */
  href: string;
  /** Short label in the navigation. */
  label: string;
  /** One sentence shown under the page title: what the section is for. */
  summary: string;
  /** What a user does here, echoing the ASM Gateway API walkthrough this console is built from. */
  tasks: string[];
}

export const sections: readonly Section[] = [
  {
    href: '/',
    label: 'Overview',
    summary: 'Readiness of the cluster for Gateway API routing, step by step, and what needs attention.',
    tasks: [
      'Check that the Gateway API CRDs exist and which bundle version is installed.',
      'Turn on enableGatewayAPI in the ASMMeshConfig of the mesh.',
      'See the pre-deployed ingress gateways and the Gateways bound to them.',
    ],
  },
  {
    href: '/gateways',
    label: 'Gateways',
    summary: 'Gateways and their listeners, bound to pre-deployed ingress gateways through spec.addresses.',
    tasks: ['Create a Gateway with HTTP and HTTPS listeners.', 'See which routes each listener accepts and why.'],
  },
  {
    href: '/routes',
    label: 'Routes',
    summary: 'HTTPRoutes and GRPCRoutes: where each hostname and path is sent.',
    tasks: ['Attach an HTTPRoute to a Gateway.', 'Find routes that are not accepted or whose backends do not resolve.'],
  },
  {
    href: '/certificates',
    label: 'Certificates',
    summary: 'TLS Secrets used by HTTPS listeners: validity, covered hostnames and who uses them.',
    tasks: [
      'Create the certificate an HTTPS listener references.',
      'Find certificates that expire soon or do not cover a listener hostname.',
    ],
  },
  {
    href: '/reference-grants',
    label: 'Reference grants',
    summary: 'ReferenceGrants that allow routes and listeners to reference objects in other namespaces.',
    tasks: ['Allow a route to send traffic to a Service in another namespace.'],
  },
  {
    href: '/topology',
    label: 'Topology',
    summary: 'Every path from client to backend: gateway, listener, route, rule and Service.',
    tasks: ['Review what is exposed and what is broken.', 'Trace where a request goes.'],
  },
  {
    href: '/verify',
    label: 'Verify',
    summary: 'Send real requests through the gateway and compare the answers with what the routing promises.',
    tasks: ['Prove that a route answers 200 over HTTP and the teapot over HTTPS.'],
  },
  {
    href: '/migrate',
    label: 'Migrate',
    summary: 'Turn Istio Gateways and VirtualServices into Gateway API resources, with every difference explained.',
    tasks: [
      'Paste Istio YAML or pick the Istio objects of the cluster.',
      'Review the generated Gateway API objects, the warnings and the traffic comparison, then apply.',
    ],
  },
  {
    href: '/yaml',
    label: 'YAML',
    summary: 'Paste, validate, preview and apply Gateway API manifests.',
    tasks: ['Apply the walkthrough’s gateway-http.yaml with a dry run and a diff first.'],
  },
] as const;

/** The section a pathname belongs to: the longest matching href, so `/routes/x` is Routes. */
export function sectionFor(pathname: string): Section | undefined {
  return [...sections]
    .filter((s) => (s.href === '/' ? pathname === '/' : pathname === s.href || pathname.startsWith(`${s.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

/** The descriptor of a section by its href; throws for an unknown href, a programming error. */
export function sectionByHref(href: string): Section {
  const found = sections.find((s) => s.href === href);
  if (!found) throw new Error(`No console section at ${href}`);
  return found;
}
