/**
 * The words executives use for each metric. Keys are the API's metric ids; a phrase only counts when the
 * `Metrics` tool says the id exists, and every metric's own name counts too, so a new metric is found by
 * its name without touching this table.
 */
import { findPhrase } from './fuzzy.ts';
import { containsPhrase, normalize } from './text.ts';
import type { ResolvedEntity } from '../pipeline/answer-contract.ts';

export const METRIC_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  revenue: ['revenue', 'revenues', 'sales', 'sales revenue', 'turnover', 'top line', 'topline'],
  arr: ['arr', 'annual recurring revenue', 'recurring revenue', 'run rate'],
  new_bookings: ['bookings', 'booking', 'booked', 'did we book', 'new bookings', 'acv booked'],
  gross_margin: ['gross margin', 'margin', 'margins', 'gm'],
  burn: ['burn', 'net burn', 'burn rate', 'cash burn', 'burning'],
  cash: ['cash', 'cash balance', 'cash in the bank', 'bank balance'],
  runway: ['runway', 'cash runway'],
  nrr: ['nrr', 'net revenue retention', 'net retention', 'ndr', 'net dollar retention', 'retention'],
  churn: ['churn', 'churned', 'gross churn', 'revenue churn', 'gross revenue churn', 'churn rate'],
  cac: ['cac', 'customer acquisition cost', 'acquisition cost', 'cost to acquire', 'cost us to acquire'],
  headcount: ['headcount', 'head count', 'employees', 'staff', 'ftes', 'fte', 'how many people', 'team size'],
  pipeline_coverage: ['pipeline coverage', 'coverage'],
  win_rate: ['win rate', 'win rates', 'close rate', 'conversion rate'],
  nps: ['nps', 'net promoter score', 'net promoter', 'promoter score', 'customer satisfaction'],
  new_customers: ['new customers', 'new logos', 'customers won', 'new clients', 'logos'],
};

export interface MetricEntry {
  readonly id: string;
  readonly name: string;
}

/**
 * The metrics a question names, in the order it names them. Longer phrases win over the words inside
 * them ("recurring revenue" is ARR, not revenue).
 */
export function findMetrics(question: string, metrics: readonly MetricEntry[]): ResolvedEntity[] {
  const known = new Map(metrics.map((metric) => [metric.id, metric]));
  const phrases: { phrase: string; id: string }[] = [];
  for (const metric of metrics) phrases.push({ phrase: normalize(metric.name), id: metric.id });
  for (const [id, synonyms] of Object.entries(METRIC_SYNONYMS)) {
    if (known.has(id)) for (const phrase of synonyms) phrases.push({ phrase: normalize(phrase), id });
  }
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);

  // "sales" means revenue, except where it names the team or its work ("sales team", "sales pipeline").
  let text = ` ${normalize(question)} `
    .replace(
      /\b(?:enterprise |mid market |inside )?sales (?:team|teams|rep|reps|people|org|organisation|organization|pipeline|cycle|process|and marketing|operations|ops|leader|leaders|manager|managers|hire|hires|headcount|playbook|kickoff)\b/g,
      (match) => '_'.repeat(match.length),
    )
    // "churn risk" is about which customers may leave, not the churn rate.
    .replace(
      /\b(?:churn risks?|risk of churn(?:ing)?|at risk of churn(?:ing)?|likely to churn)\b/g,
      (match) => '_'.repeat(match.length),
    );
  const found: { at: number; id: string }[] = [];
  for (const { phrase, id } of phrases) {
    if (phrase === '') continue;
    if (containsPhrase(text, phrase)) {
      found.push({ at: text.indexOf(` ${phrase} `), id });
      // Blank the phrase out so the words inside it do not match again.
      text = text.replaceAll(` ${phrase} `, ` ${'_'.repeat(phrase.length)} `);
      continue;
    }
    // A typo ("revnue", "anual recuring revenue"): whole words only, each within its allowed edits.
    const at = phrase.length >= 5 ? findPhrase(text.trim(), phrase) : -1;
    if (at < 0) continue;
    const length = text.trim().slice(at).split(' ').slice(0, phrase.split(' ').length).join(' ').length;
    found.push({ at: at + 1, id });
    text = ` ${text.trim().slice(0, at)}${'_'.repeat(length)}${text.trim().slice(at + length)} `;
  }
  found.sort((a, b) => a.at - b.at);
  const ids = [...new Set(found.map((entry) => entry.id))];
  return ids.map((id) => ({ id, name: known.get(id)?.name ?? id }));
}
