/** Local httpbin: an httpbin-compatible backend for the embedded cluster's demos and tests. */
export { startHttpbin, type HttpbinOptions, type HttpbinServer } from './server';
export { TEAPOT } from './status';
