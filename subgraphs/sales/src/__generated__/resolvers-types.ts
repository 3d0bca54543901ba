import type { GraphQLResolveInfo } from 'graphql';
import type { DealRow, AccountRow, DealStageChangeRow, DealStageChangedEventRow, MoveDealStageResult, UserRef, DealPage, AccountPage } from '../store/rows.ts';
import type { SalesContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A customer or prospect company. */
export type Account = {
  __typename?: 'Account';
  currency: Scalars['String']['output'];
  /** The account's deals, optionally with one status, newest close date first. */
  deals: Array<Deal>;
  employees: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  industry: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Sum of open deal amounts. */
  openPipeline: Scalars['Float']['output'];
  /** The account executive. */
  owner: User;
  region: Scalars['String']['output'];
  segment: AccountSegment;
  website: Scalars['String']['output'];
  /** Sum of won deal amounts. */
  wonAmount: Scalars['Float']['output'];
};


/** A customer or prospect company. */
export type AccountDealsArgs = {
  status?: InputMaybe<DealStatus>;
};

export type AccountConnection = {
  __typename?: 'AccountConnection';
  edges: Array<AccountEdge>;
  nodes: Array<Account>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AccountEdge = {
  __typename?: 'AccountEdge';
  cursor: Scalars['String']['output'];
  node: Account;
};

/** Size class of an account. */
export type AccountSegment =
  | 'ENTERPRISE'
  | 'MID_MARKET'
  | 'SMB';

/** A sales opportunity with an account. */
export type Deal = {
  __typename?: 'Deal';
  account: Account;
  /** Annual contract value. */
  amount: Scalars['Float']['output'];
  /** Expected close date, or the actual one once closed (YYYY-MM-DD). */
  closeDate: Scalars['String']['output'];
  /** YYYY-MM-DD. */
  createdAt: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  owner: User;
  /** Chance of winning, 0 to 1, from the stage. */
  probability: Scalars['Float']['output'];
  stage: DealStage;
  /** Every stage the deal entered, oldest first. */
  stageHistory: Array<DealStageChange>;
  status: DealStatus;
  type: DealType;
  /** amount × probability. */
  weightedAmount: Scalars['Float']['output'];
};

export type DealConnection = {
  __typename?: 'DealConnection';
  edges: Array<DealEdge>;
  nodes: Array<Deal>;
  pageInfo: PageInfo;
  /** Sum of amounts matching the filter, across all pages. */
  totalAmount: Scalars['Float']['output'];
  /** Deals matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type DealEdge = {
  __typename?: 'DealEdge';
  cursor: Scalars['String']['output'];
  node: Deal;
};

/** Narrows `deals`. */
export type DealFilter = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  minAmount?: InputMaybe<Scalars['Float']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only deals whose close date falls in this period. */
  period?: InputMaybe<Scalars['String']['input']>;
  /** Matches the deal or account name; at most 200 characters. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only deals in these stages; at most 10 entries. Omitted or empty means any. */
  stages?: InputMaybe<Array<DealStage>>;
  status?: InputMaybe<DealStatus>;
  type?: InputMaybe<DealType>;
};

/** Where a deal stands in the sales process. */
export type DealStage =
  | 'CLOSED_LOST'
  | 'CLOSED_WON'
  | 'NEGOTIATION'
  | 'PROPOSAL'
  | 'PROSPECTING'
  | 'QUALIFICATION';

/** A deal entering a stage. */
export type DealStageChange = {
  __typename?: 'DealStageChange';
  /** YYYY-MM-DD. */
  enteredAt: Scalars['String']['output'];
  stage: DealStage;
};

/** A deal entering another stage. */
export type DealStageChangedEvent = {
  __typename?: 'DealStageChangedEvent';
  /** When the change was recorded (ISO 8601). */
  changedAt: Scalars['String']['output'];
  /** The deal as it is after the change. */
  deal: Deal;
  /** The stage it left. */
  previousStage: DealStage;
  /** The stage it entered. */
  stage: DealStage;
};

/** Open, won or lost. */
export type DealStatus =
  | 'LOST'
  | 'OPEN'
  | 'WON';

/** What a deal sells. */
export type DealType =
  | 'EXPANSION'
  | 'NEW_BUSINESS'
  | 'RENEWAL';

/** What `moveDealStage` did. */
export type MoveDealStagePayload = {
  __typename?: 'MoveDealStagePayload';
  /** The deal after the move; null when the move was refused. */
  deal: Maybe<Deal>;
  /** Why the move was refused; empty when it succeeded. */
  errors: Array<UserError>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Moves a deal to another stage: records it in the stage history and tells `dealStageChanged` subscribers. */
  moveDealStage: MoveDealStagePayload;
};


export type MutationMoveDealStageArgs = {
  id: Scalars['ID']['input'];
  stage: DealStage;
};

/** Where a page ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** Deals closing in a period, by stage. */
export type Pipeline = {
  __typename?: 'Pipeline';
  currency: Scalars['String']['output'];
  lostCount: Scalars['Int']['output'];
  openAmount: Scalars['Float']['output'];
  /** Open deals closing in the period. */
  openCount: Scalars['Int']['output'];
  /** The period, e.g. `2026-Q4`. */
  period: Scalars['String']['output'];
  /** Every stage in sales-process order, including the closed ones. */
  stages: Array<PipelineStage>;
  /** Won so far plus each open deal's amount × probability. */
  weightedForecast: Scalars['Float']['output'];
  /** Won ÷ (won + lost) among deals closed in the period; null when none closed. */
  winRate: Maybe<Scalars['Float']['output']>;
  wonAmount: Scalars['Float']['output'];
  wonCount: Scalars['Int']['output'];
};

/** One stage of the pipeline. */
export type PipelineStage = {
  __typename?: 'PipelineStage';
  amount: Scalars['Float']['output'];
  count: Scalars['Int']['output'];
  stage: DealStage;
  weightedAmount: Scalars['Float']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One account by id. */
  account: Maybe<Account>;
  /** Accounts, optionally matching a name, a page at a time. */
  accounts: Maybe<AccountConnection>;
  /** One deal by id. */
  deal: Maybe<Deal>;
  /** Deals matching a filter, largest first, a page at a time. */
  deals: Maybe<DealConnection>;
  /** Deals closing in a period by stage, with the weighted forecast and the win rate. */
  pipeline: Maybe<Pipeline>;
  /** The largest deals closing in a period (won or still open), largest first. */
  topDeals: Maybe<Array<Deal>>;
};


export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDealArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DealFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPipelineArgs = {
  period?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTopDealsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  period?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Every stage change from now on, in the order they happen; optionally only one owner's or account's deals. */
  dealStageChanged: DealStageChangedEvent;
};


export type SubscriptionDealStageChangedArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
};

export type User = {
  __typename?: 'User';
  /** Deals this person owns, optionally with one status, newest close date first. */
  deals: Array<Deal>;
  id: Scalars['ID']['output'];
};


export type UserDealsArgs = {
  status?: InputMaybe<DealStatus>;
};

/** A mistake the caller can fix, returned as data. */
export type UserError = {
  __typename?: 'UserError';
  code: Scalars['String']['output'];
  /** Path to the input field at fault. */
  field: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = T | Promise<T>;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Account: Account;
  Deal: Deal;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  Deal:
    ( { __typename: 'Deal' }
    & GraphQLRecursivePick<FederationTypes['Deal'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<AccountRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AccountConnection: ResolverTypeWrapper<AccountPage>;
  AccountEdge: ResolverTypeWrapper<Omit<AccountEdge, 'node'> & { node: ResolversTypes['Account'] }>;
  AccountSegment: AccountSegment;
  Deal: ResolverTypeWrapper<DealRow>;
  DealConnection: ResolverTypeWrapper<DealPage>;
  DealEdge: ResolverTypeWrapper<Omit<DealEdge, 'node'> & { node: ResolversTypes['Deal'] }>;
  DealFilter: DealFilter;
  DealStage: DealStage;
  DealStageChange: ResolverTypeWrapper<DealStageChangeRow>;
  DealStageChangedEvent: ResolverTypeWrapper<DealStageChangedEventRow>;
  DealStatus: DealStatus;
  DealType: DealType;
  MoveDealStagePayload: ResolverTypeWrapper<MoveDealStageResult>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Pipeline: ResolverTypeWrapper<Pipeline>;
  PipelineStage: ResolverTypeWrapper<PipelineStage>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserRef>;
  UserError: ResolverTypeWrapper<UserError>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: AccountRow;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  AccountConnection: AccountPage;
  AccountEdge: Omit<AccountEdge, 'node'> & { node: ResolversParentTypes['Account'] };
  Deal: DealRow;
  DealConnection: DealPage;
  DealEdge: Omit<DealEdge, 'node'> & { node: ResolversParentTypes['Deal'] };
  DealFilter: DealFilter;
  DealStageChange: DealStageChangeRow;
  DealStageChangedEvent: DealStageChangedEventRow;
  MoveDealStagePayload: MoveDealStageResult;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Pipeline: Pipeline;
  PipelineStage: PipelineStage;
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  User: UserRef;
  UserError: UserError;
};

export type AccountResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deals?: Resolver<Array<ResolversTypes['Deal']>, ParentType, ContextType, Partial<AccountDealsArgs>>;
  employees?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openPipeline?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  segment?: Resolver<ResolversTypes['AccountSegment'], ParentType, ContextType>;
  website?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  wonAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AccountConnectionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['AccountConnection'] = ResolversParentTypes['AccountConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AccountEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AccountEdgeResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['AccountEdge'] = ResolversParentTypes['AccountEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
};

export type DealResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Deal'] = ResolversParentTypes['Deal'], FederationReferenceType extends FederationReferenceTypes['Deal'] = FederationReferenceTypes['Deal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Deal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  closeDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['DealStage'], ParentType, ContextType>;
  stageHistory?: Resolver<Array<ResolversTypes['DealStageChange']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DealStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DealType'], ParentType, ContextType>;
  weightedAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type DealConnectionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['DealConnection'] = ResolversParentTypes['DealConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DealEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Deal']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DealEdgeResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['DealEdge'] = ResolversParentTypes['DealEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Deal'], ParentType, ContextType>;
};

export type DealStageChangeResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['DealStageChange'] = ResolversParentTypes['DealStageChange']> = {
  enteredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['DealStage'], ParentType, ContextType>;
};

export type DealStageChangedEventResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['DealStageChangedEvent'] = ResolversParentTypes['DealStageChangedEvent']> = {
  changedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deal?: Resolver<ResolversTypes['Deal'], ParentType, ContextType>;
  previousStage?: Resolver<ResolversTypes['DealStage'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['DealStage'], ParentType, ContextType>;
};

export type MoveDealStagePayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['MoveDealStagePayload'] = ResolversParentTypes['MoveDealStagePayload']> = {
  deal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  moveDealStage?: Resolver<ResolversTypes['MoveDealStagePayload'], ParentType, ContextType, RequireFields<MutationMoveDealStageArgs, 'id' | 'stage'>>;
};

export type PageInfoResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PipelineResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Pipeline'] = ResolversParentTypes['Pipeline']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lostCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  openCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stages?: Resolver<Array<ResolversTypes['PipelineStage']>, ParentType, ContextType>;
  weightedForecast?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  winRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  wonAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  wonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PipelineStageResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['PipelineStage'] = ResolversParentTypes['PipelineStage']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['DealStage'], ParentType, ContextType>;
  weightedAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType, RequireFields<QueryAccountArgs, 'id'>>;
  accounts?: Resolver<Maybe<ResolversTypes['AccountConnection']>, ParentType, ContextType, RequireFields<QueryAccountsArgs, 'first'>>;
  deal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType, RequireFields<QueryDealArgs, 'id'>>;
  deals?: Resolver<Maybe<ResolversTypes['DealConnection']>, ParentType, ContextType, RequireFields<QueryDealsArgs, 'first'>>;
  pipeline?: Resolver<Maybe<ResolversTypes['Pipeline']>, ParentType, ContextType, Partial<QueryPipelineArgs>>;
  topDeals?: Resolver<Maybe<Array<ResolversTypes['Deal']>>, ParentType, ContextType, RequireFields<QueryTopDealsArgs, 'limit'>>;
};

export type SubscriptionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  dealStageChanged?: SubscriptionResolver<ResolversTypes['DealStageChangedEvent'], "dealStageChanged", ParentType, ContextType, Partial<SubscriptionDealStageChangedArgs>>;
};

export type UserResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  deals?: Resolver<Array<ResolversTypes['Deal']>, ParentType, ContextType, Partial<UserDealsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = SalesContext> = {
  Account?: AccountResolvers<ContextType>;
  AccountConnection?: AccountConnectionResolvers<ContextType>;
  AccountEdge?: AccountEdgeResolvers<ContextType>;
  Deal?: DealResolvers<ContextType>;
  DealConnection?: DealConnectionResolvers<ContextType>;
  DealEdge?: DealEdgeResolvers<ContextType>;
  DealStageChange?: DealStageChangeResolvers<ContextType>;
  DealStageChangedEvent?: DealStageChangedEventResolvers<ContextType>;
  MoveDealStagePayload?: MoveDealStagePayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Pipeline?: PipelineResolvers<ContextType>;
  PipelineStage?: PipelineStageResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

