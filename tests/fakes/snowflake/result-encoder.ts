import {
  DuckDBDecimalValue,
  DuckDBTypeId,
  DuckDBVariantValue,
  type DuckDBResultReader,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/** One entry of a Snowflake `rowtype`: the SDK reads `type` (lower case), `scale` and `precision`. */
export interface RowType {
  name: string;
  type: string;
  nullable: boolean;
  precision?: number;
  scale?: number;
  length?: number;
  byteLength?: number;
}

/** A statement's result as Snowflake's JSON rowset carries it: every value a string or null. */
export interface EncodedResult {
  statementTypeId: number;
  rowtype: RowType[];
  rowset: (string | null)[][];
}

/** Snowflake statement type ids; the SDK reports DML counts only for 0x3000–0x3FFF. */
export const STATEMENT_TYPE = {
  SELECT: 0x1000,
  INSERT: 0x3100,
  UPDATE: 0x3200,
  DELETE: 0x3300,
  MERGE: 0x3400,
  SESSION: 0x4000,
  TRANSACTION: 0x5000,
  DDL: 0x6000,
} as const;

const TEXT_LENGTH = 16_777_216;
const MICROS_PER_SECOND = 1_000_000n;

type Encode = (value: DuckDBValue) => string;

/** A column type → its Snowflake rowtype and the encoder of its values. */
function describe(name: string, type: DuckDBType): { rowType: RowType; encode: Encode } {
  const column = (type: string, extra: Partial<RowType> = {}) => ({ name, type, nullable: true, ...extra });
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { rowType: column('boolean'), encode: (v) => (v ? '1' : '0') };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
      return { rowType: column('fixed', { precision: 38, scale: 0 }), encode: String };
    case DuckDBTypeId.DECIMAL:
      return {
        rowType: column('fixed', { precision: type.width, scale: type.scale }),
        encode: String,
      };
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return { rowType: column('real'), encode: encodeReal };
    case DuckDBTypeId.DATE:
      return { rowType: column('date'), encode: (v) => String((v as { days: number }).days) };
    case DuckDBTypeId.TIME:
      return {
        rowType: column('time', { scale: 9 }),
        encode: (v) => epochText((v as { micros: bigint }).micros),
      };
    case DuckDBTypeId.TIMESTAMP:
      return {
        rowType: timestamp(name, 'timestamp_ntz'),
        encode: (v) => epochText((v as { micros: bigint }).micros),
      };
    case DuckDBTypeId.TIMESTAMP_TZ:
      return {
        rowType: timestamp(name, 'timestamp_ltz'),
        encode: (v) => epochText((v as { micros: bigint }).micros),
      };
    case DuckDBTypeId.TIMESTAMP_S:
      return {
        rowType: timestamp(name, 'timestamp_ntz'),
        encode: (v) => epochText((v as { seconds: bigint }).seconds * MICROS_PER_SECOND),
      };
    case DuckDBTypeId.TIMESTAMP_MS:
      return {
        rowType: timestamp(name, 'timestamp_ntz'),
        encode: (v) => epochText((v as { millis: bigint }).millis * 1000n),
      };
    case DuckDBTypeId.TIMESTAMP_NS:
      return {
        rowType: timestamp(name, 'timestamp_ntz'),
        encode: (v) => epochText((v as { nanos: bigint }).nanos / 1000n),
      };
    case DuckDBTypeId.BLOB:
      return {
        rowType: column('binary', { length: 8_388_608, byteLength: 8_388_608 }),
        encode: (v) =>
          Buffer.from((v as { bytes: Uint8Array }).bytes)
            .toString('hex')
            .toUpperCase(),
      };
    case DuckDBTypeId.VARCHAR:
      // JSON is VARCHAR with an alias: the FAKE's OBJECT and ARRAY, and what PARSE_JSON returns.
      if (type.alias === 'JSON') return { rowType: column('variant'), encode: String };
      return { rowType: column('text', { length: TEXT_LENGTH, byteLength: TEXT_LENGTH }), encode: String };
    case DuckDBTypeId.VARIANT:
      // The value as JSON text, as Snowflake sends a VARIANT: a stored string comes back quoted.
      return { rowType: column('variant'), encode: encodeJson };
    case DuckDBTypeId.ARRAY: {
      // FLOAT[n] / INTEGER[n] are VECTOR(FLOAT, n) / VECTOR(INT, n). The SDK has no vector type and hands
      // the text to the application, which parses it.
      const element = type.valueType.typeId;
      if (element === DuckDBTypeId.FLOAT || element === DuckDBTypeId.INTEGER) {
        return { rowType: column('vector', { length: type.length }), encode: encodeVector };
      }
      return { rowType: column('array'), encode: encodeJson };
    }
    case DuckDBTypeId.LIST:
      return { rowType: column('array'), encode: encodeJson };
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.MAP:
      return { rowType: column('object'), encode: encodeJson };
    default:
      return { rowType: column('text', { length: TEXT_LENGTH, byteLength: TEXT_LENGTH }), encode: String };
  }
}

