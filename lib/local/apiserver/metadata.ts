/**
 * ObjectMeta rules the API server enforces on every kind (apimachinery's ValidateObjectMeta):
 * names, generateName, labels, and the system fields clients may not set.
 */
import { randomBytes } from 'node:crypto';
import type { FieldCause, JsonObject, ResourceDef } from './types';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Name rules per kind: Namespaces are DNS-1123 labels, Services DNS-1035 labels, the rest subdomains. */
function nameRule(kind: string): { re: RegExp; max: number; msg: string } {
  if (kind === 'Namespace') return { re: DNS1123_LABEL, max: 63, msg: LABEL_MSG };
  if (kind === 'Service') return { re: DNS1035_LABEL, max: 63, msg: DNS1035_MSG };
  return { re: DNS1123_SUBDOMAIN, max: 253, msg: SUBDOMAIN_MSG };
}

const inv = (field: string, value: string, msg: string): FieldCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${JSON.stringify(value)}: ${msg}`,
});

/** Validates name, namespace, labels and annotations; returns the causes (empty when valid). */
export function validateMeta(def: ResourceDef, meta: JsonObject): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = meta.name;
  if (typeof name !== 'string' || name === '') {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'metadata.name',
      message: 'Required value: name or generateName is required',
    });
  } else {
    const rule = nameRule(def.kind);
    if (!rule.re.test(name)) causes.push(inv('metadata.name', name, rule.msg));
    else if (name.length > rule.max) causes.push(inv('metadata.name', name, `must be no more than ${rule.max} characters`));
  }
  const labels = meta.labels;
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== 'object' || Array.isArray(labels)) {
      causes.push({
        reason: 'FieldValueTypeInvalid',
        field: 'metadata.labels',
        message: 'Invalid value: "labels": must be a map',
      });
    } else {
      for (const [k, v] of Object.entries(labels)) {
        const [prefix, key] = k.includes('/') ? k.split('/', 2) : [undefined, k];
        if (!key || !QUALIFIED_NAME.test(key) || key.length > 63 || (prefix !== undefined && !DNS1123_SUBDOMAIN.test(prefix))) {
          causes.push(
            inv(
              'metadata.labels',
              k,
              "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
            ),
          );
        }
        if (typeof v !== 'string' || !LABEL_VALUE.test(v) || v.length > 63) {
          causes.push(
            inv(
              'metadata.labels',
              String(v),
              "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
            ),
          );
        }
      }
    }
  }
  const ann = meta.annotations;
  if (
    ann !== undefined &&
    ann !== null &&
    (typeof ann !== 'object' || Array.isArray(ann) || Object.values(ann).some((v) => typeof v !== 'string'))
  ) {
    causes.push({
      reason: 'FieldValueTypeInvalid',
      field: 'metadata.annotations',
      message: 'Invalid value: "annotations": must be a map of strings',
    });
  }
  return causes;
}

/** generateName suffix: 5 characters from the alphabet apimachinery uses (no vowels, no look-alikes). */
export function generateNameSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** RFC 3339 timestamp with second precision, as metav1.Time serializes. */
export const nowTimestamp = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
