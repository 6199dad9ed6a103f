import { describe, expect, it } from 'vitest';
import type { ListenerStatus } from '../listener-set';
import { annotationPatches, LOCAL_PORTS_ANNOTATION, UNPROGRAMMED_ANNOTATION } from './gateway-annotations';

const ADDR = '127.0.9.9';
const port = (p: number, bound: number, errors: string[] = []): ListenerStatus => ({
  address: ADDR,
  port: p,
  boundPort: bound,
  protocol: 'HTTP',
  ready: bound !== 0,
  errors,
});
const byPort = (entries: Array<[number, string[]]>) => new Map(entries.map(([p, ids]) => [`${ADDR}:${p}`, new Set(ids)]));

describe('annotationPatches', () => {
  it('records remapped ports, and "" for a served Gateway with nothing remapped', () => {
    const patches = annotationPatches({
      statuses: [port(80, 10080), port(8080, 8080)],
      listenersByPort: byPort([
        [80, ['ns/a#http']],
        [8080, ['ns/b#alt']],
      ]),
      failedListeners: new Map(),
      current: new Map([
        ['ns/a', {}],
        ['ns/b', {}],
      ]),
    });
    expect(patches.get('ns/a')).toEqual({ [LOCAL_PORTS_ANNOTATION]: '80=10080' });
    expect(patches.get('ns/b')).toEqual({ [LOCAL_PORTS_ANNOTATION]: '' });
  });

  it('writes nothing when the annotations already say it', () => {
    const patches = annotationPatches({
      statuses: [port(80, 10080)],
      listenersByPort: byPort([[80, ['ns/a#http']]]),
      failedListeners: new Map(),
      current: new Map([['ns/a', { [LOCAL_PORTS_ANNOTATION]: '80=10080' }]]),
    });
    expect(patches.size).toBe(0);
  });

  it('clears a stale mapping of a Gateway no longer served, and leaves unannotated ones alone', () => {
    const patches = annotationPatches({
      statuses: [],
      listenersByPort: new Map(),
      failedListeners: new Map(),
      current: new Map<string, Record<string, string>>([
        ['ns/gone', { [LOCAL_PORTS_ANNOTATION]: '80=10080', [UNPROGRAMMED_ANNOTATION]: 'http: x' }],
        ['ns/never', {}],
        ['ns/cleared', { [LOCAL_PORTS_ANNOTATION]: '' }],
      ]),
    });
    expect(patches.get('ns/gone')).toEqual({ [LOCAL_PORTS_ANNOTATION]: '', [UNPROGRAMMED_ANNOTATION]: null });
    expect(patches.has('ns/never')).toBe(false);
    expect(patches.has('ns/cleared')).toBe(false);
  });

  it('names unprogrammed listeners with their reason and removes the note once they serve', () => {
    const busy = 'bind 127.0.9.9:10080: port in use by another process (EADDRINUSE)';
    const down = annotationPatches({
      statuses: [port(80, 0, [busy]), port(8080, 8080)],
      listenersByPort: byPort([
        [80, ['ns/a#http']],
        [8080, ['ns/a#alt']],
      ]),
      failedListeners: new Map([['ns/a#https', 'no usable certificate (Secret ns/c: not found)']]),
      current: new Map([['ns/a', {}]]),
    });
    expect(down.get('ns/a')).toEqual({
      [LOCAL_PORTS_ANNOTATION]: '',
      [UNPROGRAMMED_ANNOTATION]: `http: ${busy}; https: no usable certificate (Secret ns/c: not found)`,
    });
    const up = annotationPatches({
      statuses: [port(80, 10080), port(8080, 8080)],
      listenersByPort: byPort([
        [80, ['ns/a#http']],
        [8080, ['ns/a#alt']],
      ]),
      failedListeners: new Map(),
      current: new Map([['ns/a', { [LOCAL_PORTS_ANNOTATION]: '', [UNPROGRAMMED_ANNOTATION]: `http: ${busy}` }]]),
    });
    expect(up.get('ns/a')).toEqual({ [LOCAL_PORTS_ANNOTATION]: '80=10080', [UNPROGRAMMED_ANNOTATION]: null });
  });
});
