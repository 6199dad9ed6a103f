import 'server-only';
import { cookies } from 'next/headers';
import type { ContextsView } from '@/lib/model/cluster';
import { chooseContext, contextCookie, parseRoles, rolesCookie } from './context-choice';
import { listContexts, loadKubeConfig } from './kubeconfig';

/** A context name that the kubeconfig does not define (a stale cookie, a hand-made URL). */
export class UnknownContextError extends Error {
  constructor(
    readonly context: string,
    readonly known: readonly string[],
  ) {
    super(
      `The kubeconfig has no context named ${context} (known: ${known.join(', ') || 'none'}). Choose a context in the header.`,
    );
    this.name = 'UnknownContextError';
  }
}

/** A cookie of the current request, or undefined outside a request (scripts, tests, background work). */
async function readCookie(name: string): Promise<string | undefined> {
  try {
    return (await cookies()).get(name)?.value;
  } catch {
    return undefined;
  }
}

/** Names of every context the console offers. */
export function knownContexts(): string[] {
  return (
    loadKubeConfig()
      ?.getContexts()
      .map((c) => c.name) ?? []
  );
}

/**
 * The context a request works in: the one it names (which must be known), else this browser's choice
 * (cookie, validated against the kubeconfig), else the kubeconfig's current context.
 */
export async function resolveContext(requested?: string): Promise<string | undefined> {
  const config = loadKubeConfig();
  if (!config) return undefined;
  const known = config.getContexts().map((c) => c.name);
  if (requested !== undefined) {
    if (!known.includes(requested)) throw new UnknownContextError(requested, known);
    return requested;
  }
  return chooseContext({ chosen: await readCookie(contextCookie), known, fallback: config.getCurrentContext() });
}

/** The picker's view: contexts, this browser's current one and the mesh / data-plane roles it set. */
export async function getContextsView(): Promise<ContextsView | undefined> {
  const config = loadKubeConfig();
  const current = await resolveContext();
  if (!config || !current) return undefined;
  const contexts = listContexts(config);
  const { defaulted, ...roles } = parseRoles(
    await readCookie(rolesCookie),
    contexts.map((c) => c.name),
    current,
  );
  return { current, contexts, roles, defaultRoles: defaulted };
}
