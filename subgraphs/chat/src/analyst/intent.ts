/**
 * Which kind of answer a question wants. Plain keyword rules, checked from the most specific to the most
 * general, so that the reason for every decision can be read here; the confidence says how much of the
 * question the rule explained.
 */
import type { IntentType, QuestionFilters } from '../pipeline/answer-contract.ts';
import { hasFilters, NO_FILTERS } from './filters.ts';
import { normalize } from './text.ts';

export interface IntentSignals {
  readonly metrics: number;
  readonly accounts: number;
  readonly people: number;
  readonly projects: number;
  readonly periods: number;
  /** Teams named where a team is meant. @default 0 */
  readonly teams?: number;
  readonly filters?: QuestionFilters;
  /** The question must be declined (another company, data not held, an action). */
  readonly decline?: boolean;
}

export interface DetectedIntent {
  readonly intent: IntentType;
  readonly confidence: number;
  /** False when nothing in the question pointed anywhere (a follow-up may then inherit the last intent). */
  readonly explicit: boolean;
}

const has = (text: string, pattern: RegExp): boolean => pattern.test(text);

const RISK =
  /\b(risk|risks|risky|at risk|slip|slips|slipping|slipped|stall|stalls|stalled|stuck|danger|dangerous|trouble|troubled|worry|worried|worrying|behind|late|overdue|delayed|off track|jeopardy|concern|concerns|concerning)\b/;
const DEALS = /\b(deal|deals|opportunit\w*|opps?|renewals?)\b/;
const DEAL_WORDS = /\b(deal|deals|opportunit\w*|opps?)\b/;
const SAID =
  /\b(say|said|says|discuss|discussed|told|mention|mentioned|agree|agreed|think|thinks|feel|feedback|concerns?|asked)\b/;
const TOP = /\b(top|biggest|largest|big|key|main|best|major|highest|most valuable)\b/;
const TREND =
  /\b(trend|trends|trending|over time|over the (last|past)|month by month|monthly|quarter by quarter|history|historical|evolution|evolv|trajectory|chart|since|last (twelve|12|six|6|three|3) months|past (twelve|12|six|6) months|grown|growing|declin)/;
const PIPELINE = /\b(pipeline|forecast|forecasting|weighted|commit|funnel|win rate|close rate)\b/;
const OKR = /\b(okr|okrs|objective|objectives|key result|key results|goals?)\b/;
const OVERVIEW =
  /\b(kpi|kpis|metrics|numbers|headline|headlines|dashboard|scorecard|how are we doing|how is the business|performance|how did we do|how are we tracking|on track|against plan|hit the number|targets?)\b/;
const COUNTING = /\b(how many|number of|count of)\b/;
const PROJECTS = /\b(project|projects|initiative|initiatives|programs?|programmes?)\b/;
/** "versus last quarter", "since last quarter": a comparison of two periods, not a trend. */
export const VERSUS_LAST =
  /\b(vs|versus|than|compared? (to|with)|since|on|over) (the )?(last|previous|prior) (quarter|month)\b/;
const MILESTONES = /\b(milestone|milestones)\b/;
const ACCOUNT_WORDS = /\b(account|accounts|customer|customers|client|clients|logos?)\b/;
const MOST = /\b(most|biggest|largest|highest|top|how many|number of|count)\b/;
const REPORTS =
  /\b(reports? to|direct reports?|reporting to|who works for|team under|works under|whose manager|manager of|report into)\b/;
const TEAM_SIZE = /\b(how many (people|staff|employees|engineers|heads?)|headcount of|size of|how big)\b/;
const TEAM_LEAD = /\b(who (runs|leads|heads|manages)|head of|lead of|leader of|in charge of)\b/;
const WORKING_ON = /\b(working on|work on|projects?|doing|busy with|focus(ed)? on)\b/;
const PIPELINE_OF = /\b(pipeline|deals|book of business|opportunities)\b/;
const PROGRESS =
  /\b(how far|progress|along|status|milestones?|when is|due|deadline|done|complete|finished|update on|owns?|owner|who is running|how is)\b/;

