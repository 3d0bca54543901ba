import type { ProjectLoaders } from './loaders.ts';
import type { UserRow } from './store-rows.ts';

/** `owner` is non-null in the schema; a dangling owner id is a data fault, reported as such (masked, logged). */
export async function loadOwner(loaders: ProjectLoaders, ownerId: string): Promise<UserRow> {
  const owner = await loaders.user.load(ownerId);
  if (owner === null) throw new Error(`Owner ${ownerId} is not in the directory`);
  return owner;
}
