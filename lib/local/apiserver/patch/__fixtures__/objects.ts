/** Realistic objects for the apply tests, read from the seed's gateway-http.yaml. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { JsonObject } from '../../types';

const docs = parseAllDocuments(readFileSync(path.join(__dirname, 'gateway-http.yaml'), 'utf8')).map(
  (d) => d.toJSON() as JsonObject,
);

/** The seed's Gateway `gateway` in istio-system, served at `apiVersion`. */
export function seedGateway(apiVersion = 'gateway.networking.k8s.io/v1'): JsonObject {
  return { ...structuredClone(docs[0] as JsonObject), apiVersion };
}

/** The seed's HTTPRoute `http` in default, served at `apiVersion`. */
export function seedRoute(apiVersion = 'gateway.networking.k8s.io/v1'): JsonObject {
  return { ...structuredClone(docs[1] as JsonObject), apiVersion };
}
