import { issueApiKey } from '@sophia/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { requireAdmin } from '../api-keys/api-key-admin.ts';
import { API_KEY_LIMITS, checkCreateApiKey } from '../api-keys/api-key-input.ts';

export const Mutation: MutationResolvers = {
  createApiKey: async (_parent, { input }, { viewer, apiKeys }) => {
    const admin = requireAdmin(viewer);
    const now = apiKeys.now();
    const checked = checkCreateApiKey(input, now);
    const { request } = checked;
    if (!request) return { apiKey: null, secret: null, errors: checked.errors };
    if ((await apiKeys.store.countActive(admin.userId, now)) >= API_KEY_LIMITS.activePerOwner) {
      const message = `An admin may hold at most ${API_KEY_LIMITS.activePerOwner} active keys; revoke one first.`;
      return { apiKey: null, secret: null, errors: [{ field: ['input'], message, code: 'CONFLICT' }] };
    }
    const issued = issueApiKey(apiKeys.pepper);
    await apiKeys.store.insert({
      id: issued.id,
      name: request.name,
      ownerId: admin.userId,
      ownerRoles: admin.roles,
      scopes: request.scopes,
      hash: issued.hash,
      createdAt: now,
      expiresAt: request.expiresAt,
    });
    const apiKey = await apiKeys.store.byId(issued.id);
    // The only place the secret ever leaves: this payload. It is neither stored nor logged.
    return { apiKey: apiKey ?? null, secret: issued.secret, errors: [] };
  },

  revokeApiKey: async (_parent, { id }, { viewer, apiKeys }) => {
    requireAdmin(viewer);
    const known = /^[0-9a-f]{16}$/.test(id) ? await apiKeys.store.byId(id) : undefined;
    if (!known) {
      const message = `API key ${JSON.stringify(id.slice(0, 64))} was not found.`;
      return { apiKey: null, errors: [{ field: ['id'], message, code: 'NOT_FOUND' }] };
    }
    await apiKeys.store.revoke(id, apiKeys.now());
    return { apiKey: (await apiKeys.store.byId(id)) ?? null, errors: [] };
  },
};
