/**
 * Apply conflicts are about values: the merge result is defaulted (CRD schema defaults) before
 * it is compared with the live object, so re-applying what a client-side apply wrote — which
 * the server stored with its defaults filled in — conflicts with nobody.
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonObject, ResourceDef, SchemaNode } from '../types';
import { compileSchema } from '../validation';
import { httpRouteDef } from './__fixtures__/defs';
import { T0, T1, errorOf } from './__fixtures__/helpers';
import { seedRoute } from './__fixtures__/objects';
import { recordUpdate } from './record-update';
import { serverSideApply } from './server-side-apply';

const crdFile = path.resolve(__dirname, '../../crds/gateway-api/v1.1.0/gateway.networking.k8s.io_httproutes.yaml');
const crd = parse(readFileSync(crdFile, 'utf8')) as {
  spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: SchemaNode } }> };
};
const schema = crd.spec.versions.find((v) => v.name === 'v1')?.schema.openAPIV3Schema as SchemaNode;
const def: ResourceDef = { ...httpRouteDef, schema };
const validator = compileSchema(schema);
const defaults = (o: JsonObject): JsonObject => validator.withDefaults(o);

/** The route as stored after `kubectl apply` (client-side): defaulted, owned by an Update manager. */
const clientSideApplied = (): JsonObject =>
  recordUpdate({
    old: undefined,
    updated: defaults(seedRoute()),
    manager: 'kubectl-client-side-apply',
    operation: 'Update',
    def,
    time: T0,
  });

describe('serverSideApply: defaulting before conflict detection', () => {
  it('stores defaults the applied file leaves out (the premise of the conflicts below)', () => {
    const rules = (clientSideApplied().spec as JsonObject).rules as JsonObject[];
    expect((rules[0]?.backendRefs as JsonObject[])[0]).toMatchObject({ group: '', kind: 'Service', weight: 1 });
  });

  it('re-applies the same file without conflicts once the merge result is defaulted', () => {
    const live = clientSideApplied();
    const applied = serverSideApply({ live, applied: seedRoute(), manager: 'kubectl', force: false, def, time: T1, defaults });
    expect(applied.spec).toEqual(live.spec);
    const managers = ((applied.metadata as JsonObject).managedFields as JsonObject[]).map((e) => e.manager).sort();
    expect(managers).toEqual(['kubectl', 'kubectl-client-side-apply']);
  });

  it('without defaulting the same apply would conflict on every defaulted atomic list', () => {
    const err = errorOf(() =>
      serverSideApply({ live: clientSideApplied(), applied: seedRoute(), manager: 'kubectl', force: false, def, time: T1 }),
    );
    expect(err.message).toContain('- .spec.parentRefs\n- .spec.rules');
  });

  it('still conflicts on a value that really changes, and only on it', () => {
    const changed = seedRoute();
    (changed.spec as JsonObject).hostnames = ['www.aliyun.com'];
    const err = errorOf(() =>
      serverSideApply({ live: clientSideApplied(), applied: changed, manager: 'kubectl', force: false, def, time: T1, defaults }),
    );
    expect(err.message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using gateway.networking.k8s.io/v1: .spec.hostnames',
    );
  });
});
