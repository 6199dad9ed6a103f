/**
 * Encodes the Swagger 2.0 document as the `openapi.v2.Document` protocol buffer of
 * github.com/google/gnostic (OpenAPIv2.proto): what client-go's `OpenAPISchema()` asks for with
 * `application/com.github.proto-openapi.spec.v2@v1.0+protobuf` and decodes with proto.Unmarshal
 * (JSON would not parse). Maps become repeated Named* entries; free-form values (defaults, enum
 * members, vendor extensions) become `Any` with a YAML rendering, which JSON text is.
 */
import type { Json, JsonObject } from '../types';
import { ProtoWriter } from './protobuf-writer';

const asObject = (v: Json | undefined): JsonObject | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const asString = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const asNumber = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const asBool = (v: Json | undefined): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const asStrings = (v: Json | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** `Any { yaml = 2 }`. */
const anyValue = (w: ProtoWriter, value: Json): void => {
  w.string(2, `${JSON.stringify(value)}\n`);
};

/** Vendor extensions (`x-` keys) as `repeated NamedAny`. */
function extensions(w: ProtoWriter, field: number, source: JsonObject): void {
  for (const [name, value] of Object.entries(source)) {
    if (!name.startsWith('x-')) continue;
    w.message(field, (n) => n.string(1, name).message(2, (a) => anyValue(a, value)));
  }
}

/** `openapi.v2.Schema`. */
function schema(w: ProtoWriter, s: JsonObject): void {
  w.string(1, asString(s.$ref)).string(2, asString(s.format)).string(3, asString(s.title)).string(4, asString(s.description));
  if (s.default !== undefined) w.message(5, (a) => anyValue(a, s.default as Json));
  w.double(6, asNumber(s.multipleOf)).double(7, asNumber(s.maximum)).bool(8, asBool(s.exclusiveMaximum));
  w.double(9, asNumber(s.minimum)).bool(10, asBool(s.exclusiveMinimum));
  w.int64(11, asNumber(s.maxLength)).int64(12, asNumber(s.minLength)).string(13, asString(s.pattern));
  w.int64(14, asNumber(s.maxItems)).int64(15, asNumber(s.minItems)).bool(16, asBool(s.uniqueItems));
  w.int64(17, asNumber(s.maxProperties)).int64(18, asNumber(s.minProperties)).strings(19, asStrings(s.required));
  if (Array.isArray(s.enum)) for (const value of s.enum) w.message(20, (a) => anyValue(a, value));
  const additional = s.additionalProperties;
  if (typeof additional === 'boolean') w.message(21, (a) => a.bool(2, additional));
  else if (asObject(additional)) w.message(21, (a) => a.message(1, (x) => schema(x, additional as JsonObject)));
  if (typeof s.type === 'string') w.message(22, (t) => t.strings(1, [s.type as string]));
  const items = asObject(s.items);
  if (items) w.message(23, (i) => i.message(1, (x) => schema(x, items)));
  const properties = asObject(s.properties);
  if (properties) {
    w.message(25, (p) => {
      for (const [name, child] of Object.entries(properties)) {
        p.message(1, (n) => n.string(1, name).message(2, (x) => schema(x, asObject(child) ?? {})));
      }
    });
  }
  w.bool(27, asBool(s.readOnly));
  extensions(w, 31, s);
}

/** `openapi.v2.ParametersItem { parameter = 1 }` for a body, query or path parameter. */
function parameter(w: ProtoWriter, p: JsonObject): void {
  w.message(1, (param) => {
    if (p.in === 'body') {
      param.message(1, (b) => {
        b.string(1, asString(p.description)).string(2, asString(p.name)).string(3, 'body').bool(4, asBool(p.required));
        b.message(5, (x) => schema(x, asObject(p.schema) ?? {}));
      });
      return;
    }
    // NonBodyParameter: query_parameter_sub_schema = 3, path_parameter_sub_schema = 4.
    const isPath = p.in === 'path';
    param.message(2, (nb) =>
      nb.message(isPath ? 4 : 3, (sub) => {
        sub.bool(1, asBool(p.required)).string(2, asString(p.in)).string(3, asString(p.description)).string(4, asString(p.name));
        if (isPath) sub.string(5, asString(p.type)).bool(19, asBool(p.uniqueItems));
        else sub.string(6, asString(p.type)).bool(20, asBool(p.uniqueItems));
      }),
    );
  });
}

/** `openapi.v2.Operation`. */
function operation(w: ProtoWriter, op: JsonObject): void {
  w.strings(1, asStrings(op.tags)).string(3, asString(op.description)).string(5, asString(op.operationId));
  w.strings(6, asStrings(op.produces)).strings(7, asStrings(op.consumes));
  for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
    const param = asObject(p);
    if (param) w.message(8, (x) => parameter(x, param));
  }
  const responses = asObject(op.responses) ?? {};
  w.message(9, (r) => {
    for (const [code, value] of Object.entries(responses)) {
      const response = asObject(value) ?? {};
      r.message(1, (named) =>
        named.string(1, code).message(2, (rv) =>
          rv.message(1, (resp) => {
            resp.string(1, asString(response.description));
            const body = asObject(response.schema);
            if (body) resp.message(2, (si) => si.message(1, (x) => schema(x, body)));
          }),
        ),
      );
    }
  });
  w.strings(10, asStrings(op.schemes));
  extensions(w, 13, op);
}

const METHOD_FIELDS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };

/** Encodes a Swagger 2.0 JSON document (as built by `buildV2Document`). */
export function encodeSwaggerProto(doc: JsonObject): Buffer {
  const w = new ProtoWriter();
  w.string(1, asString(doc.swagger));
  const info = asObject(doc.info) ?? {};
  w.message(2, (i) => i.string(1, asString(info.title)).string(2, asString(info.version)));
  w.message(8, (paths) => {
    for (const [path, value] of Object.entries(asObject(doc.paths) ?? {})) {
      const item = asObject(value) ?? {};
      paths.message(2, (named) =>
        named.string(1, path).message(2, (pi) => {
          for (const [method, field] of Object.entries(METHOD_FIELDS)) {
            const op = asObject(item[method]);
            if (op) pi.message(field, (x) => operation(x, op));
          }
          for (const p of Array.isArray(item.parameters) ? item.parameters : []) {
            const param = asObject(p);
            if (param) pi.message(9, (x) => parameter(x, param));
          }
        }),
      );
    }
  });
  w.message(9, (defs) => {
    for (const [name, value] of Object.entries(asObject(doc.definitions) ?? {})) {
      defs.message(1, (n) => n.string(1, name).message(2, (x) => schema(x, asObject(value) ?? {})));
    }
  });
  return w.finish();
}
