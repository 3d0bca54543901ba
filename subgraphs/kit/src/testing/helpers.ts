import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { GraphQLResponse } from './index.ts';

/** A fresh, empty SOPHIA_DATA_DIR for one test's subgraph. */
export const tempDataDir = (service: string): string => mkdtempSync(join(tmpdir(), `sophia-${service}-`));

/** The data of a response that must have succeeded. */
export function dataOf<TData>(response: GraphQLResponse<TData>): TData {
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeTruthy();
  return response.data as TData;
}
