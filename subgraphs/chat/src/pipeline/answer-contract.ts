import type { CitationRef } from '../citations.ts';

/**
 * The contract between the reply pipeline (which stores, streams and orchestrates) and whatever writes the
 * answer (the built-in analyst or an LLM). Tool calls, results and the final DONE or ERROR are the pipeline's
 * to emit; a synthesizer emits only text and citations, and calls tools through `tools`, which the pipeline
 * wraps so every call is streamed as TOOL_CALL and TOOL_RESULT.
 */

/** What a synthesizer writes while it answers. */
export type AnswerEvent =
  | { readonly type: 'TOKEN'; readonly delta: string }
  | { readonly type: 'CITATION'; readonly citation: CitationRef };

export type AnswerSink = (event: AnswerEvent) => void;

/**
 * Runs one of the operations in `schema/operations/` (an MCP tool of the gateway) as the viewer and returns
 * its GraphQL `data`. Rejects with a `ToolCallError` when the tool fails or returns GraphQL errors.
 */
export interface ToolInvoker {
  call(name: string, args: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>>;
  /** Whose view the tools see (the viewer): what may be cached for them is keyed by it. */
  readonly scope?: string;
}

export class ToolCallError extends Error {
  constructor(
    readonly tool: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ToolCallError';
  }
}

/** One turn of the conversation so far, oldest first. */
export interface ConversationTurn {
  readonly role: 'USER' | 'ASSISTANT';
  readonly content: string;
}

/** A memory retrieved for the question, as the `SearchMemories` operation returns it. */
export interface RetrievedMemory {
  readonly id: string;
  readonly content: string;
  readonly kind: string;
  readonly score: number;
  readonly sourceTitle: string | null;
  readonly accountId: string | null;
}

export type IntentType =
  | 'KPI_VALUE'
  | 'KPI_TREND'
  | 'TOP_DEALS'
  | 'AT_RISK_DEALS'
  | 'PIPELINE'
  | 'OKR_STATUS'
  | 'AT_RISK_PROJECTS'
  | 'ACCOUNT_OVERVIEW'
  | 'PERSON_OVERVIEW'
  | 'KNOWLEDGE'
  /** Deals filtered by region, amount, owner, account, stage or risk, ranked by amount. */
  | 'DEAL_SEARCH'
  /** Accounts counted or ranked, optionally in a region. */
  | 'ACCOUNT_SEARCH'
  /** A team: its size, lead or projects. */
  | 'TEAM'
  /** Who reports to someone, or whom someone reports to. */
  | 'REPORTS'
  /** A named project's progress and milestones. */
  | 'PROJECT_STATUS'
  /** Milestones across projects that are overdue. */
  | 'MILESTONES'
  /** About another company, data Sophia does not hold, or an action: declined plainly. */
  | 'DECLINE';

/** A name in the question resolved to the entity it means. */
export interface ResolvedEntity {
  readonly id: string;
  readonly name: string;
}

/** What the question asks, resolved against the real names in the data. */
export interface Understanding {
  readonly intent: IntentType;
  /** 0 to 1: how sure the detector is of `intent`. */
  readonly confidence: number;
  /** Metric ids (`revenue`, `arr`, ...). */
  readonly metrics: readonly ResolvedEntity[];
  /** Periods in the API's form (`2026-Q3`, `2026-11`, `2026`), in the order the question names them. */
  readonly periods: readonly string[];
  readonly accounts: readonly ResolvedEntity[];
  readonly people: readonly ResolvedEntity[];
  readonly projects: readonly ResolvedEntity[];
  /** Teams the question names ("in Engineering", "the Data team"). */
  readonly teams?: readonly ResolvedEntity[];
  /** Filters and rankings on a list: regions, amounts, stages, how many. */
  readonly filters?: QuestionFilters;
  /** Why the question is declined (intent DECLINE). */
  readonly decline?: Decline;
  /**
   * False when the answer is made of figures and names alone, so retrieving memories would only cost time
   * (a KPI, a deal list, a team's size). @default true
   */
  readonly needsMemories?: boolean;
  /** A name the question gives that several people share, with whom it could mean: asked back. */
  readonly ambiguous?: { readonly word: string; readonly candidates: readonly ResolvedEntity[] };
}

export interface QuestionFilters {
  readonly regions: readonly string[];
  readonly minAmount: number | null;
  readonly maxAmount: number | null;
  readonly stages: readonly string[];
  readonly limit: number | null;
}

export type Decline =
  | { readonly kind: 'OTHER_COMPANY'; readonly name: string }
  | { readonly kind: 'NOT_HELD'; readonly subject: string }
  | { readonly kind: 'ACTION'; readonly action: string };

export interface AnswerRequest {
  readonly question: string;
  readonly understanding: Understanding;
  readonly history: readonly ConversationTurn[];
  readonly memories: readonly RetrievedMemory[];
  readonly tools: ToolInvoker;
  /** The moment the question was asked: "this quarter" is relative to it. */
  readonly now: Date;
  /** Aborted when the user cancels the reply. */
  readonly signal: AbortSignal;
}

/** Writes the answer through `sink`; resolves when done, rejects (with a coded error) when it cannot answer. */
export type Synthesizer = (request: AnswerRequest, sink: AnswerSink) => Promise<void>;
