/**
 * Printer columns of the built-in kinds, as kube-apiserver's internal printers define them
 * (pkg/printers/internalversion/printers.go), reduced to what JSONPath can express.
 */
import type { PrinterColumn } from './types';

const AGE: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };
const col = (name: string, jsonPath: string, type = 'string', priority = 0): PrinterColumn => ({
  name,
  type,
  jsonPath,
  priority,
});

const COLUMNS: Record<string, PrinterColumn[]> = {
  Namespace: [col('Status', '.status.phase'), AGE],
  Service: [
    col('Type', '.spec.type'),
    col('Cluster-IP', '.spec.clusterIP'),
    col('External-IP', '.status.loadBalancer.ingress[*].ip'),
    col('Port(s)', '.spec.ports[*].port'),
    AGE,
    col('Selector', '.spec.selector', 'string', 1),
  ],
  ConfigMap: [AGE],
  Secret: [col('Type', '.type'), AGE],
  EndpointSlice: [
    col('AddressType', '.addressType'),
    col('Ports', '.ports[*].port'),
    col('Endpoints', '.endpoints[*].addresses[*]'),
    AGE,
  ],
  CustomResourceDefinition: [col('Created At', '.metadata.creationTimestamp')],
  Event: [col('Type', '.type'), col('Reason', '.reason'), col('Message', '.message'), AGE],
};

/** The columns of a built-in kind (after Name), or undefined for unknown kinds. */
export function builtinColumns(kind: string): PrinterColumn[] | undefined {
  return COLUMNS[kind];
}
