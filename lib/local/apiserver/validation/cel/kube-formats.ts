/**
 * The named formats of the Kubernetes CEL `format` library (k8s.io/apiserver/pkg/cel/library/format.go),
 * each returning the validation errors apimachinery's validators return (empty = valid).
 */
import { re2 } from '../regex';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const maxLen = (s: string, n: number): string[] => (s.length > n ? [`must be no more than ${n} characters`] : []);

function label(s: string): string[] {
  return [
    ...maxLen(s, 63),
    ...(DNS1123_LABEL.test(s)
      ? []
      : [
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        ]),
  ];
}
function subdomain(s: string): string[] {
  return [
    ...maxLen(s, 253),
    ...(DNS1123_SUBDOMAIN.test(s)
      ? []
      : [
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        ]),
  ];
}
function label1035(s: string): string[] {
  return [
    ...maxLen(s, 63),
    ...(DNS1035_LABEL.test(s)
      ? []
      : [
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        ]),
  ];
}
function qualifiedName(s: string): string[] {
  const parts = s.split('/');
  if (parts.length > 2)
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    ];
  const name = parts[parts.length - 1] ?? '';
  const errs: string[] = [];
  if (parts.length === 2) errs.push(...subdomain(parts[0] ?? '').map((e) => `prefix part ${e}`));
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME.test(name))
    errs.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    );
  return errs;
}

/** Validators by format name, as `format.named(name)` knows them. */
export const KUBE_FORMATS: Record<string, (s: string) => string[]> = {
  dns1123Label: label,
  dns1123Subdomain: subdomain,
  dns1035Label: label1035,
  qualifiedName,
  dns1123LabelPrefix: (s) => (s.endsWith('-') ? label(`${s}a`) : label(s)),
  dns1123SubdomainPrefix: (s) => (s.endsWith('-') ? subdomain(`${s}a`) : subdomain(s)),
  dns1035LabelPrefix: (s) => (s.endsWith('-') ? label1035(`${s}a`) : label1035(s)),
  labelValue: (s) => [
    ...maxLen(s, 63),
    ...(LABEL_VALUE.test(s)
      ? []
      : [
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        ]),
  ],
  uri: (s) => {
    try {
      new URL(s);
      return [];
    } catch {
      return ['invalid URI'];
    }
  },
  uuid: (s) => (UUID.test(s) ? [] : ['does not match the UUID format']),
  byte: (s) => (/^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0 ? [] : ['invalid base64']),
  date: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? [] : ['invalid date']),
  datetime: (s) =>
    re2('^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$').test(s) &&
    !Number.isNaN(Date.parse(s))
      ? []
      : ['invalid datetime'],
};
