/**
 * Local gateway data plane: live listener sets (HTTP/HTTPS with SNI) and the proxy that
 * executes forward plans. Routing decisions come from the caller's planner.
 */
export { createListenerSet, localPortsAnnotation, PRIVILEGED_PORT_OFFSET } from './listener-set';
export type { ListenerSet, ListenerSetOptions, ListenerSpec, ListenerStatus } from './listener-set';
export type { AnyRequest, AnyResponse, ConnectionInfo } from './binding';
export type { CertificateSpec } from './certificates';
export { chooseCertificate, hostnameSpecificity } from './certificates';
export { createProxy, type Proxy, type ProxyOptions } from './proxy';
export { jsonLinesSink, type AccessLogEntry, type AccessLogSink } from './access-log';
export { SERVER_NAME } from './respond';
export type * from './plan';
export { planFromDecision, type BackendResolver } from './from-decision';
