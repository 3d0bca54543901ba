import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_USERS_FILE, type DevUser } from '@sophia/kit';
import { DEFAULT_SEED, demoDirectory } from '../demo-data/index.ts';

/**
 * The people the development sign-in offers and signs in as, with their authorization roles (who works at
 * the demo company depends on the seed only, not on the anchor).
 */
export function writeDevUsers(dataDir: string, seed: number = DEFAULT_SEED): void {
  const users = demoDirectory(seed).map(({ id, name, email, title, role, roles }): DevUser => ({
    id,
    name,
    email,
    title,
    role,
    roles,
  }));
  writeFileSync(join(dataDir, DEV_USERS_FILE), `${JSON.stringify({ users }, null, 2)}\n`);
}