export function detectIntent(question: string, signals: IntentSignals): DetectedIntent {
  const text = normalize(question);
  const result = (intent: IntentType, confidence: number): DetectedIntent => ({
    intent,
    confidence,
    explicit: true,
  });

  const filters = signals.filters ?? NO_FILTERS;
  const teams = signals.teams ?? 0;
  if (signals.decline) return result('DECLINE', 0.95);
  if (has(text, MILESTONES) && signals.projects === 0) return result('MILESTONES', 0.9);
  if (signals.projects > 0 && has(text, PROGRESS) && signals.metrics === 0)
    return result('PROJECT_STATUS', 0.9);
  if (has(text, REPORTS) && signals.people > 0) return result('REPORTS', 0.9);
  if (
    teams > 0 &&
    (has(text, TEAM_SIZE) || has(text, TEAM_LEAD) || has(text, WORKING_ON)) &&
    signals.people === 0
  ) {
    return result('TEAM', 0.9);
  }
  // "Which customer has the most open pipeline?", "How many accounts in EMEA?": accounts counted or ranked.
  if (
    has(text, ACCOUNT_WORDS) &&
    signals.accounts === 0 &&
    signals.metrics === 0 &&
    (has(text, MOST) || filters.regions.length > 0)
  ) {
    return result('ACCOUNT_SEARCH', 0.85);
  }
  // Deals narrowed by region, amount, stage, owner, or ranked: one typed search, not the whole list.
  // A limit alone ("top 5 deals") is the TopDeals ranking; risk alone is the at-risk answer.
  const narrowed = hasFilters({ ...filters, limit: null }) || signals.people > 0;
  const riskOnly = has(text, RISK) && !hasFilters({ ...filters, limit: null });
  if (has(text, DEALS) && riskOnly) return result('AT_RISK_DEALS', 0.9);
  // "How many open deals do we have?": every open deal, whatever its close date.
  if (has(text, DEAL_WORDS) && has(text, COUNTING) && /\bopen\b/.test(text) && signals.periods === 0) {
    return result('DEAL_SEARCH', 0.85);
  }
  if (
    (has(text, DEALS) || (has(text, PIPELINE_OF) && signals.people > 0)) &&
    narrowed &&
    signals.metrics === 0
  ) {
    return result('DEAL_SEARCH', 0.9);
  }
  if (has(text, DEALS) && has(text, RISK)) return result('AT_RISK_DEALS', 0.9);
  // Someone's or some account's deals are in their overview.
  if (has(text, DEALS) && signals.people > 0 && signals.accounts === 0) return result('PERSON_OVERVIEW', 0.8);
  if (has(text, DEALS) && signals.accounts > 0) return result('ACCOUNT_OVERVIEW', 0.8);
  if (has(text, DEALS) && (has(text, TOP) || /\btop\s+\d+/.test(text))) return result('TOP_DEALS', 0.9);
  if (has(text, OKR)) return result('OKR_STATUS', 0.9);
  if (has(text, PROJECTS) && has(text, RISK) && signals.projects === 0)
    return result('AT_RISK_PROJECTS', 0.9);
  // KPIs are company-wide: "revenue from Alder Mutual" is answered with what is known of the account.
  if (signals.metrics > 0 && signals.accounts > 0) return result('ACCOUNT_OVERVIEW', 0.6);
  if (signals.metrics > 0 && has(text, TREND) && !VERSUS_LAST.test(text)) return result('KPI_TREND', 0.85);
  // "pipeline coverage" and "win rate" are metrics of their own; the pipeline answer covers the rest.
  if (has(text, PIPELINE) && signals.metrics === 0) return result('PIPELINE', 0.85);
  if (signals.metrics > 0) return result('KPI_VALUE', signals.periods > 0 ? 0.9 : 0.75);
  if (signals.accounts > 0) return result('ACCOUNT_OVERVIEW', 0.8);
  if (signals.people > 0) return result('PERSON_OVERVIEW', 0.8);
  // A named project is answered with its status and what is remembered about it.
  if (signals.projects > 0) return result('KNOWLEDGE', 0.7);
  // What someone said or agreed is in the notes, not in the figures.
  if (has(text, SAID)) return result('KNOWLEDGE', 0.6);
  // "How many deals did we close?" is counted by the pipeline answer (won, lost, open per stage).
  if (has(text, DEAL_WORDS) && has(text, COUNTING) && !has(text, TOP)) return result('PIPELINE', 0.7);
  if (has(text, DEAL_WORDS)) return result('TOP_DEALS', 0.6);
  if (has(text, PROJECTS)) return result('AT_RISK_PROJECTS', 0.6);
  // No metric named, but the headline numbers asked for: every KPI card.
  if (has(text, OVERVIEW)) return result('KPI_VALUE', 0.6);
  return { intent: 'KNOWLEDGE', confidence: 0.4, explicit: false };
}
