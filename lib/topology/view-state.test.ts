import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState, type TopologyViewState } from './view-state';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const s: TopologyViewState = {
      namespace: 'default',
      gateway: 'istio-system/gateway',
      hostname: 'httpbin.aliyun.com',
      text: 'http',
      collapse: true,
      focus: 'route:HTTPRoute:default/http',
      selected: 'service:default/httpbin',
      zoom: 1.25,
      x: -120,
      y: 40,
      tab: 'table',
      trace: 'http://httpbin.aliyun.com/get',
      method: 'POST',
      headers: ['x-env: prod', 'accept: */*'],
    };
    expect(readViewState(new URLSearchParams(writeViewState(s).toString()))).toEqual(s);
  });

  it('leaves defaults out of the URL and reads an empty URL as the defaults', () => {
    expect(writeViewState({ collapse: false, tab: 'graph', method: 'GET' }).toString()).toBe('');
    expect(readViewState(new URLSearchParams(''))).toEqual({ collapse: false, tab: 'graph' });
  });

  it('ignores malformed numbers and clamps the zoom', () => {
    const s = readViewState(new URLSearchParams('zoom=abc&x=1e999&y=&tab=nope'));
    expect(s).toEqual({ collapse: false, tab: 'graph' });
    expect(readViewState(new URLSearchParams('zoom=100')).zoom).toBe(4);
  });
});
