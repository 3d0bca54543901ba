/**
 * Turns a question into an `Understanding`: intent, metrics, periods and the accounts, people and projects
 * it names, resolved against the real names. A follow-up ("and in Q2?", "what about ARR?") that names no
 * subject of its own takes the missing parts from the previous question.
 */
import { badUserInput } from '@sophia/kit';
import type {
  ConversationTurn,
  IntentType,
  ToolInvoker,
  Understanding,
} from '../pipeline/answer-contract.ts';
import { loadDirectory, perDirectory, type Directory } from './directory.ts';
import { ambiguousNames, matchByTitle, matchEntities } from './entities.ts';
import { detectIntent, VERSUS_LAST, type DetectedIntent } from './intent.ts';
import { findMetrics } from './metric-names.ts';
import { parseFilters } from './filters.ts';
import { parsePeriods, quarterOf } from './periods.ts';
import { normalize } from './text.ts';
import { declineReason } from './scope.ts';
import { matchTeams } from './teams.ts';

/** @default 2000 characters: longer is not a question. */
export const MAX_QUESTION_LENGTH = 2000;

interface Reading {
  readonly understanding: Understanding;
  readonly detected: DetectedIntent;
}

/** The regions the accounts are in. */
const regionsOf = perDirectory((directory: Directory): string[] => [
  ...new Set(directory.accounts.flatMap((account) => account.region ?? [])),
]);

/** Reads one question on its own, without history. */
export function readQuestion(question: string, directory: Directory, now: Date): Reading {
  const projects = matchEntities(question, directory.projects, { singleWords: 'none' });
  // A project's name is no metric ("MEDDICC sales methodology rollout" says nothing about revenue).
  const withoutProjects = projects.reduce(
    (text, project) => text.replace(new RegExp(escape(project.name), 'i'), ' '),
    question,
  );
  const metrics = findMetrics(withoutProjects, directory.metrics);
  const periods = comparedWithLast(question, trailingYear(question, parsePeriods(question, now), now), now);
  const accounts = matchEntities(question, directory.accounts, { singleWords: 'first' });
  const byName = matchEntities(question, directory.people, { singleWords: 'first-or-last' });
  const byTitle = matchByTitle(question, directory.people).filter(
    (match) => !byName.some((p) => p.id === match.id),
  );
  const people = [...byName, ...byTitle].sort((a, b) => a.at - b.at);
  // A person's name inside an account's name ("Jordan" in "Jordan Logistics") is the account.
  const peopleOnly = people.filter(
    (person) => !accounts.some((account) => account.name.toLowerCase().includes(person.name.toLowerCase())),
  );
  const teams = matchTeams(question, directory.teams ?? []);
  const filters = parseFilters(question, regionsOf(directory));
  const decline = declineReason(question, directory);
  // A shared first name inside an account's, project's or team's name is that thing's, not a person's.
  const named = [...accounts, ...projects, ...teams].map((entity) => normalize(entity.name));
  const [ambiguous] =
    peopleOnly.length === 0
      ? ambiguousNames(question, directory.people).filter(
          ({ word }) => !named.some((name) => ` ${name} `.includes(` ${word} `)),
        )
      : [];
  const detected = detectIntent(question, {
    metrics: metrics.length,
    accounts: accounts.length,
    people: peopleOnly.length,
    projects: projects.length,
    periods: periods.length,
    teams: teams.length,
    filters,
    decline: decline !== null,
  });
  const entityConfidence = Math.min(1, ...[...accounts, ...peopleOnly, ...projects].map((e) => e.confidence));
  const strip = ({ id, name }: { id: string; name: string }) => ({ id, name });
  return {
    detected,
    understanding: {
      intent: detected.intent,
      confidence: round(detected.confidence * entityConfidence),
      metrics,
      periods,
      accounts: accounts.map(strip),
      people: peopleOnly.map(strip),
      projects: projects.map(strip),
      teams,
      filters,
      ...(decline ? { decline } : {}),
      ...(ambiguous
        ? { ambiguous: { word: ambiguous.word, candidates: ambiguous.candidates.map(strip) } }
        : {}),
    },
  };
}

const FOLLOW_UP =
  /^\s*(and|also|what about|how about|same for|and what about|and for|what of|compared to|vs\.?|versus)\b/i;

/** Whether `current` names no subject of its own and so continues the previous question. */
function isFollowUp(question: string, current: Reading): boolean {
  const { understanding: u, detected } = current;
  if (FOLLOW_UP.test(question) && question.length < 80) return true;
  const hasSubject = u.metrics.length + u.accounts.length + u.people.length + u.projects.length > 0;
  return !detected.explicit && !hasSubject && u.periods.length > 0;
}

/** The intents that can take each kind of subject: "and ARR?" continues a KPI answer, not a deal list. */
const TAKES: Readonly<Record<'metrics' | 'accounts' | 'people' | 'projects', readonly IntentType[]>> = {
  metrics: ['KPI_VALUE', 'KPI_TREND'],
  accounts: ['ACCOUNT_OVERVIEW', 'AT_RISK_DEALS'],
  people: ['PERSON_OVERVIEW', 'AT_RISK_DEALS'],
  projects: ['KNOWLEDGE'],
};

