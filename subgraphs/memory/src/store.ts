import { randomUUID } from 'node:crypto';
import {
  DeadlineExceededError,
  openStore,
  placeholders,
  createGroupCommit,
  createSerialQueue,
  type Clock,
  everyDeadline,
  type Dialect,
  type RequestDeadline,
  type SqlDatabase,
  type SqlParam,
  type SqlRunner,
} from '@sophia/kit';
import { duplicateScopeKey, sameDuplicateScope } from './duplicate-scope.ts';
import type { Embedder } from './embeddings/embedder.ts';
import type { MemoryConfig } from './env.ts';
import { contentHash } from './remember-input.ts';
import { bm25Sql } from './search-sql.ts';
import { IngestJobStore } from './ingest/job-store.ts';
import { singleFlight } from './single-flight.ts';
import { prepareEmbeddings } from './stored-embeddings.ts';
import { memoryStore } from './store/definition.ts';
import {
  filterSql,
  MEMORY_COLUMNS,
  toMemory,
  type MemoryFilter,
  type MemoryRow,
  type NewMemory,
  type RememberRequest,
  type RememberResult,
  type ScoredMemory,
  type StoredMemory,
  type Tier,
  type WarmRow,
} from './store/rows.ts';
import { vectorDimension } from './store/schema-snowflake.ts';
import { insertMemories, storedRow } from './store/writes.ts';
import { visibleSql, type Guarded, type ViewerScope } from './visibility.ts';

export * from './store/rows.ts';

/**
 * The memory subgraph's persistent tier (L3, DESIGN §6): memories, the lexical index over them, and the
 * directory of teams that visibility needs. The only code that touches the database; every read takes the
 * viewer's scope and applies `visibleSql`.
 */
export class MemoryStore {
  /** Every write goes through here, one at a time (see the kit's createSerialQueue). */
  private readonly write = createSerialQueue();

  /** Document ingest jobs (see ingest/). */
  readonly jobs: IngestJobStore;

  private constructor(
    private readonly db: SqlDatabase,
    /** "Now" for every write: the demo anchor's clock when the demo is loaded, real time otherwise. */
    readonly clock: Clock,
  ) {
    this.jobs = new IngestJobStore(db, this.write, clock);
  }

  /** The clock's date (YYYY-MM-DD). */
  get today(): string {
    return this.clock.today();
  }

