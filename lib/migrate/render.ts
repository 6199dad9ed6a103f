/**
 * The generated objects as one multi-document YAML text for the apply flow; proposals (per-subset
 * Services) carry a comment so a reviewer sees they are suggestions, not translations.
 */
import { stringify } from 'yaml';
import type { GeneratedObject } from './types';

/** Renders `objects` as `---`-separated YAML documents. */
export function renderYaml(objects: readonly GeneratedObject[]): string {
  return objects
    .map((o) => {
      const from = o.from.map((f) => `${f.kind} ${f.namespace}/${f.name}`).join(', ');
      const head = o.proposed ? `# Proposed from ${from}: review the selector and ports before applying.\n` : `# From ${from}\n`;
      return head + stringify(o.object, { lineWidth: 0 });
    })
    .join('---\n');
}
