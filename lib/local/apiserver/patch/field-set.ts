/**
 * A set of field paths in the `FieldsV1` shape kube-apiserver stores in `managedFields`: a trie
 * whose edges are path elements (`f:<field>`, `k:{<map-list keys>}`, `v:<set value>`, `i:<index>`)
 * and whose nodes may themselves be members (serialized as `".": {}` when they also have children).
 */
import type { Json, JsonObject } from '../types';
import { isObject } from './json';

/** One path element in its FieldsV1 spelling, e.g. `f:spec`, `k:{"name":"default"}`. */
export type PathElement = string;
/** A path from the object root. */
export type FieldPath = PathElement[];

/** A node of the trie; the root node stands for the whole set. */
export class FieldSet {
  /** Whether the path ending here is itself in the set. */
  member = false;
  readonly children = new Map<PathElement, FieldSet>();

  /** Adds a path (the empty path marks the root itself). */
  insert(path: FieldPath): this {
    const [head, ...rest] = path;
    if (head === undefined) {
      this.member = true;
      return this;
    }
    let next = this.children.get(head);
    if (!next) {
      next = new FieldSet();
      this.children.set(head, next);
    }
    next.insert(rest);
    return this;
  }

  /** The sub-trie at a path, if any path passes through it. */
  at(path: FieldPath): FieldSet | undefined {
    const [head, ...rest] = path;
    return head === undefined ? this : this.children.get(head)?.at(rest);
  }

  /** Whether the exact path is a member. */
  has(path: FieldPath): boolean {
    return this.at(path)?.member ?? false;
  }

  /** True when no path at all is in the set. */
  isEmpty(): boolean {
    if (this.member) return false;
    for (const c of this.children.values()) if (!c.isEmpty()) return false;
    return true;
  }

  /** Every member path, parents before children. */
  paths(prefix: FieldPath = []): FieldPath[] {
    const out: FieldPath[] = this.member ? [prefix] : [];
    for (const [pe, c] of sortedEntries(this.children)) out.push(...c.paths([...prefix, pe]));
    return out;
  }

  /** Paths in this set or in `other`. */
  union(other: FieldSet): FieldSet {
    return combine(this, other, (a, b) => a || b, true);
  }

  /** Paths in this set and in `other`. */
  intersection(other: FieldSet): FieldSet {
    return combine(this, other, (a, b) => a && b, false);
  }

  /** Paths in this set but not in `other` (children of a removed path stay unless removed too). */
  difference(other: FieldSet): FieldSet {
    return combine(this, other, (a, b) => a && !b, true, false);
  }

  /** This set without any path equal to or below a path of `other`. */
  recursiveDifference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    if (other.member) return out;
    out.member = this.member;
    for (const [pe, c] of this.children) {
      const o = other.children.get(pe);
      const d = o ? c.recursiveDifference(o) : c.union(new FieldSet());
      if (!d.isEmpty()) out.children.set(pe, d);
    }
    return out;
  }

  /** The FieldsV1 JSON: `{"f:spec": {"f:replicas": {}}}`, with `".": {}` for member parents. */
  toJSON(): JsonObject {
    const out: JsonObject = {};
    if (this.member && this.children.size > 0) out['.'] = {};
    for (const [pe, c] of sortedEntries(this.children)) if (!c.isEmpty()) out[pe] = c.toJSON();
    return out;
  }

  /** Reads FieldsV1 JSON; an empty object marks a member leaf. */
  static fromJSON(json: Json | undefined): FieldSet {
    const set = new FieldSet();
    if (!isObject(json)) return set;
    fill(set, json);
    return set;
  }
}

function fill(node: FieldSet, json: JsonObject): void {
  for (const [k, v] of Object.entries(json)) {
    if (k === '.') {
      node.member = true;
      continue;
    }
    const child = new FieldSet();
    const grand = isObject(v) ? v : {};
    if (Object.keys(grand).length === 0) child.member = true;
    else fill(child, grand);
    node.children.set(k, child);
  }
}

function combine(
  a: FieldSet,
  b: FieldSet,
  member: (x: boolean, y: boolean) => boolean,
  keepOnlyA: boolean,
  keepOnlyB = keepOnlyA,
): FieldSet {
  const out = new FieldSet();
  out.member = member(a.member, b.member);
  const keys = new Set([...a.children.keys(), ...b.children.keys()]);
  for (const k of keys) {
    const ca = a.children.get(k);
    const cb = b.children.get(k);
    let c: FieldSet | undefined;
    if (ca && cb) c = combine(ca, cb, member, keepOnlyA, keepOnlyB);
    else if (ca && keepOnlyA) c = combine(ca, new FieldSet(), member, keepOnlyA, keepOnlyB);
    else if (cb && keepOnlyB) c = combine(new FieldSet(), cb, member, keepOnlyA, keepOnlyB);
    // Results of combine are normalized (no empty children), so a shallow check suffices.
    if (c && (c.member || c.children.size > 0)) out.children.set(k, c);
  }
  return out;
}

/** Order of the real serializer: fields, then keys, then values, then indices, each sorted. */
const KIND_ORDER = ['f:', 'k:', 'v:', 'i:'];
function sortedEntries(m: Map<PathElement, FieldSet>): [PathElement, FieldSet][] {
  const rank = (pe: string): number => KIND_ORDER.indexOf(pe.slice(0, 2));
  return [...m.entries()].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
