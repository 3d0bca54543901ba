/**
 * The first line of an answer: what the analyst understood the question to be about ("**Revenue** ·
 * 2026-Q3"), written before the tool calls that fetch the figures return. The reader sees at once that the
 * question was understood, and which way, instead of waiting on a blank reply; the figures follow.
 *
 * A heading holds no figure: it is written before any tool result, and every figure must come from one
 * (grounding). Periods are not figures, and the subjects are the names the question resolved to.
 */
import type { IntentType, ResolvedEntity, Understanding } from '../pipeline/answer-contract.ts';
import { figuresIn } from '../pipeline/figures.ts';

const names = (entities: readonly ResolvedEntity[] | undefined): string | null =>
  entities && entities.length > 0 ? entities.map((entity) => entity.name).join(', ') : null;

/** Each intent's subject; `null` where the answer opens plainly (knowledge quotes, declines). */
const SUBJECTS: Readonly<Record<IntentType, (understanding: Understanding) => string | null>> = {
  KPI_VALUE: ({ metrics }) => names(metrics) ?? 'Headline KPIs',
  KPI_TREND: ({ metrics }) => {
    const subject = names(metrics);
    return subject ? `${subject} trend` : null;
  },
  TOP_DEALS: () => 'Top deals',
  AT_RISK_DEALS: () => 'Deals at risk',
  PIPELINE: () => 'Pipeline',
  OKR_STATUS: () => 'OKRs',
  AT_RISK_PROJECTS: () => 'Projects at risk',
  ACCOUNT_OVERVIEW: ({ accounts }) => names(accounts),
  PERSON_OVERVIEW: ({ people }) => names(people),
  DEAL_SEARCH: () => 'Deals',
  ACCOUNT_SEARCH: () => 'Accounts',
  TEAM: ({ teams }) => names(teams),
  REPORTS: ({ people }) => {
    const subject = names(people);
    return subject ? `Reporting line of ${subject}` : null;
  },
  PROJECT_STATUS: ({ projects }) => names(projects),
  MILESTONES: () => 'Milestones',
  KNOWLEDGE: () => null,
  DECLINE: () => null,
};

/** The heading line (with the blank line after it) for an understood question, or `null` for none. */
export function headingOf(understanding: Understanding): string | null {
  const subject = SUBJECTS[understanding.intent]?.(understanding);
  if (!subject) return null;
  const { periods } = understanding;
  const heading = `**${subject}**${periods.length > 0 ? ` · ${periods.join(' and ')}` : ''}`;
  // A name with digits in it ("3M") would read as a figure no tool gave: no heading then.
  return figuresIn(heading).length > 0 ? null : `${heading}\n\n`;
}