function merge(previous: Understanding, current: Understanding, detected: DetectedIntent): Understanding {
  const kinds = (['metrics', 'accounts', 'people', 'projects'] as const).filter(
    (kind) => current[kind].length > 0,
  );
  // A new subject the previous kind of answer cannot take ("and Alder Mutual?" after a revenue figure)
  // starts a new question; only the periods carry over.
  if (kinds.some((kind) => !TAKES[kind].includes(previous.intent))) {
    return { ...current, periods: current.periods.length > 0 ? current.periods : previous.periods };
  }
  const subjectChanged = kinds.length > 0;
  return {
    // Only an explicit new kind of question with no new subject ("and the trend?") changes the intent.
    intent: detected.explicit && !subjectChanged ? current.intent : previous.intent,
    confidence: round(Math.min(previous.confidence, 0.8)),
    metrics: current.metrics.length > 0 ? current.metrics : previous.metrics,
    periods: current.periods.length > 0 ? current.periods : previous.periods,
    accounts: subjectChanged ? current.accounts : previous.accounts,
    people: subjectChanged ? current.people : previous.people,
    projects: subjectChanged ? current.projects : previous.projects,
  };
}

/** Intents answered from figures and names alone, once their subject is resolved. */
const DATA_INTENTS: ReadonlySet<IntentType> = new Set<IntentType>([
  'KPI_VALUE',
  'TOP_DEALS',
  'AT_RISK_DEALS',
  'PIPELINE',
  'OKR_STATUS',
  'AT_RISK_PROJECTS',
  'DEAL_SEARCH',
  'ACCOUNT_SEARCH',
  'MILESTONES',
  'DECLINE',
]);

/** Whether an answer to `understanding` may quote memories (and so the pipeline should retrieve them). */
export function needsMemories(understanding: Understanding): boolean {
  const { intent } = understanding;
  if (DATA_INTENTS.has(intent)) return false;
  if (intent === 'KPI_TREND') return understanding.metrics.length === 0;
  if (intent === 'TEAM') return (understanding.teams ?? []).length === 0;
  if (intent === 'PROJECT_STATUS') return understanding.projects.length === 0;
  if (intent === 'REPORTS') return understanding.people.length === 0;
  return true;
}

export async function understandQuestion(
  question: string,
  history: readonly ConversationTurn[],
  tools: ToolInvoker,
  now: Date,
): Promise<Understanding> {
  if (typeof question !== 'string' || question.trim() === '') {
    throw badUserInput('The question is empty.', 'question');
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    throw badUserInput(`The question is longer than ${MAX_QUESTION_LENGTH} characters.`, 'question');
  }
  if (Number.isNaN(now.getTime())) throw badUserInput('`now` is not a valid date.', 'now');
  const understanding = interpret(question, history, await loadDirectory(tools), now);
  return { ...understanding, needsMemories: needsMemories(understanding) };
}

/** `understand` over a directory already loaded: a pure function of its arguments. */
export function interpret(
  question: string,
  history: readonly ConversationTurn[],
  directory: Directory,
  now: Date,
): Understanding {
  // The earlier user questions, oldest first; the history may already end with this very question.
  const asked = history.filter((turn) => turn.role === 'USER').map((turn) => turn.content);
  if (asked.at(-1)?.trim() === question.trim()) asked.pop();
  return readInContext(question, asked.slice(-MAX_FOLLOW_UPS), directory, now);
}

/** @default 5: how many earlier questions a chain of follow-ups may reach back. */
export const MAX_FOLLOW_UPS = 5;

function readInContext(
  question: string,
  earlier: readonly string[],
  directory: Directory,
  now: Date,
): Understanding {
  const current = readQuestion(question, directory, now);
  const previousQuestion = earlier.at(-1);
  if (previousQuestion === undefined || !isFollowUp(question, current)) return current.understanding;
  const previous = readInContext(previousQuestion, earlier.slice(0, -1), directory, now);
  return merge(previous, current.understanding, current.detected);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Is ARR up versus last quarter?" compares this quarter with the last one, not the last with its own. */
function comparedWithLast(question: string, periods: string[], now: Date): string[] {
  const current = quarterOf(now);
  const [only] = periods;
  if (periods.length !== 1 || only === current || !VERSUS_LAST.test(normalize(question))) return periods;
  return /-Q\d$/.test(only!) ? [current, only!] : periods;
}

/** "over the last year" is the trailing twelve months (the API's default window), not last calendar year. */
function trailingYear(question: string, periods: string[], now: Date): string[] {
  if (!/\b(over|in|during|for|across) the (last|past) year\b/i.test(question)) return periods;
  const lastYear = String(now.getUTCFullYear() - 1);
  return periods.filter((period) => period !== lastYear);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
