import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The people the development sign-in offers: written by the seed step (`npm run seed`, or `npm start` on an
 * empty data dir) beside the stores, read by the gateway's `/auth/dev-login`. Production has no such file.
 */
export const DEV_USERS_FILE = 'dev-users.json';

export interface DevUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly title: string;
  readonly role: 'EXECUTIVE' | 'MANAGER' | 'MEMBER';
  /** Authorization roles the token carries (`member`, `exec`, `finance`, `sales`). */
  readonly roles: readonly string[];
}

/** The seeded users, the chief executive first; empty when the data dir was never seeded. */
export function readDevUsers(dataDir: string): readonly DevUser[] {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, DEV_USERS_FILE), 'utf8')) as { users?: DevUser[] };
    return parsed.users ?? [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