  /**
   * Opens `<SOPHIA_DATA_DIR>/memory.duckdb`, migrating it (an empty store stays empty: see ops seed/import).
   * Memories without an embedding (seeded or imported ones) are embedded through `embedder`, and the model is
   * checked against the one the stored vectors were made with.
   */
  static async open(
    config: MemoryConfig,
    embedder: Embedder,
    options: { clock?: Clock } = {},
  ): Promise<MemoryStore> {
    const { db, clock } = await openStore({
      ...memoryStore(config.EMBEDDINGS_DIMENSION),
      dataDir: config.SOPHIA_DATA_DIR,
      snowflake: config,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    try {
      await prepareEmbeddings(db, embedder);
      return new MemoryStore(db, clock);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** The database itself, for change capture's re-index (see change-capture/). */
  get sql(): SqlDatabase {
    return this.db;
  }

  /** Who can see each of the memories among `ids` that exist. */
  guards(ids: readonly string[]): Promise<Guarded[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.query<Guarded>(
      `SELECT owner_id AS "ownerId", visibility, team_id AS "teamId" FROM memories WHERE id IN (${placeholders(ids)})`,
      [...ids],
    );
  }

  /**
   * The viewer's team, from the directory; a user the directory does not know has none. Concurrent requests
   * of one viewer share one lookup (a burst of requests must not queue for the store's few connections).
   */
  readonly viewerScope = singleFlight(async (userId: string): Promise<ViewerScope> => {
    const [row] = await this.db.query<{ teamId: string | null }>(
      'SELECT team_id AS "teamId" FROM directory WHERE user_id = ?',
      [userId],
    );
    return { userId, teamId: row?.teamId ?? null };
  });

  /** Memories among `ids` that the viewer may see. */
  async memoriesByIds(scope: ViewerScope, ids: readonly string[]): Promise<MemoryRow[]> {
    if (ids.length === 0) return [];
    const visible = visibleSql(scope);
    const rows = await this.db.query<StoredMemory>(
      `SELECT ${MEMORY_COLUMNS} FROM memories m WHERE ${visible.sql} AND m.id IN (${placeholders(ids)})`,
      [...visible.params, ...ids],
    );
    return rows.map(toMemory);
  }

  /** The newest `limit` memories of each account that the viewer may see, newest first. */
  async memoriesOfAccounts(
    scope: ViewerScope,
    accountIds: readonly string[],
    limit: number,
  ): Promise<MemoryRow[]> {
    if (accountIds.length === 0) return [];
    const visible = visibleSql(scope);
    const rows = await this.db.query<StoredMemory>(
      `SELECT ${MEMORY_COLUMNS} FROM (
         SELECT *, row_number() OVER (PARTITION BY account_id ORDER BY created_at DESC, id) AS recency
         FROM memories m WHERE ${visible.sql} AND m.account_id IN (${placeholders(accountIds)})) m
       WHERE m.recency <= ?
       ORDER BY m.account_id, m.created_at DESC, m.id`,
      [...visible.params, ...accountIds, limit],
    );
    return rows.map(toMemory);
  }

  /**
   * Exact vector search over the cold memories the viewer may see (the L3 path; warm and hot ones are in the
   * HNSW index): cosine similarity in SQL, best first, at least `minSimilarity`.
   */
  async searchColdVectors(
    scope: ViewerScope,
    vector: Float32Array,
    options: { limit: number; filter: MemoryFilter; minSimilarity: number },
  ): Promise<ScoredMemory[]> {
    const visible = visibleSql(scope);
    const filter = filterSql(options.filter);
    const rows = await this.db.query<StoredMemory & { score: number }>(
      `SELECT * FROM (
         SELECT ${MEMORY_COLUMNS}, ${cosineSimilaritySql(this.db.dialect, 'm.embedding', vector.length)} AS score
         FROM memories m
         WHERE m.tier = 3 AND m.embedding IS NOT NULL AND ${visible.sql}${filter.sql})
       WHERE score >= ? ORDER BY score DESC, id LIMIT ?`,
      [
        JSON.stringify(Array.from(vector)),
        ...visible.params,
        ...filter.params,
        options.minSimilarity,
        options.limit,
      ],
    );
    return rows.map(({ score, ...row }) => ({ memory: toMemory(row), score }));
  }

  /** The chunks of one document that the viewer may see, in document order. */
  async memoriesOfSource(scope: ViewerScope, sourceId: string, limit: number): Promise<MemoryRow[]> {
    const visible = visibleSql(scope);
    // TO_JSON: the metadata as JSON text on both backends (a cast to VARCHAR is no JSON text of a VARIANT).
    const rows = await this.db.query<StoredMemory>(
      `SELECT ${MEMORY_COLUMNS} FROM memories m WHERE ${visible.sql} AND m.source_id = ?
       ORDER BY TRY_CAST(JSON_EXTRACT_PATH_TEXT(TO_JSON(m.metadata), 'chunk') AS INTEGER) NULLS LAST,
         m.created_at, m.id
       LIMIT ?`,
      [...visible.params, sourceId, limit],
    );
    return rows.map(toMemory);
  }

  /** Exact lexical search over everything the viewer may see (the L3 path), best first. */
  async searchLexical(
    scope: ViewerScope,
    terms: readonly string[],
    options: { limit: number; filter: MemoryFilter },
  ): Promise<ScoredMemory[]> {
    if (terms.length === 0) return [];
    const visible = visibleSql(scope);
    const filter = filterSql(options.filter);
    const scored = bm25Sql(
      {
        sql: `SELECT m.id, m.term_count FROM memories m WHERE ${visible.sql}${filter.sql}`,
        params: [...visible.params, ...filter.params],
      },
      terms,
    );
    const rows = await this.db.query<StoredMemory & { score: number }>(
      `WITH scored AS (${scored.sql})
       SELECT ${MEMORY_COLUMNS}, s.score FROM scored s JOIN memories m ON m.id = s.memory_id
       ORDER BY s.score DESC, m.created_at DESC, m.id LIMIT ?`,
      [...scored.params, options.limit],
    );
    return rows.map(({ score, ...row }) => ({ memory: toMemory(row), score }));
  }

  /**
   * Adds counted reads (the access recorder's batch) in one transaction, then promotes what was read: a warm
   * memory read at least `hotAccessCount` times in all becomes hot, a cold one becomes warm (one step per
   * batch). Returns the ids that moved. (Snowflake has no RETURNING: each move reads the ids it will move,
   * then moves exactly those, in the same transaction.)
   */
  applyAccess(
    reads: readonly { id: string; count: number; at: string }[],
    hotAccessCount: number,
  ): Promise<{ hot: string[]; warm: string[] }> {
    if (reads.length === 0) return Promise.resolve({ hot: [], warm: [] });
    const ids = reads.map((read) => read.id);
    return this.write(() =>
      this.db.transaction(async (tx) => {
        await tx.run(
          `UPDATE memories SET access_count = access_count + r.n, accessed_at = greatest(accessed_at, r.read_at)
           FROM (VALUES ${reads.map(() => '(?, ?, ?::TIMESTAMP)').join(', ')}) r(id, n, read_at)
           WHERE memories.id = r.id`,
          reads.flatMap((read) => [read.id, read.count, read.at]),
        );
        const hot = await moveTier(tx, 1, `tier = 2 AND access_count >= ? AND id IN (${placeholders(ids)})`, [
          hotAccessCount,
          ...ids,
        ]);
        const warm = await moveTier(tx, 2, `tier = 3 AND id IN (${placeholders(ids)})`, ids);
        return { hot, warm };
      }),
    );
  }

  /**
   * The maintenance loop's demotions: hot memories unread since `hotIdleBefore` become warm; warm ones unread
   * since `warmIdleBefore` and read fewer than `keepWarmAccessCount` times become cold. Returns the ids moved.
   */
  demote(policy: {
    hotIdleBefore: string;
    warmIdleBefore: string;
    keepWarmAccessCount: number;
  }): Promise<{ warm: string[]; cold: string[] }> {
    return this.write(() =>
      this.db.transaction(async (tx) => {
        const cold = await moveTier(tx, 3, 'tier = 2 AND accessed_at < ?::TIMESTAMP AND access_count < ?', [
          policy.warmIdleBefore,
          policy.keepWarmAccessCount,
        ]);
        const warm = await moveTier(tx, 2, 'tier = 1 AND accessed_at < ?::TIMESTAMP', [policy.hotIdleBefore]);
        return { warm, cold };
      }),
    );
  }

  /**
   * Stores a memory of the viewer's, or returns the one it duplicates (`merged`): their memory with the same
   * normalised content in the same duplicate scope (owner, visibility, account, kind: see duplicate-scope.ts),
   * or `nearDuplicateOf` (a near-duplicate the warm index found) when it is in that scope too.
   * Resolves once the row is committed; concurrent calls share one transaction (group commit).
   */
  remember(request: RememberRequest): Promise<RememberResult> {
    return this.rememberGrouped(request);
  }

  private readonly rememberGrouped = createGroupCommit<RememberRequest, RememberResult>({
    exclusive: this.write,
    commit: (requests) => this.rememberAll(requests),
    abandoned: (request) => (request.deadline?.signal.aborted ? new DeadlineExceededError() : undefined),
  });

  private async rememberAll(requests: readonly RememberRequest[]): Promise<RememberResult[]> {
    const hashes = requests.map((request) => contentHash(request.input.content));
    const owners = [...new Set(requests.map((request) => request.scope.userId))];
    const nearIds = requests.flatMap((request) => (request.nearDuplicateOf ? [request.nearDuplicateOf] : []));
    const existing = await this.db.query<StoredMemory & { hash: string }>(
      `SELECT ${MEMORY_COLUMNS}, m.content_hash AS hash FROM memories m
       WHERE (m.owner_id IN (${placeholders(owners)}) AND m.content_hash IN (${placeholders(hashes)}))
          OR m.id IN (${nearIds.length ? placeholders(nearIds) : 'NULL'})
       ORDER BY m.created_at DESC`,
      [...owners, ...hashes, ...nearIds],
    );
    // Oldest last, so the oldest of several equal memories wins.
    const contentKey = (scope: Parameters<typeof duplicateScopeKey>[0], hash: string | undefined) =>
      `${duplicateScopeKey(scope)}\n${hash}`;
    const byContent = new Map(existing.map((row) => [contentKey(row, row.hash), toMemory(row)]));
    const byId = new Map(existing.map((row) => [row.id, toMemory(row)]));
    const written: NewMemory[] = [];
    const results = requests.map((request, i): RememberResult => {
      const { scope, input } = request;
      const wanted = { ...input, ownerId: scope.userId, teamId: scope.teamId };
      const key = contentKey(wanted, hashes[i]);
      const near = request.nearDuplicateOf ? byId.get(request.nearDuplicateOf) : undefined;
      const duplicate = byContent.get(key) ?? (near && sameDuplicateScope(near, wanted) ? near : undefined);
      if (duplicate) return { memory: duplicate, merged: true };
      const createdAt = this.clock.now().toISOString();
      const memory: NewMemory = {
        id: `mem_${randomUUID()}`,
        ownerId: scope.userId,
        teamId: scope.teamId,
        visibility: input.visibility,
        kind: input.kind,
        content: input.content,
        sourceType: input.sourceType ?? 'USER',
        sourceId: input.sourceId ?? null,
        sourceTitle: input.sourceTitle ?? null,
        accountId: input.accountId,
        metadata: input.metadata ?? {},
        createdAt,
        embedding: request.embedding,
      };
      written.push(memory);
      const row = storedRow(memory);
      byContent.set(key, row);
      return { memory: row, merged: false };
    });
    // The batch commits only while every request in it still wants it. Those that had given up were refused
    // as it was taken (`abandoned`); when one gives up while it is written, each of the others is written alone.
    const deadline = everyDeadline(requests.map((request) => request.deadline));
    await this.db.transaction((tx) => insertMemories(tx, written, this.db.dialect), { deadline });
    return results;
  }

  /**
   * Deletes one of the owner's memories with its index terms and returns who could see it; null when they
   * own no such memory. The deletion commits only within the request's `deadline`.
   */
  forget(ownerId: string, id: string, deadline?: RequestDeadline): Promise<Guarded | null> {
    return this.write(() =>
      this.db.transaction(
        async (tx) => {
          const [deleted] = await tx.query<Guarded>(
            `SELECT owner_id AS "ownerId", visibility, team_id AS "teamId" FROM memories WHERE id = ? AND owner_id = ?`,
            [id, ownerId],
          );
          if (!deleted) return null;
          await tx.run('DELETE FROM memories WHERE id = ? AND owner_id = ?', [id, ownerId]);
          await tx.run('DELETE FROM memory_terms WHERE memory_id = ?', [id]);
          return deleted;
        },
        { deadline },
      ),
    );
  }

  /** Hot and warm memories with their vectors (all, or those among `ids`): what the warm index holds. */
  async warmRows(ids?: readonly string[]): Promise<WarmRow[]> {
    if (ids?.length === 0) return [];
    const rows = await this.db.query<Omit<WarmRow, 'embedding'> & { embedding: number[] }>(
      `SELECT m.id, m.embedding, m.content, m.source_title AS "sourceTitle", m.owner_id AS "ownerId",
         m.visibility, m.team_id AS "teamId", m.kind, m.account_id AS "accountId"
       FROM memories m WHERE m.tier IN (1, 2) AND m.embedding IS NOT NULL
         ${ids ? `AND m.id IN (${placeholders(ids)})` : ''}
       ORDER BY m.id`,
      ids ?? [],
    );
    return rows.map((row) => ({ ...row, embedding: Float32Array.from(row.embedding) }));
  }

  /** Moves memories to `tier` (the maintenance loop's write; tests use it to make a memory cold). */
  setTier(ids: readonly string[], tier: Tier): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.write(() =>
      this.db.run(`UPDATE memories SET tier = ? WHERE id IN (${placeholders(ids)})`, [tier, ...ids]),
    );
  }
}

/**
 * Moves the memories matching `where` to `tier` and returns their ids: read first, then exactly those moved,
 * inside the caller's transaction (what `UPDATE … RETURNING id` does on DuckDB; Snowflake has no RETURNING).
 */
async function moveTier(
  tx: SqlRunner,
  tier: Tier,
  where: string,
  params: readonly SqlParam[],
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM memories WHERE ${where} ORDER BY id`, params);
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) {
    await tx.run(`UPDATE memories SET tier = ? WHERE id IN (${placeholders(ids)})`, [tier, ...ids]);
  }
  return ids;
}

/**
 * Cosine similarity of a stored vector column to `vector` (bound as JSON) in the store's dialect: DuckDB's
 * `array_cosine_similarity` over fixed-size arrays, Snowflake's `VECTOR_COSINE_SIMILARITY` over
 * `VECTOR(FLOAT, n)` (snowflake-sdk cannot bind a VECTOR, hence `PARSE_JSON(?)::ARRAY::VECTOR`). The
 * dimension is the embedder's, checked, never user input: safe to write into the type.
 */
export function cosineSimilaritySql(dialect: Dialect, column: string, dimension: number): string {
  const n = vectorDimension(dimension);
  return dialect === 'snowflake'
    ? `VECTOR_COSINE_SIMILARITY(${column}, PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, ${n}))`
    : `array_cosine_similarity(${column}::FLOAT[${n}], ?::FLOAT[${n}])`;
}
