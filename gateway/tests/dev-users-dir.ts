import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDevUsers } from '@sophia/ops/dev-users';

/** A data dir holding only the demo's sign-in list, as the seed step leaves it: what dev-login reads. */
export function devUsersDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sophia-dev-users-'));
  writeDevUsers(dir);
  return dir;
}
