/**
 * Server-side printing: `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` gets a
 * meta.k8s.io/v1 Table whose columns come from the CRD's additionalPrinterColumns (or the
 * built-in kind's columns), as kube-apiserver's table convertors produce them.
 */
import { builtinColumns } from './table-builtin';
import { jsonPath } from './jsonpath';
import type { Json, JsonObject, PrinterColumn, ResourceDef } from './types';

/** True when the Accept header asks for a Table. */
export const wantsTable = (accept: string | undefined): boolean => /as=Table/.test(accept ?? '');

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

const AGE: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };
const NAME_DEF = {
  name: 'Name',
  type: 'string',
  format: 'name',
  priority: 0,
  description:
    'Name must be unique within a namespace. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
};

function columnsOf(def: ResourceDef): PrinterColumn[] {
  if (def.printerColumns.length) return def.printerColumns;
  if (!def.custom) return builtinColumns(def.kind) ?? [AGE];
  return [AGE];
}

function cell(obj: JsonObject, col: PrinterColumn): Json {
  const found = jsonPath(obj, col.jsonPath);
  const v = found[0];
  if (v === undefined || v === null) return col.type === 'string' || col.type === 'date' ? '' : null;
  if (col.type === 'date' && typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? v : humanDuration(Date.now() - t);
  }
  if (col.type === 'string') {
    // kubectl's jsonpath printer joins every match of a wildcard with a comma.
    return found.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(',');
  }
  return v;
}

/** Options from the query (`includeObject`) and whether to send column definitions. */
export interface TableOptions {
  includeObject: string | null;
  noHeaders?: boolean;
  resourceVersion: string;
  continueToken?: string;
}

/** Builds a Table of `objects` (already at the served apiVersion). */
export function toTable(def: ResourceDef, objects: JsonObject[], opts: TableOptions): JsonObject {
  const cols = columnsOf(def);
  const metadata: JsonObject = { resourceVersion: opts.resourceVersion };
  if (opts.continueToken) metadata.continue = opts.continueToken;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.noHeaders
      ? []
      : [
          NAME_DEF,
          ...cols.map((c) => ({
            name: c.name,
            type: c.type,
            format: c.format ?? '',
            description: c.description ?? '',
            priority: c.priority ?? 0,
          })),
        ],
    rows: objects.map((obj) => {
      const meta = (obj.metadata ?? {}) as JsonObject;
      const row: JsonObject = { cells: [meta.name ?? '', ...cols.map((c) => cell(obj, c))] };
      if (opts.includeObject === 'Object') row.object = obj;
      else if (opts.includeObject !== 'None') {
        row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta };
      }
      return row;
    }),
  };
}
