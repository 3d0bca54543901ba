import type { DuckDBValue } from '@duckdb/node-api';
import { SnowflakeFault } from './errors.ts';

/** A bind as the SDK sends it: a positional map `{"1": {type, value}}`, values as strings. */
export interface Bind {
  type: string;
  value: string | null | (string | null)[];
}
export type Bindings = Readonly<Record<string, Bind>>;

/**
 * Decodes the positional bind map into rows of DuckDB values: one row for scalar binds, one per element for
 * array binds (bulk insert, where each bind carries a column of values and the statement runs once per row).
 */
export function decodeBindings(bindings: Bindings | undefined): DuckDBValue[][] {
  if (!bindings || Object.keys(bindings).length === 0) return [[]];
  const positions = Object.keys(bindings)
    .map(Number)
    .sort((a, b) => a - b);
  positions.forEach((position, index) => {
    if (position !== index + 1)
      throw new SnowflakeFault(
        '002049',
        '42601',
        `SQL compilation error: bind variable :${index + 1} not set.`,
      );
  });
  const columns = positions.map((p) => bindings[String(p)]!);
  const arrayBound = columns.some((bind) => Array.isArray(bind.value));
  if (!arrayBound) return [columns.map((bind) => decode(bind.type, bind.value as string | null))];
  const rowCount = Math.max(...columns.map((bind) => (Array.isArray(bind.value) ? bind.value.length : 1)));
  return Array.from({ length: rowCount }, (_, row) =>
    columns.map((bind) =>
      decode(bind.type, Array.isArray(bind.value) ? (bind.value[row] ?? null) : bind.value),
    ),
  );
}

function decode(type: string, value: string | null): DuckDBValue {
  if (value === null) return null;
  switch (type.toUpperCase()) {
    case 'FIXED':
      return /^-?\d+$/.test(value) ? BigInt(value) : Number(value);
    case 'REAL':
      return Number(value);
    case 'BOOLEAN':
      return value.toLowerCase() === 'true' || value === '1';
    default:
      // TEXT, VARIANT (JSON text), DATE/TIMESTAMP strings: DuckDB casts VARCHAR where the statement needs it.
      return value;
  }
}
