/**
 * The key store's internal routes, on its subgraph's port (the project subgraph): the gateway reads a
 * presented key's record by id and reports its use there, with a `key-lookup` token (internal-tokens.ts).
 */
export const API_KEY_LOOKUP_PATH = '/internal/api-keys/lookup';
export const API_KEY_USED_PATH = '/internal/api-keys/used';

/** A key's record as the lookup route returns it: never the secret, only its peppered hash. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly hash: string;
  readonly scopes: readonly string[];
  readonly ownerId: string;
  readonly ownerRoles: readonly string[];
  /** Ms since the epoch. */
  readonly expiresAt: number;
  readonly revoked: boolean;
}
