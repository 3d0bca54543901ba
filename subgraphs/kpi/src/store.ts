import { openStore, parseJsonColumn, placeholders, type Clock, type SqlDatabase } from '@sophia/kit';
import type {
  DealChange,
  MetricAggregation,
  MetricCategory,
  MetricFormula,
  MetricUnit,
} from '@sophia/domain';
import type { KpiConfig } from './env.ts';
import { evaluateMetrics, type DateRange, type MetricValues } from './evaluate-metrics.ts';
import { applyDealChange, appliedThrough } from './store/apply-deal-change.ts';
import { KPI_STORE } from './store/definition.ts';

/** The currency of a store that records none (a company's own data, imported). */
const DEFAULT_CURRENCY = 'USD';

export interface MetricRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly unit: MetricUnit;
  readonly category: MetricCategory;
  readonly aggregation: MetricAggregation;
  readonly higherIsBetter: boolean;
  readonly formula: MetricFormula;
}

export interface TargetKey {
  readonly metricId: string;
  /** Canonical period key, e.g. `2026-Q3`. */
  readonly period: string;
}

export const targetKey = (key: TargetKey): string => `${key.metricId}|${key.period}`;

const METRIC_COLUMNS = `id, name, description, unit, category, aggregation,
  higher_is_better AS "higherIsBetter", formula`;

type StoredMetric = Omit<MetricRow, 'formula'> & { formula: unknown };

const toMetric = (row: StoredMetric): MetricRow => ({
  ...row,
  formula: parseJsonColumn<MetricFormula>(row.formula),
});

/** The kpi subgraph's storage: metric definitions, daily facts and targets in an embedded DuckDB file. */
export class KpiStore {
  private constructor(
    private readonly db: SqlDatabase,
    /** "Today" for period arguments: the demo anchor's clock when the demo is loaded, real time otherwise. */
    readonly clock: Clock,
    /** The organisation's currency, e.g. `USD`. */
    readonly currency: string,
  ) {}

  /** The clock's date, `YYYY-MM-DD`. */
  get today(): string {
    return this.clock.today();
  }

  /** Opens `<SOPHIA_DATA_DIR>/kpi.duckdb`, migrating it; an empty store stays empty (see ops seed/import). */
  static async open(config: KpiConfig, options: { clock?: Clock } = {}): Promise<KpiStore> {
    const { db, meta, clock } = await openStore({
      ...KPI_STORE,
      dataDir: config.SOPHIA_DATA_DIR,
      snowflake: config,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return new KpiStore(db, clock, meta['currency'] ?? DEFAULT_CURRENCY);
  }

  async metrics(category?: MetricCategory): Promise<MetricRow[]> {
    const where = category ? 'WHERE category = ?' : '';
    const rows = await this.db.query<StoredMetric>(
      `SELECT ${METRIC_COLUMNS} FROM metric_definitions ${where} ORDER BY position`,
      category ? [category] : [],
    );
    return rows.map(toMetric);
  }

  async metricsByIds(ids: readonly string[]): Promise<MetricRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<StoredMetric>(
      `SELECT ${METRIC_COLUMNS} FROM metric_definitions WHERE id IN (${placeholders(ids)})`,
      ids,
    );
    return rows.map(toMetric);
  }

  /** Targets for (metric, period) pairs, keyed by `targetKey`. */
  async targets(keys: readonly TargetKey[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db.query<{ metricId: string; period: string; value: number }>(
      `SELECT t.metric_id AS "metricId", t.period, t.value
       FROM metric_targets t JOIN (VALUES ${keys.map(() => '(?, ?)').join(', ')}) AS k(metric_id, period)
         ON t.metric_id = k.metric_id AND t.period = k.period`,
      keys.flatMap((key) => [key.metricId, key.period]),
    );
    return new Map(rows.map((row) => [targetKey(row), row.value]));
  }

  /** Every metric over every range, in one query (see `evaluateMetrics`). */
  evaluate(metrics: readonly MetricRow[], ranges: readonly DateRange[]): Promise<MetricValues> {
    return evaluateMetrics(this.db, metrics, ranges);
  }

  /** Whether the store already holds data (used by tests to check a restart does not reseed). */
  async factCount(): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      'SELECT COUNT(*)::INTEGER AS count FROM daily_facts',
    );
    return row?.count ?? 0;
  }

  /**
   * Applies sales deal changes to the facts in one transaction with their records, so each is applied once
   * however often it arrives, and a batch lands whole or not at all. Resolves with the numbers applied now.
   */
  applyDealChanges(changes: readonly DealChange[]): Promise<number[]> {
    if (changes.length === 0) return Promise.resolve([]);
    return this.db.transaction(async (tx) => {
      const applied: number[] = [];
      for (const change of changes) {
        if (await applyDealChange(tx, change)) applied.push(change.changeNumber);
      }
      return applied;
    });
  }

  /** Every deal change up to this number is applied; the catch-up asks sales for the ones after it. */
  dealChangesAppliedThrough(): Promise<number> {
    return appliedThrough(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
