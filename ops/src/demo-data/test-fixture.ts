/** The company the tests look at: the default seed on a fixed anchor (generated once per test file). */
import { generateCompany } from './company.ts';

export const ANCHOR = '2026-11-24';

export const company = generateCompany({ anchor: ANCHOR });

/** Values of one fact by date. */
export function factSeries(fact: string): Map<string, number> {
  return new Map(company.facts.filter((row) => row.fact === fact).map((row) => [row.date, row.value]));
}
