/**
 * How to read a protobuf message as its JSON form: field number → JSON name and type. Only
 * the structure is described; conversion lives in decode.ts.
 */

/** Leaf types, named after their Go/JSON form rather than the proto scalar. */
export type LeafType =
  | 'string'
  | 'bytes' // JSON base64, as []byte marshals
  | 'int' // int32/int64 varint, sign-extended
  | 'bool'
  | 'time' // metav1.Time: {seconds=1, nanos=2}, RFC 3339 in JSON, empty = unset
  | 'intOrString' // intstr.IntOrString: {type=1, intVal=2, strVal=3}
  | 'stringMap' // map<string,string>: repeated {key=1, value=2}
  | 'bytesMap'; // map<string,bytes>: values base64 in JSON

/** One field of a message. */
export interface FieldDesc {
  name: string;
  type: LeafType | MessageDesc;
  repeated?: boolean;
  /**
   * A Go pointer field: present on the wire only when set, so a zero value is meaningful
   * (`immutable: false`). Non-pointer scalars are always written by the generated marshalers,
   * even when zero, and JSON `omitempty` drops those zeros, so the decoder does too.
   */
  pointer?: boolean;
}

/** A message: its proto name (for error messages) and fields by number. */
export interface MessageDesc {
  name: string;
  fields: Record<number, FieldDesc>;
}

/** Shorthand constructors, so the tables read like the .proto files they come from. */
export const msg = (name: string, fields: Record<number, FieldDesc>): MessageDesc => ({ name, fields });
export const f = (name: string, type: FieldDesc['type'], opts: Omit<FieldDesc, 'name' | 'type'> = {}): FieldDesc => ({
  name,
  type,
  ...opts,
});
/** A repeated field. */
export const list = (name: string, type: FieldDesc['type']): FieldDesc => ({ name, type, repeated: true });
/** A pointer (optional-with-presence) field. */
export const ptr = (name: string, type: FieldDesc['type']): FieldDesc => ({ name, type, pointer: true });
