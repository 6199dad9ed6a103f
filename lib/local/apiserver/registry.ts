/**
 * What the server serves right now: the built-in kinds plus every version of every stored CRD.
 * Rebuilt whenever a CRD changes, so a created CRD is served at once.
 */
import { builtinResources, compileSchema, crdToResourceDefs, type CompiledValidator } from './modules';
import type { Store } from './store';
import type { ResourceDef } from './types';

/** Store key of the CRD resource. */
export const CRD_RKEY = 'apiextensions.k8s.io/customresourcedefinitions';
/** Store key of the Namespace resource. */
export const NAMESPACE_RKEY = '/namespaces';

/** The store key of a resource (independent of version: all versions share one storage). */
export const rkeyOf = (def: Pick<ResourceDef, 'group' | 'plural'>): string => `${def.group}/${def.plural}`;

/** `group/version`, or `version` for the core group. */
export const apiVersionOf = (def: Pick<ResourceDef, 'group' | 'version'>): string =>
  def.group ? `${def.group}/${def.version}` : def.version;

/** Kubernetes version priority (v1 > v1beta2 > v1beta1 > v1alpha1 > anything else). */
export function versionPriority(a: string, b: string): number {
  const parse = (v: string): [number, number, number] | undefined => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return undefined;
    return [m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1, Number(m[1]), Number(m[3] ?? 0)];
  };
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a.localeCompare(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pb[i] ?? 0) - (pa[i] ?? 0);
  return 0;
}

/** One API group with its versions, preferred first. */
export interface GroupInfo {
  name: string;
  versions: string[];
}

/** Index of served resources. */
export class Registry {
  private defs: ResourceDef[] = [];
  private byPath = new Map<string, ResourceDef>();
  /** Storage version per store key, computed once per refresh (every write asks for it). */
  private storageByRkey = new Map<string, ResourceDef>();
  private readonly validators = new WeakMap<ResourceDef, CompiledValidator | undefined>();

  constructor(private readonly store: Store) {
    this.refresh();
  }

  /** Re-reads the CRDs from the store. */
  refresh(): void {
    const defs = builtinResources();
    for (const e of this.store.list(CRD_RKEY)) {
      try {
        defs.push(...crdToResourceDefs(e.obj));
      } catch {
        // A CRD that cannot be turned into defs is simply not served (it was validated on write).
      }
    }
    this.defs = defs;
    this.byPath = new Map(defs.map((d) => [`${d.group}/${d.version}/${d.plural}`, d]));
    const storage = new Map<string, ResourceDef>();
    for (const d of defs) {
      const k = rkeyOf(d);
      const seen = storage.get(k);
      if (!seen || (d.storage && !seen.storage)) storage.set(k, d);
    }
    this.storageByRkey = storage;
  }

  /** Every served resource version. */
  all(): ResourceDef[] {
    return this.defs;
  }

  /** The def served at `group/version/plural`. */
  find(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  /** The storage version's def of a resource. */
  storageDef(rkey: string): ResourceDef | undefined {
    return this.storageByRkey.get(rkey);
  }

  /** Groups in discovery order (core first, then built-ins, then CRD groups by name). */
  groups(): GroupInfo[] {
    const m = new Map<string, Set<string>>();
    for (const d of this.defs) {
      let s = m.get(d.group);
      if (!s) m.set(d.group, (s = new Set()));
      s.add(d.version);
    }
    return [...m.entries()].map(([name, vs]) => ({ name, versions: [...vs].sort(versionPriority) }));
  }

  /** The compiled schema validator of a def (cached), or undefined when it has no schema. */
  validator(def: ResourceDef): CompiledValidator | undefined {
    if (!this.validators.has(def)) this.validators.set(def, def.schema ? compileSchema(def.schema) : undefined);
    return this.validators.get(def);
  }
}
