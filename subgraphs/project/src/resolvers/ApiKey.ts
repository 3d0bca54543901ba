import { API_KEY_PREFIX } from '@sophia/kit';
import type { ApiKeyResolvers } from '../__generated__/resolvers-types.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A key as the API shows it: its record less the hash, times as ISO 8601. */
export const ApiKey: ApiKeyResolvers = {
  prefix: (key) => `${API_KEY_PREFIX}${key.id}_`,
  createdAt: (key) => iso(key.createdAt)!,
  expiresAt: (key) => iso(key.expiresAt)!,
  lastUsedAt: (key) => iso(key.lastUsedAt),
  revokedAt: (key) => iso(key.revokedAt),
  owner: (key, _args, { loaders }) => loaders.user.load(key.ownerId),
};
