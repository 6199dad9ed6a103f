/**
 * The part of oidc-provider's API the test issuer uses (the package ships no type declarations,
 * and @types/oidc-provider tracks another major version).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Grant {
    jti: string;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  interface GrantClass {
    new (init: { clientId: string; accountId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }
  interface OidcSession {
    accountId?: string;
    grantIdFor(clientId: string, value?: string): string | undefined;
    ensureClientContainer(clientId: string): void;
  }
  /** The request context oidc-provider hands to configuration hooks. */
  export interface KoaContextWithOIDC {
    oidc: {
      client?: { clientId: string };
      session?: OidcSession;
      params?: Record<string, unknown>;
      provider: { Grant: GrantClass };
    };
  }
  interface Account {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  }
  /** Configuration (the keys the test issuer sets). */
  export interface Configuration {
    clients?: Array<Record<string, unknown>>;
    jwks?: { keys: Array<Record<string, unknown>> };
    cookies?: { keys: string[] };
    claims?: Record<string, string[]>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    /** Lifetimes in seconds, per artifact. */
    ttl?: Record<string, number>;
    features?: Record<string, { enabled: boolean }>;
    findAccount?: (ctx: KoaContextWithOIDC, id: string) => Account | undefined | Promise<Account | undefined>;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
  }
  /** An OpenID Provider. */
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; prompt: { name: string } }>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>): Promise<void>;
  }
}
