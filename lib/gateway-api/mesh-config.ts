/**
 * ASM's switch for Gateway API support.
 * ASM docs ("Define routing rules with Gateway API", step 2): the control
 * plane only serves Gateway API once `ASMMeshConfig default` has
 * `spec.enableGatewayAPI: true`.
 */
import type { ASMMeshConfig } from './types';

/** True when the mesh config enables Gateway API (an absent config counts as disabled). */
export function gatewayApiEnabled(meshConfig: ASMMeshConfig | undefined): boolean {
  return meshConfig?.spec?.enableGatewayAPI === true;
}
