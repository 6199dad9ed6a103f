import { describe, expect, it } from 'vitest';
import { renderSvg } from './export-svg';
import { nodeHref } from './links';
import type { Positions, ViewModel } from './types';

const view: ViewModel = {
  nodes: [
    {
      id: 'gateway:istio-system/gateway',
      kind: 'gateway',
      label: 'istio-system/gateway',
      objectKey: 'istio-system/gateway',
      health: 'ok',
    },
    {
      id: 'route:HTTPRoute:default/foo',
      kind: 'route',
      label: 'HTTPRoute default/foo',
      objectKey: 'default/foo',
      health: 'error',
      reason: 'Accepted: NoMatchingListenerHostname: <none>',
    },
  ],
  edges: [
    {
      id: 'rejected:x',
      source: 'gateway:istio-system/gateway',
      target: 'route:HTTPRoute:default/foo',
      kind: 'rejected',
      health: 'error',
      reason: 'NoMatchingListenerHostname: no listener hostname intersects',
    },
  ],
};
const pos: Positions = {
  'gateway:istio-system/gateway': { x: 0, y: 0, width: 232, height: 58 },
  'route:HTTPRoute:default/foo': { x: 300, y: 0, width: 232, height: 58 },
};

describe('renderSvg', () => {
  it('draws every placed node and edge, rejected edges dashed with their reason, text escaped', () => {
    const svg = renderSvg(view, pos);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g transform/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('>NoMatchingListenerHostname</text>');
    expect(svg).toContain('&lt;none&gt;');
    expect(svg).not.toContain('<none>');
  });

  it('leaves out nodes without a position and their edges', () => {
    const svg = renderSvg(view, { 'gateway:istio-system/gateway': pos['gateway:istio-system/gateway']! });
    expect(svg.match(/<g transform/g)).toHaveLength(1);
    expect(svg).not.toContain('<path');
  });
});

describe('nodeHref', () => {
  it('links Gateways, listeners, routes and rules to their detail pages', () => {
    expect(nodeHref(view.nodes[0]!)).toBe('/gateways/istio-system/gateway');
    expect(nodeHref(view.nodes[1]!)).toBe('/routes/http/default/foo');
    expect(nodeHref({ id: 'rule:GRPCRoute:a/b#0', kind: 'rule', label: 'x', objectKey: 'a/b', health: 'ok' })).toBe(
      '/routes/grpc/a/b',
    );
    expect(nodeHref({ id: 'entry:1.2.3.4:80', kind: 'entry', label: 'x', health: 'ok' })).toBeUndefined();
  });
});
