import { describe, expect, it } from 'vitest';
import { compareConditions } from './compare-conditions';

describe('compareConditions', () => {
  it('agrees when status and reason match, whatever the message', () => {
    const [row] = compareConditions(
      'Gateway',
      [{ type: 'Programmed', status: 'True', reason: 'Programmed', message: 'a' }],
      [{ type: 'Programmed', status: 'True', reason: 'Programmed', message: 'b' }],
    );
    expect(row?.agree).toBe(true);
  });
  it('flags a different reason as a disagreement', () => {
    const [row] = compareConditions(
      'parent istio-system/gateway',
      [{ type: 'Accepted', status: 'True', reason: 'Accepted' }],
      [{ type: 'Accepted', status: 'False', reason: 'NoMatchingListenerHostname' }],
    );
    expect(row).toMatchObject({ agree: false, cluster: { status: 'True' }, portico: { reason: 'NoMatchingListenerHostname' } });
  });
  it('flags a condition the cluster has not written yet', () => {
    const rows = compareConditions('Gateway', [], [{ type: 'Accepted', status: 'True', reason: 'Accepted' }]);
    expect(rows).toEqual([
      { scope: 'Gateway', type: 'Accepted', portico: { status: 'True', reason: 'Accepted' }, stale: false, agree: false },
    ]);
  });
  it('marks a condition written for an older generation as stale', () => {
    const [row] = compareConditions(
      'Gateway',
      [{ type: 'Accepted', status: 'True', reason: 'Accepted', observedGeneration: 1 }],
      undefined,
      2,
    );
    expect(row).toMatchObject({ stale: true, agree: true });
  });
});
