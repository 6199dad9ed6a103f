import 'server-only';
import type { KindName } from '@/lib/model/kinds';
import type { ObjectList } from '@/lib/model/lists';
import { describeError } from './errors';
import { listObjects } from './objects';

/** listObjects for a page's first render: a failure becomes a message the page shows, not a crash. */
export async function listForPage(kind: KindName): Promise<ObjectList | { error: string }> {
  try {
    return await listObjects(kind);
  } catch (err) {
    return { error: `Listing ${kind} objects failed: ${describeError(err)}` };
  }
}
