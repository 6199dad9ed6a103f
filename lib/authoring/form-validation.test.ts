import { describe, expect, it } from 'vitest';
import { validateGatewayForm, validateHTTPRouteForm } from './form-validation';
import type { GatewayForm, ListenerForm } from './gateway-form';
import { newMatch } from './http-route-form';
import { newBackend } from './route-parts';

const listener: ListenerForm = {
  name: 'default',
  hostname: '*.aliyun.com',
  port: '80',
  protocol: 'HTTP',
  tlsMode: '',
  certificateRefs: [],
  from: 'All',
  selector: '',
};
const gw: GatewayForm = {
  name: 'gateway',
  namespace: 'istio-system',
  gatewayClassName: 'istio',
  address: 'istio-ingressgateway.istio-system.svc.cluster.local',
  listeners: [listener],
};

describe('validateGatewayForm', () => {
  it('accepts the seed Gateway', () => {
    expect(validateGatewayForm(gw)).toEqual({});
  });

  it('refuses a bare * hostname, duplicate listener names and a port out of range', () => {
    const p = validateGatewayForm({
      ...gw,
      listeners: [
        { ...listener, hostname: '*' },
        { ...listener, hostname: 'a.aliyun.com', port: '70000' },
      ],
    });
    expect(p['listeners.0.hostname']).toMatch(/alone is not allowed/);
    expect(p['listeners.1.name']).toMatch(/unique/);
    expect(p['listeners.1.port']).toMatch(/1 to 65535/);
  });

  it('requires a certificate for a terminating HTTPS listener and no tls for HTTP', () => {
    const p = validateGatewayForm({
      ...gw,
      listeners: [
        { ...listener, protocol: 'HTTPS', tlsMode: 'Terminate' },
        { ...listener, name: 'b', port: '81', tlsMode: 'Terminate' },
      ],
    });
    expect(p['listeners.0.certificateRefs']).toMatch(/certificate/);
    expect(p['listeners.1.tlsMode']).toMatch(/must not be specified/);
  });
});

describe('validateHTTPRouteForm', () => {
  it('requires absolute paths and a port for Service backends', () => {
    const p = validateHTTPRouteForm({
      name: 'http',
      namespace: 'default',
      parentRefs: [{ name: 'gateway', namespace: 'istio-system', sectionName: '', port: '' }],
      hostnames: ['*.aliyun.com'],
      rules: [
        {
          matches: [{ ...newMatch(), pathValue: 'get' }],
          filters: [],
          backendRefs: [{ ...newBackend(), name: 'httpbin' }],
          timeoutRequest: '',
          timeoutBackendRequest: '',
        },
      ],
    });
    expect(p['rules.0.matches.0.pathValue']).toMatch(/start with '\/'/);
    expect(p['rules.0.backendRefs.0.port']).toBe('Must have port for Service reference.');
    expect(Object.keys(p)).toHaveLength(2);
  });
});
