/**
 * Test helper process: commits `count` objects to the store at argv[2] one transaction at a
 * time, prints the last acknowledged resourceVersion, then waits to be killed (kill -9), so a
 * test can check that acknowledged writes survive a process crash.
 */
import { Store } from '../store';

const file = process.argv[2] ?? 'cluster.db';
const count = Number(process.argv[3] ?? 50);
const store = new Store(file);
let rv = 0;
for (let i = 0; i < count; i++) {
  const [e] = store.commit([{ op: 'put', rkey: 'example.com/widgets', ns: 'default', name: `w-${i}`, obj: { kind: 'Widget', metadata: { name: `w-${i}`, namespace: 'default' }, spec: { i } } }]);
  rv = e?.rv ?? rv;
}
process.stdout.write(`acknowledged ${rv}\n`);
setInterval(() => undefined, 60_000);
