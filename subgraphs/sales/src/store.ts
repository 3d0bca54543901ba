import {
  openStore,
  placeholders,
  StorageError,
  type Clock,
  type RequestDeadline,
  type SqlDatabase,
  type SqlParam,
  type SqlRunner,
} from '@sophia/kit';
import { STAGE_PROBABILITY, statusOfStage, type DealChange } from '@sophia/domain';
import type { DealStage, DealStatus } from './__generated__/resolvers-types.ts';
import { encodeAccountCursor, encodeDealCursor, type AccountCursor, type DealCursor } from './cursors.ts';
import type { SalesConfig } from './env.ts';
import { dealChangesAfter, recordDealChange } from './store/deal-changes.ts';
import { dealConditions, type DealQuery } from './store/deal-query.ts';
import { SALES_STORE } from './store/definition.ts';
import { DEAL_COLUMNS } from './store/schema-sql.ts';
import type {
  AccountRow,
  CommittedDealStageMove,
  DealPage,
  DealRow,
  DealStageChangeRow,
  DealStageMove,
  Page,
  StageTotalsRow,
} from './store/rows.ts';

/** The currency of a store that records none (a company's own data, imported). */
const DEFAULT_CURRENCY = 'USD';

/** Accounts and deals in `<SOPHIA_DATA_DIR>/sales.duckdb`; the only code that touches sales storage. */
export class SalesStore {
  /** Writes run one at a time, so moves never conflict and are observed in the order they commit. */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: SqlDatabase,
    /** "Today" for every period and every write: the demo anchor's clock when the demo is loaded. */
    readonly clock: Clock,
    /** The company's currency; every amount is in it. */
    readonly currency: string,
  ) {}

  /** The clock's date, `YYYY-MM-DD`. */
  get today(): string {
    return this.clock.today();
  }

  /** Opens `<SOPHIA_DATA_DIR>/sales.duckdb`, migrating it; an empty store stays empty (see ops seed/import). */
  static async open(config: SalesConfig, options: { clock?: Clock } = {}): Promise<SalesStore> {
    const { db, meta, clock } = await openStore({
      ...SALES_STORE,
      dataDir: config.SOPHIA_DATA_DIR,
      snowflake: config,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return new SalesStore(db, clock, meta['currency'] ?? DEFAULT_CURRENCY);
  }

  /** Deals matching `query`, largest first (ties by id), `size` at a time after `after`. */
  async dealPage(query: DealQuery, size: number, after: DealCursor | null): Promise<DealPage> {
    const where = dealConditions(query);
    const keyset = after === null ? 'TRUE' : '(d.amount < ? OR (d.amount = ? AND d.id > ?))';
    const keysetParams: SqlParam[] = after === null ? [] : [after.amount, after.amount, after.id];
    const rows = await this.db.query<DealRow>(
      `SELECT ${DEAL_COLUMNS} FROM deals d WHERE ${where.sql} AND ${keyset}
       ORDER BY d.amount DESC, d.id ASC LIMIT ?`,
      [...where.params, ...keysetParams, size + 1],
    );
    const totals = once(async () => {
      const [row] = await this.db.query<{ count: number; amount: number }>(
        `SELECT CAST(COUNT(*) AS INTEGER) AS count, CAST(COALESCE(SUM(d.amount), 0) AS DOUBLE) AS amount
         FROM deals d WHERE ${where.sql}`,
        where.params,
      );
      return row ?? { count: 0, amount: 0 };
    });
    return {
      rows: rows.slice(0, size),
      hasNextPage: rows.length > size,
      cursorOf: (deal) => encodeDealCursor({ amount: deal.amount, id: deal.id }),
      totalCount: async () => (await totals()).count,
      totalAmount: async () => (await totals()).amount,
    };
  }

  /** Deals closing in the inclusive date range, summed by stage and status. */
  stageTotals(closeFrom: string, closeTo: string): Promise<StageTotalsRow[]> {
    return this.db.query<StageTotalsRow>(
      `SELECT d.stage, d.status, CAST(COUNT(*) AS INTEGER) AS count, CAST(SUM(d.amount) AS DOUBLE) AS amount,
         CAST(SUM(d.amount * d.probability) AS DOUBLE) AS "weightedAmount"
       FROM deals d WHERE d.close_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
       GROUP BY d.stage, d.status`,
      [closeFrom, closeTo],
    );
  }

  dealsByIds(ids: readonly string[]): Promise<DealRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.query<DealRow>(
      `SELECT ${DEAL_COLUMNS} FROM deals d WHERE d.id IN (${placeholders(ids.length)})`,
      [...ids],
    );
  }

  /** Deals of any of these accounts (optionally with one status), newest close date first. */
  dealsOfAccounts(accountIds: readonly string[], status: DealStatus | undefined): Promise<DealRow[]> {
    return this.dealsWhereIn('d.account_id', accountIds, status);
  }

  /** Deals owned by any of these users (optionally with one status), newest close date first. */
  dealsOfOwners(ownerIds: readonly string[], status: DealStatus | undefined): Promise<DealRow[]> {
    return this.dealsWhereIn('d.owner_id', ownerIds, status);
  }

  /** The stage changes of these deals, each deal's oldest first. */
  stageChanges(dealIds: readonly string[]): Promise<DealStageChangeRow[]> {
    return stageChangesOn(this.db, dealIds);
  }

  /** Accounts whose name contains `search` (any case), by name then id, `size` at a time after `after`. */
  async accountPage(
    search: string | undefined,
    size: number,
    after: AccountCursor | null,
  ): Promise<Page<AccountRow>> {
    const where = search === undefined ? 'TRUE' : 'contains(lower(name), ?)';
    const whereParams: SqlParam[] = search === undefined ? [] : [search.toLowerCase()];
    const keyset = after === null ? 'TRUE' : '(name > ? OR (name = ? AND id > ?))';
    const keysetParams: SqlParam[] = after === null ? [] : [after.name, after.name, after.id];
    const rows = await this.db.query<AccountRow>(
      `SELECT * FROM account_rows WHERE ${where} AND ${keyset} ORDER BY name, id LIMIT ?`,
      [...whereParams, ...keysetParams, size + 1],
    );
    return {
      rows: rows.slice(0, size),
      hasNextPage: rows.length > size,
      cursorOf: (account) => encodeAccountCursor({ name: account.name, id: account.id }),
      totalCount: once(async () => {
        const [row] = await this.db.query<{ count: number }>(
          `SELECT CAST(COUNT(*) AS INTEGER) AS count FROM accounts WHERE ${where}`,
          whereParams,
        );
        return row?.count ?? 0;
      }),
    };
  }

  accountsByIds(ids: readonly string[]): Promise<AccountRow[]> {
    return accountsOn(this.db, ids);
  }

  /**
   * Moves a deal to `stage` and appends the change to its history (entered "today" by the store's clock); a deal
   * closed by the move closes today, one reopened is open again. `committed` runs before the next write starts,
   * with the deal's account and history as the move left them. Null when no such deal exists; a deal already in
   * `stage` is returned unchanged. The move commits only within the request's `deadline`.
   */
  moveDealStage(
    id: string,
    stage: DealStage,
    committed: (move: CommittedDealStageMove) => void,
    deadline?: RequestDeadline,
  ): Promise<DealStageMove | null> {
    const write = this.writes.then(async () => {
      const moveIn = async (tx: SqlRunner): Promise<DealStageMove | CommittedDealStageMove | null> => {
        const select = `SELECT ${DEAL_COLUMNS} FROM deals d WHERE d.id = ?`;
        const [before] = await tx.query<DealRow>(select, [id]);
        if (!before || before.stage === stage) return before ? { deal: before, previousStage: stage } : null;
        const status = statusOfStage(stage);
        // One reading of the clock: the day a deal closes is the day its change is recorded.
        const changedAt = this.clock.now().toISOString();
        const today = changedAt.slice(0, 10);
        await tx.run(
          `UPDATE deals SET stage = ?, status = ?, probability = ?,
             closed_at = CASE WHEN ? = 'OPEN' THEN NULL ELSE CAST(? AS DATE) END,
             close_date = CASE WHEN ? = 'OPEN' THEN close_date ELSE CAST(? AS DATE) END
           WHERE id = ?`,
          [stage, status, STAGE_PROBABILITY[stage], status, today, status, today, id],
        );
        await tx.run(
          `INSERT INTO deal_stage_changes (deal_id, position, stage, entered_at)
           SELECT ?, COALESCE(MAX(position), -1) + 1, ?, CAST(? AS DATE) FROM deal_stage_changes WHERE deal_id = ?`,
          [id, stage, today, id],
        );
        const [after] = await tx.query<DealRow>(select, [id]);
        const [account] = await accountsOn(tx, [before.accountId]);
        if (!after || !account) throw new StorageError(`Deal ${id} or its account vanished while it moved.`);
        const stageHistory = await stageChangesOn(tx, [id]);
        const change = await recordDealChange(tx, { before, after, region: account.region, changedAt });
        return { deal: after, previousStage: before.stage, account, stageHistory, change };
      };
      const move = await this.db.transaction(moveIn, { deadline });
      if (move && 'account' in move) committed(move);
      return move;
    });
    this.writes = write.catch(() => undefined); // one failed write must not block the next
    return write;
  }

  /** The deal changes numbered above `after` (the outbox kpi catches up from), oldest first. */
  dealChangesAfter(after: number, limit: number): Promise<DealChange[]> {
    return dealChangesAfter(this.db, after, limit);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private dealsWhereIn(
    column: string,
    ids: readonly string[],
    status: DealStatus | undefined,
  ): Promise<DealRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const statusCondition = status === undefined ? 'TRUE' : 'd.status = ?';
    return this.db.query<DealRow>(
      `SELECT ${DEAL_COLUMNS} FROM deals d WHERE ${column} IN (${placeholders(ids.length)}) AND ${statusCondition}
       ORDER BY d.close_date DESC, d.id`,
      [...ids, ...(status === undefined ? [] : [status])],
    );
  }
}

function stageChangesOn(sql: SqlRunner, dealIds: readonly string[]): Promise<DealStageChangeRow[]> {
  if (dealIds.length === 0) return Promise.resolve([]);
  return sql.query<DealStageChangeRow>(
    `SELECT deal_id AS "dealId", stage, entered_at AS "enteredAt" FROM deal_stage_changes
     WHERE deal_id IN (${placeholders(dealIds.length)}) ORDER BY deal_id, position`,
    [...dealIds],
  );
}

function accountsOn(sql: SqlRunner, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return sql.query<AccountRow>(`SELECT * FROM account_rows WHERE id IN (${placeholders(ids.length)})`, [
    ...ids,
  ]);
}

/** Runs `work` at most once, on first call; later calls share its result. */
function once<T>(work: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= work());
}
