/** The whole evaluation corpus, built from what the API says today. */
import type { EvalCase } from '../checks.ts';
import type { Truth } from '../truth.ts';
import { comparisonCases, kpiCases, trendCases } from './kpis.ts';
import { knowledgeCases, outOfScopeCases } from './knowledge.ts';
import { okrCases, peopleCases, projectCases } from './organisation.ts';
import { accountCases, salesCases } from './sales.ts';

export function buildCorpus(truth: Truth): EvalCase[] {
  return [
    ...kpiCases(truth),
    ...comparisonCases(truth),
    ...trendCases(truth),
    ...salesCases(truth),
    ...accountCases(truth),
    ...peopleCases(truth),
    ...projectCases(truth),
    ...okrCases(truth),
    ...knowledgeCases(truth),
    ...outOfScopeCases(truth),
  ];
}
