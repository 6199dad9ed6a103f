/** ASM's enableGatewayAPI switch (ASM guide, step 2). */
import { describe, expect, it } from 'vitest';
import { gatewayApiEnabled } from './mesh-config';

describe('gatewayApiEnabled', () => {
  it.each([
    [undefined, false],
    [{ metadata: { name: 'default' } }, false],
    [{ metadata: { name: 'default' }, spec: { enableGatewayAPI: false } }, false],
    [{ metadata: { name: 'default' }, spec: { enableGatewayAPI: true } }, true],
  ])('%j → %s', (config, expected) => {
    expect(gatewayApiEnabled(config)).toBe(expected);
  });
});
