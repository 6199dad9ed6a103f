/**
 * The local gateway runtime: serves the embedded cluster's Gateways on loopback addresses,
 * routing with the engine. See ../README.md for addresses and port mapping.
 */
export { startLocalGateway, type LocalGateway, type LocalGatewayOptions } from './runtime';
export { provisionedAddressFor } from './provisioned-address';
export { recentAccessLog, ACCESS_LOG_CAPACITY } from './access-log-buffer';
export { FIELD_MANAGER } from './local-ports';
export { LOCAL_PORTS_ANNOTATION, UNPROGRAMMED_ANNOTATION } from './gateway-annotations';
