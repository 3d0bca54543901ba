import type { DealChange } from '@sophia/domain';
import type { AccountSegment, DealStage, DealStatus, DealType } from '../__generated__/resolvers-types.ts';

/** A deal as the store returns it; `account`, `owner`, `stageHistory` and `currency` are resolved from it. */
export interface DealRow {
  readonly id: string;
  readonly name: string;
  readonly amount: number;
  readonly stage: DealStage;
  readonly status: DealStatus;
  readonly type: DealType;
  readonly probability: number;
  readonly weightedAmount: number;
  readonly closeDate: string;
  readonly createdAt: string;
  readonly accountId: string;
  readonly ownerId: string;
}

/** An account with its deal totals, which the store sums in SQL. */
export interface AccountRow {
  readonly id: string;
  readonly name: string;
  readonly industry: string;
  readonly segment: AccountSegment;
  readonly region: string;
  readonly employees: number;
  readonly website: string;
  readonly ownerId: string;
  readonly openPipeline: number;
  readonly wonAmount: number;
}

export interface DealStageChangeRow {
  readonly dealId: string;
  readonly stage: DealStage;
  readonly enteredAt: string;
}

/** A directory user known only by id: the project subgraph owns the rest of the person. */
export interface UserRef {
  readonly __typename?: 'User';
  readonly id: string;
}

/** One page of a keyset-paginated list; the count over every page is queried only when asked. */
export interface Page<Row> {
  readonly rows: Row[];
  readonly hasNextPage: boolean;
  readonly cursorOf: (row: Row) => string;
  readonly totalCount: () => Promise<number>;
}

export interface DealPage extends Page<DealRow> {
  /** Sum of the amounts over every page. */
  readonly totalAmount: () => Promise<number>;
}

/** Deals closing in a period summed by stage and status (one row per stage that has any). */
export interface StageTotalsRow {
  readonly stage: DealStage;
  readonly status: DealStatus;
  readonly count: number;
  readonly amount: number;
  readonly weightedAmount: number;
}

export type AccountPage = Page<AccountRow>;

/** A move the store made, or found already made (`previousStage` equals the deal's stage then). */
export interface DealStageMove {
  /** The deal after the move. */
  readonly deal: DealRow;
  readonly previousStage: DealStage;
}

/** A move that changed the deal, with what its subscribers read of it, loaded once for all of them. */
export interface CommittedDealStageMove extends DealStageMove {
  readonly account: AccountRow;
  readonly stageHistory: DealStageChangeRow[];
  /** The change as the outbox recorded it, in the move's own transaction. */
  readonly change: DealChange;
}

/** A deal entering another stage, as subscribers receive it. */
export interface DealStageChangedEventRow extends CommittedDealStageMove {
  readonly stage: DealStage;
  /** ISO 8601. */
  readonly changedAt: string;
}

/** What `moveDealStage` answers: the moved deal, or the mistakes that refused the move. */
export interface MoveDealStageResult {
  readonly deal: DealRow | null;
  readonly errors: ReadonlyArray<{
    readonly field: string[];
    readonly message: string;
    readonly code: string;
  }>;
}
