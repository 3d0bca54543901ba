/**
 * The built-in analyst as a synthesizer: picks the answer for the understood intent, after checking that
 * the question does not name something the data does not know. Tool failures reject with the tool's
 * `ToolCallError` (it carries a catalogue code); an aborted request stops writing and resolves.
 */
import { badUserInput } from '@sophia/kit';
import type { IntentType, Synthesizer } from '../pipeline/answer-contract.ts';
import { answerAccountOverview } from './answers/account.ts';
import { answerAtRiskDeals } from './answers/at-risk-deals.ts';
import { answerAtRiskProjects } from './answers/at-risk-projects.ts';
import type { Answer, AnswerContext } from './answers/context.ts';
import { answerKnowledge } from './answers/knowledge.ts';
import { answerKpiTrend } from './answers/kpi-trend.ts';
import { answerKpiValue } from './answers/kpi-value.ts';
import { answerOkrStatus } from './answers/okr-status.ts';
import { answerPersonOverview } from './answers/person.ts';
import { answerPipeline } from './answers/pipeline.ts';
import { answerTopDeals } from './answers/top-deals.ts';
import { answerAccountSearch } from './answers/account-search.ts';
import { answerDealSearch } from './answers/deal-search.ts';
import { answerDecline } from './answers/decline.ts';
import { answerMilestones } from './answers/milestones.ts';
import { answerProjectStatus } from './answers/project-status.ts';
import { answerReports } from './answers/reports.ts';
import { answerTeam } from './answers/team.ts';
import { loadDirectory } from './directory.ts';
import { headingOf } from './heading.ts';
import { unknownNames } from './unknown-names.ts';
import { AnswerWriter } from './writer.ts';

const ANSWERS: Readonly<Record<IntentType, Answer>> = {
  KPI_VALUE: answerKpiValue,
  KPI_TREND: answerKpiTrend,
  TOP_DEALS: answerTopDeals,
  AT_RISK_DEALS: answerAtRiskDeals,
  PIPELINE: answerPipeline,
  OKR_STATUS: answerOkrStatus,
  AT_RISK_PROJECTS: answerAtRiskProjects,
  ACCOUNT_OVERVIEW: answerAccountOverview,
  PERSON_OVERVIEW: answerPersonOverview,
  KNOWLEDGE: answerKnowledge,
  DEAL_SEARCH: answerDealSearch,
  ACCOUNT_SEARCH: answerAccountSearch,
  TEAM: answerTeam,
  REPORTS: answerReports,
  PROJECT_STATUS: answerProjectStatus,
  MILESTONES: answerMilestones,
  DECLINE: answerDecline,
};

/** Intents whose answer needs its subject resolved; without it they fall back to what is remembered. */
const NEEDS: Partial<Record<IntentType, (context: AnswerContext) => boolean>> = {
  KPI_TREND: ({ request }) => request.understanding.metrics.length > 0,
  ACCOUNT_OVERVIEW: ({ request }) => request.understanding.accounts.length > 0,
  PERSON_OVERVIEW: ({ request }) => request.understanding.people.length > 0,
  REPORTS: ({ request }) => request.understanding.people.length > 0,
  TEAM: ({ request }) => (request.understanding.teams ?? []).length > 0,
  PROJECT_STATUS: ({ request }) => request.understanding.projects.length > 0,
};

export function createAnalyst(): Synthesizer {
  return async (request, sink) => {
    if (typeof request.question !== 'string' || request.question.trim() === '') {
      throw badUserInput('The question is empty.', 'question');
    }
    if (!Object.hasOwn(ANSWERS, request.understanding.intent)) {
      throw badUserInput(`Unknown intent ${JSON.stringify(request.understanding.intent)}.`, 'intent');
    }
    const writer = new AnswerWriter(sink, request.signal);
    if (writer.aborted) return;
    const directory = await loadDirectory(request.tools);
    if (writer.aborted) return;
    // The pipeline remembers every exchange as a CONVERSATION memory. Those are Sophia's own earlier words:
    // quoting them as a source would turn a guess into a fact, and an earlier question would make an
    // unknown name look known. Only what people and documents said counts.
    const memories = request.memories.filter((memory) => memory.kind !== 'CONVERSATION');
    const context: AnswerContext = { request: { ...request, memories }, writer, directory };

    const unknown =
      request.understanding.intent === 'DECLINE' || request.understanding.intent === 'OKR_STATUS'
        ? []
        : unknownNames(request.question, directory, memories);
    if (unknown.length > 0) {
      const names = unknown.map((name) => `“${name}”`).join(' or ');
      writer.paragraph(
        `I don't know. I find no account, person, project or note called ${names} in Sophia's data, so I ` +
          `can't answer that with facts.`,
      );
      return;
    }
    const { ambiguous } = request.understanding;
    if (ambiguous && request.understanding.intent !== 'DECLINE') {
      // Below the confidence to answer: ask back with the people considered, rather than answer another question.
      const titled = ambiguous.candidates.map((candidate) => {
        const person = directory.people.find((entry) => entry.id === candidate.id);
        return `**${candidate.name}**${person ? ` (${person.title})` : ''}`;
      });
      writer.paragraph(
        `Which one do you mean by “${ambiguous.word}”? Did you mean ${titled.slice(0, -1).join(', ')} or ` +
          `${titled.at(-1)}? Ask again with the full name.`,
      );
      return;
    }
    const { intent } = request.understanding;
    const ready = NEEDS[intent]?.(context) ?? true;
    // Streamed before the answer's tool calls go out: the reader sees what was understood at once.
    const heading = ready ? headingOf(request.understanding) : null;
    if (heading) writer.write(heading);
    await (ready ? ANSWERS[intent] : answerKnowledge)(context);
    await writer.yield();
  };
}
