import { DuckDb, seedOnce, type SqlRunner } from '@sophia/kit';
import {
  generateCompany,
  type MetricAggregation,
  type MetricCategory,
  type MetricFormula,
  type MetricUnit,
} from '@sophia/ops';
import type { KpiConfig } from './env.ts';
import { evaluateMetrics, type DateRange, type MetricValues } from './evaluate-metrics.ts';

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

const SCHEMA_VERSION = '1';

const DDL = [
  `CREATE TABLE metric_definitions (
     id VARCHAR PRIMARY KEY,
     position INTEGER NOT NULL,
     name VARCHAR NOT NULL,
     description VARCHAR NOT NULL,
     unit VARCHAR NOT NULL,
     category VARCHAR NOT NULL,
     aggregation VARCHAR NOT NULL CHECK (aggregation IN ('FLOW', 'STOCK', 'RATIO')),
     higher_is_better BOOLEAN NOT NULL,
     formula JSON NOT NULL)`,
  // Long format: one row per fact per day, so a new fact needs no schema change.
  `CREATE TABLE daily_facts (
     date DATE NOT NULL,
     fact VARCHAR NOT NULL,
     value DOUBLE NOT NULL,
     PRIMARY KEY (fact, date))`,
  `CREATE TABLE metric_targets (
     metric_id VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     value DOUBLE NOT NULL,
     PRIMARY KEY (metric_id, period))`,
];

const METRIC_COLUMNS = `id, name, description, unit, category, aggregation,
  higher_is_better AS "higherIsBetter", formula`;

type StoredMetric = Omit<MetricRow, 'formula'> & { formula: unknown };

// JSON columns come back as text from the DuckDB client; parse them once here.
const toMetric = (row: StoredMetric): MetricRow => ({
  ...row,
  formula: (typeof row.formula === 'string' ? JSON.parse(row.formula) : row.formula) as MetricFormula,
});

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The kpi subgraph's storage: metric definitions, daily facts and targets in an embedded DuckDB file. */
export class KpiStore {
  private constructor(
    private readonly db: DuckDb,
    /** The demo anchor: "today" for period arguments, so every figure is reproducible. */
    readonly today: string,
    /** The organisation's currency, e.g. `USD`. */
    readonly currency: string,
  ) {}

  /** Opens `<SOPHIA_DATA_DIR>/kpi.duckdb`, loading the demo company's metrics on first start. */
  static async open(config: KpiConfig): Promise<KpiStore> {
    const db = await DuckDb.open(config.SOPHIA_DATA_DIR, 'kpi.duckdb');
    try {
      const { meta } = await seedOnce(db, SCHEMA_VERSION, (tx) => loadDemoData(tx, config));
      return new KpiStore(db, requiredMeta(meta, 'anchor'), requiredMeta(meta, 'currency'));
    } catch (error) {
      await db.close();
      throw error;
    }
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

  close(): Promise<void> {
    return this.db.close();
  }
}

function requiredMeta(meta: Record<string, string>, key: string): string {
  const value = meta[key];
  if (value === undefined)
    throw new Error(`kpi store meta lacks ${key}; move the database file away to reseed.`);
  return value;
}

async function loadDemoData(tx: SqlRunner, config: KpiConfig): Promise<Record<string, string>> {
  const company = generateCompany({
    ...(config.SOPHIA_DEMO_SEED === undefined ? {} : { seed: config.SOPHIA_DEMO_SEED }),
    ...(config.SOPHIA_DEMO_ANCHOR === undefined ? {} : { anchor: config.SOPHIA_DEMO_ANCHOR }),
  });
  for (const statement of DDL) await tx.run(statement);
  await tx.insertRows(
    'metric_definitions',
    company.metrics.map((metric, position) => ({
      id: metric.id,
      position,
      name: metric.name,
      description: metric.description,
      unit: metric.unit,
      category: metric.category,
      aggregation: metric.aggregation,
      higher_is_better: metric.higherIsBetter,
      formula: metric.formula,
    })),
  );
  await tx.insertRows(
    'daily_facts',
    company.facts.map(({ date, fact, value }) => ({ date, fact, value })),
  );
  await tx.insertRows(
    'metric_targets',
    company.targets.map((target) => ({
      metric_id: target.metricId,
      period: target.period,
      value: target.value,
    })),
  );
  return {
    anchor: company.anchor,
    currency: company.currency,
    seed: String(company.seed),
    company: company.name,
  };
}
