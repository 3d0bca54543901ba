/**
 * The shapes the analyst reads from tool results (the `data` of the operations in `schema/operations/`).
 * Tools return untyped JSON; these readers check just enough that a changed operation fails loudly
 * instead of printing `undefined` to an executive.
 */
import { ToolCallError, type ToolInvoker } from '../pipeline/answer-contract.ts';

export interface MetricInfo {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly currency?: string | null;
  readonly higherIsBetter?: boolean;
}

export interface KpiCardData {
  readonly period: string;
  readonly previousPeriod: string;
  readonly value: number | null;
  readonly previousValue: number | null;
  readonly change: number | null;
  readonly target: number | null;
  readonly status: string;
  readonly metric: MetricInfo;
}

export interface NamedRef {
  readonly id: string;
  readonly name: string;
}

export interface DealData {
  readonly id: string;
  readonly name: string;
  readonly amount: number;
  readonly currency?: string;
  readonly stage: string;
  readonly status?: string;
  readonly probability?: number;
  readonly closeDate: string;
  readonly createdAt?: string;
  readonly stageHistory?: readonly { readonly stage: string; readonly enteredAt: string }[];
  readonly account?: NamedRef;
  readonly owner?: NamedRef;
}

/** Calls a tool and returns the field `field` of its data, failing with the tool's name when it is missing. */
export async function callTool<T>(
  tools: ToolInvoker,
  name: string,
  args: Readonly<Record<string, unknown>>,
  field: string,
): Promise<T> {
  const data = await tools.call(name, args);
  if (!data || !(field in data)) {
    throw new ToolCallError(name, 'DOWNSTREAM_SERVICE_ERROR', `${name} returned no "${field}".`);
  }
  return data[field] as T;
}