const timestamp = (name: string, type: string): RowType => ({
  name,
  type,
  nullable: true,
  scale: 9,
  precision: 0,
});

/** Epoch seconds with nine fractional digits, from microseconds: what TIMESTAMP and TIME values carry. */
function epochText(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  return `${sign}${abs / MICROS_PER_SECOND}.${(abs % MICROS_PER_SECOND).toString().padStart(6, '0')}000`;
}

function encodeReal(value: DuckDBValue): string {
  const n = value as number;
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return String(n);
}

/** 32-bit floats printed at their own precision (0.1, not 0.10000000149011612). */
function encodeVector(value: DuckDBValue): string {
  const items = (value as { items: readonly number[] }).items;
  return `[${items.map(shortestFloat32).join(',')}]`;
}

function shortestFloat32(n: number): number {
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(n.toPrecision(digits));
    if (Math.fround(candidate) === n) return candidate;
  }
  return n;
}

function encodeJson(value: DuckDBValue): string {
  return JSON.stringify(toJson(value));
}

function toJson(value: unknown): unknown {
  if (value instanceof DuckDBVariantValue) return toJson(value.value);
  if (value === null || typeof value !== 'object')
    return typeof value === 'bigint' ? jsonInteger(value) : value;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if ('items' in value) return (value as { items: unknown[] }).items.map(toJson);
  if ('entries' in value && typeof (value as { entries: unknown }).entries === 'object') {
    const entries = (value as { entries: unknown }).entries;
    if (Array.isArray(entries)) {
      return Object.fromEntries(
        entries.map((e: { key: unknown; value: unknown }) => [String(e.key), toJson(e.value)]),
      );
    }
    return Object.fromEntries(Object.entries(entries as object).map(([k, v]) => [k, toJson(v)]));
  }
  return String(value);
}

/** A JSON number where it is exact, else its digits as a string. */
function jsonInteger(value: bigint): number | string {
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}

/** Encodes a SELECT-like result. */
export function encodeRows(reader: DuckDBResultReader): EncodedResult {
  const columns = reader.columnNames().map((name, i) => describe(name, reader.columnTypes()[i]!));
  const rowset = reader
    .getRows()
    .map((row) => row.map((value, i) => (value === null ? null : columns[i]!.encode(value))));
  return { statementTypeId: STATEMENT_TYPE.SELECT, rowtype: columns.map((c) => c.rowType), rowset };
}

const COUNT_COLUMNS: Readonly<Record<number, string[]>> = {
  [STATEMENT_TYPE.INSERT]: ['number of rows inserted'],
  // Snowflake's UPDATE answers two counts; the SDK adds up every column of the row.
  [STATEMENT_TYPE.UPDATE]: ['number of rows updated', 'number of multi-joined rows updated'],
  [STATEMENT_TYPE.DELETE]: ['number of rows deleted'],
  // DuckDB reports one total for MERGE, so the FAKE cannot split it into inserted/updated/deleted.
  [STATEMENT_TYPE.MERGE]: ['number of rows merged'],
};

/** A DML result: one row of counts, the first column holding the total. */
export function encodeCount(statementTypeId: number, count: number): EncodedResult {
  const names = COUNT_COLUMNS[statementTypeId] ?? ['number of rows affected'];
  return {
    statementTypeId,
    rowtype: names.map((name) => ({ name, type: 'fixed', precision: 19, scale: 0, nullable: false })),
    rowset: [names.map((_, i) => (i === 0 ? String(count) : '0'))],
  };
}

/** DDL and session statements answer one `status` text. */
export function encodeStatus(statementTypeId: number, status: string): EncodedResult {
  return {
    statementTypeId,
    rowtype: [
      { name: 'status', type: 'text', nullable: false, length: TEXT_LENGTH, byteLength: TEXT_LENGTH },
    ],
    rowset: [[status]],
  };
}
