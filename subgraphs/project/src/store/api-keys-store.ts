import type { SqlRunner } from '@sophia/kit';

/** An API key as the store keeps it: its secret's HMAC, never the secret. Times in ms since the epoch. */
export interface ApiKeyRow {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  /** The creator's roles when the key was made: the key acts with them (less `admin`, see the gateway). */
  readonly ownerRoles: readonly string[];
  readonly scopes: readonly string[];
  readonly hash: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
  readonly lastUsedAt: number | null;
}

const SELECT_API_KEY = `SELECT id, name, owner_id AS "ownerId", owner_roles AS "ownerRoles", scopes, hash,
  created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
  last_used_at AS "lastUsedAt" FROM api_keys`;

/** BIGINT comes back as text from DuckDB and as a number from Snowflake; lists are stored space-separated. */
function toRow(raw: Record<string, unknown>): ApiKeyRow {
  const time = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const list = (value: unknown) =>
    String(value ?? '')
      .split(' ')
      .filter(Boolean);
  return {
    id: String(raw['id']),
    name: String(raw['name']),
    ownerId: String(raw['ownerId']),
    ownerRoles: list(raw['ownerRoles']),
    scopes: list(raw['scopes']),
    hash: String(raw['hash']),
    createdAt: Number(raw['createdAt']),
    expiresAt: Number(raw['expiresAt']),
    revokedAt: time(raw['revokedAt']),
    lastUsedAt: time(raw['lastUsedAt']),
  };
}

/**
 * The project store's API keys: the only code that reads or writes `api_keys`. Plain SQL both dialects run;
 * the caller brings the times (real time, never the demo clock: expiry is a security boundary).
 */
export class ApiKeyStore {
  constructor(private readonly db: SqlRunner) {}

  async byId(id: string): Promise<ApiKeyRow | undefined> {
    const [row] = await this.db.query(`${SELECT_API_KEY} WHERE id = ?`, [id]);
    return row ? toRow(row) : undefined;
  }

  /** Newest first; revoked and expired keys only when asked, at most `limit`. */
  async list(options: { includeInactive: boolean; now: number; limit: number }): Promise<ApiKeyRow[]> {
    const where = options.includeInactive ? '' : 'WHERE revoked_at IS NULL AND expires_at > ?';
    const params = options.includeInactive ? [] : [options.now];
    const rows = await this.db.query(
      `${SELECT_API_KEY} ${where} ORDER BY created_at DESC, id LIMIT ${Math.trunc(options.limit)}`,
      params,
    );
    return rows.map(toRow);
  }

  /** Keys of one owner neither revoked nor expired: what the per-owner cap counts. */
  async countActive(ownerId: string, now: number): Promise<number> {
    const [row] = await this.db.query<{ count: unknown }>(
      'SELECT COUNT(*) AS "count" FROM api_keys WHERE owner_id = ? AND revoked_at IS NULL AND expires_at > ?',
      [ownerId, now],
    );
    return Number(row?.count ?? 0);
  }

  async insert(key: Omit<ApiKeyRow, 'revokedAt' | 'lastUsedAt'>): Promise<void> {
    await this.db.run(
      `INSERT INTO api_keys (id, name, owner_id, owner_roles, scopes, hash, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        key.id,
        key.name,
        key.ownerId,
        key.ownerRoles.join(' '),
        key.scopes.join(' '),
        key.hash,
        key.createdAt,
        key.expiresAt,
      ],
    );
  }

  /** Marks the key revoked at `now` (a key already revoked keeps its first time). */
  async revoke(id: string, now: number): Promise<void> {
    await this.db.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now, id]);
  }

  /** Records a use; never moves the time back (replicas report late and out of order). */
  async touch(id: string, now: number): Promise<void> {
    await this.db.run(
      'UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
      [now, id, now],
    );
  }
}
