import type { GraphQLResolveInfo } from 'graphql';
import type { MemoryRow, AccountRef } from '../store.ts';
import type { IngestJobRow } from '../ingest/job-store.ts';
import type { MemoryContext } from '../context.ts';
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

export type Account = {
  __typename?: 'Account';
  id: Scalars['ID']['output'];
  /** Memories about the account that the viewer may see, newest first; `limit` is 1 to 100. */
  memories: Array<Memory>;
};


export type AccountMemoriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type CancelIngestJobPayload = {
  __typename?: 'CancelIngestJobPayload';
  errors: Array<UserError>;
  /** The job as it stands after the call; null when the viewer has no such job. */
  job: Maybe<IngestJob>;
};

export type ForgetPayload = {
  __typename?: 'ForgetPayload';
  errors: Array<UserError>;
  /** The id forgotten, when it was. */
  id: Maybe<Scalars['ID']['output']>;
};

export type IngestDocumentInput = {
  /** The account the document is about. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Words per chunk, 20 to 1,000. */
  chunkWords?: InputMaybe<Scalars['Int']['input']>;
  /** The document's text (plain text or markdown), at most 1,000,000 bytes of UTF-8 by default. */
  content: Scalars['String']['input'];
  /**
   * Words each chunk repeats from the one before, so no passage is cut in two; 0 to half of `chunkWords` (each
   * chunk starts at least half a chunk after the one before).
   */
  overlapWords?: InputMaybe<Scalars['Int']['input']>;
  /** The document's title; it is indexed with every chunk, so the document is found by its name. */
  title: Scalars['String']['input'];
  visibility?: InputMaybe<Visibility>;
};

export type IngestDocumentPayload = {
  __typename?: 'IngestDocumentPayload';
  errors: Array<UserError>;
  job: Maybe<IngestJob>;
};

/** A document being split and remembered in the background. */
export type IngestJob = {
  __typename?: 'IngestJob';
  /** Chunks handled so far, remembered or failed. */
  chunksDone: Scalars['Int']['output'];
  /** Chunks that could not be embedded (and so were not remembered). */
  chunksFailed: Scalars['Int']['output'];
  chunksTotal: Scalars['Int']['output'];
  /** ISO 8601 timestamp. */
  createdAt: Scalars['String']['output'];
  /** The id every chunk's `source.id` points at. */
  documentId: Scalars['ID']['output'];
  /** Why the job failed, when it did. */
  error: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp, once finished. */
  finishedAt: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The document's chunks remembered so far, in document order; `limit` is 1 to 100. */
  memories: Array<Memory>;
  /** From 0 to 1. */
  progress: Scalars['Float']['output'];
  status: IngestJobStatus;
  title: Scalars['String']['output'];
};


/** A document being split and remembered in the background. */
export type IngestJobMemoriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** Where an ingest job stands. */
export type IngestJobStatus =
  /** Stopped by `cancelIngestJob`; the chunks already done stay remembered, and it never resumes. */
  | 'CANCELLED'
  /** Every chunk was handled; `chunksFailed` says how many could not be embedded. */
  | 'COMPLETED'
  /** Stopped by an error; the chunks already done stay remembered. */
  | 'FAILED'
  /** Waiting to start. */
  | 'QUEUED'
  | 'RUNNING';

/** Something Sophia remembers. */
export type Memory = {
  __typename?: 'Memory';
  accessCount: Scalars['Int']['output'];
  /** ISO 8601 timestamp of the last read. */
  accessedAt: Scalars['String']['output'];
  /** The account the memory is about, when it is about one. */
  account: Maybe<Account>;
  content: Scalars['String']['output'];
  /** ISO 8601 timestamp. */
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: MemoryKind;
  owner: User;
  source: MemorySource;
  tier: MemoryTier;
  visibility: Visibility;
};

/** Narrows a memory search. */
export type MemoryFilter = {
  /** Only memories about this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these kinds; at most 10 entries. Omitted or empty means any. */
  kinds?: InputMaybe<Array<MemoryKind>>;
  /**
   * Only memories in these tiers; at most 10 entries. Omitted or empty means any. Cold memories are searched in
   * the store when asked for here, and otherwise only when the warm index finds too few.
   */
  tiers?: InputMaybe<Array<MemoryTier>>;
  /** Only these visibilities; at most 10 entries. Omitted or empty means any. */
  visibility?: InputMaybe<Array<Visibility>>;
};

/** A search result. */
export type MemoryHit = {
  __typename?: 'MemoryHit';
  memory: Memory;
  /** Relevance from 0 to 1, higher is better. */
  score: Scalars['Float']['output'];
  servedFrom: ServedFrom;
};

/** What a memory is. */
export type MemoryKind =
  | 'CONVERSATION'
  | 'DOCUMENT_CHUNK'
  | 'FACT'
  | 'NOTE';

/** Where a memory came from. */
export type MemorySource = {
  __typename?: 'MemorySource';
  /** Id of the source document, conversation or message, when there is one. */
  id: Maybe<Scalars['String']['output']>;
  /** Title of the source, when it has one. */
  title: Maybe<Scalars['String']['output']>;
  /** DOCUMENT, NOTE, CONVERSATION or USER. */
  type: Scalars['String']['output'];
};

/** Storage temperature: hot and warm memories are indexed in memory, cold ones live in the store only. */
export type MemoryTier =
  | 'COLD'
  | 'HOT'
  | 'WARM';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Stops one of the viewer's queued or running ingest jobs (an admin may stop anyone's): the job ends CANCELLED
   * and never resumes, the chunks already remembered stay. Someone else's job answers NOT_FOUND, exactly as a job
   * that does not exist; a finished one answers CONFLICT.
   */
  cancelIngestJob: CancelIngestJobPayload;
  /** Deletes one of the viewer's memories. */
  forget: ForgetPayload;
  /**
   * Splits a document into overlapping chunks and remembers each one (kind DOCUMENT_CHUNK, pointing back at the
   * document) in the background. Returns at once with a job to follow through `ingestJob` or
   * `ingestJobProgress`; the job survives a restart of the memory service and carries on where it stopped.
   * Bounded (defaults, set by the operator): 1,000,000 bytes and 5,000 chunks per document, and 3 jobs queued or
   * running per user at once; beyond them the payload's errors say BAD_USER_INPUT or RATE_LIMITED.
   */
  ingestDocument: IngestDocumentPayload;
  /** Stores a memory; returns once it is persisted. Near-duplicates of the viewer's own are merged. */
  remember: RememberPayload;
};


export type MutationCancelIngestJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationForgetArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIngestDocumentArgs = {
  input: IngestDocumentInput;
};


export type MutationRememberArgs = {
  input: RememberInput;
};

export type Query = {
  __typename?: 'Query';
  /** One of the viewer's document ingest jobs. */
  ingestJob: Maybe<IngestJob>;
  /** One memory by id, if the viewer may see it. */
  memory: Maybe<Memory>;
  /**
   * Memories relevant to a query, best first, with the tier that answered. A query made only of stop words
   * matches nothing.
   */
  searchMemories: Maybe<Array<MemoryHit>>;
};


export type QueryIngestJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMemoryArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySearchMemoriesArgs = {
  filter?: InputMaybe<MemoryFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};

export type RememberInput = {
  /** The account the memory is about. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  content: Scalars['String']['input'];
  kind?: InputMaybe<MemoryKind>;
  visibility?: InputMaybe<Visibility>;
};

export type RememberPayload = {
  __typename?: 'RememberPayload';
  errors: Array<UserError>;
  memory: Maybe<Memory>;
  /** True when the content merged into an existing near-duplicate. */
  merged: Scalars['Boolean']['output'];
};

/** Which tier answered a search: L1 cache, L2 in-process index, L3 persistent store. */
export type ServedFrom =
  | 'L1'
  | 'L2'
  | 'L3';

export type Subscription = {
  __typename?: 'Subscription';
  /** The job's state now, then every change until it has finished (COMPLETED, FAILED or CANCELLED). */
  ingestJobProgress: IngestJob;
};


export type SubscriptionIngestJobProgressArgs = {
  id: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
};

/** A mistake the caller can fix, returned as data. */
export type UserError = {
  __typename?: 'UserError';
  code: Scalars['String']['output'];
  /** Path to the input field at fault. */
  field: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

/** Who may see a memory. */
export type Visibility =
  /** Everyone in the organisation. */
  | 'ORG'
  /** The owner only. */
  | 'PRIVATE'
  /** The owner's team. */
  | 'TEAM';



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
  Memory: Memory;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  Memory:
    ( { __typename: 'Memory' }
    & GraphQLRecursivePick<FederationTypes['Memory'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<AccountRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CancelIngestJobPayload: ResolverTypeWrapper<Omit<CancelIngestJobPayload, 'job'> & { job?: Maybe<ResolversTypes['IngestJob']> }>;
  ForgetPayload: ResolverTypeWrapper<ForgetPayload>;
  IngestDocumentInput: IngestDocumentInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  IngestDocumentPayload: ResolverTypeWrapper<Omit<IngestDocumentPayload, 'job'> & { job?: Maybe<ResolversTypes['IngestJob']> }>;
  IngestJob: ResolverTypeWrapper<IngestJobRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  IngestJobStatus: IngestJobStatus;
  Memory: ResolverTypeWrapper<MemoryRow>;
  MemoryFilter: MemoryFilter;
  MemoryHit: ResolverTypeWrapper<Omit<MemoryHit, 'memory'> & { memory: ResolversTypes['Memory'] }>;
  MemoryKind: MemoryKind;
  MemorySource: ResolverTypeWrapper<MemorySource>;
  MemoryTier: MemoryTier;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RememberInput: RememberInput;
  RememberPayload: ResolverTypeWrapper<Omit<RememberPayload, 'memory'> & { memory?: Maybe<ResolversTypes['Memory']> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ServedFrom: ServedFrom;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<User>;
  UserError: ResolverTypeWrapper<UserError>;
  Visibility: Visibility;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: AccountRef;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  CancelIngestJobPayload: Omit<CancelIngestJobPayload, 'job'> & { job?: Maybe<ResolversParentTypes['IngestJob']> };
  ForgetPayload: ForgetPayload;
  IngestDocumentInput: IngestDocumentInput;
  String: Scalars['String']['output'];
  IngestDocumentPayload: Omit<IngestDocumentPayload, 'job'> & { job?: Maybe<ResolversParentTypes['IngestJob']> };
  IngestJob: IngestJobRow;
  Float: Scalars['Float']['output'];
  Memory: MemoryRow;
  MemoryFilter: MemoryFilter;
  MemoryHit: Omit<MemoryHit, 'memory'> & { memory: ResolversParentTypes['Memory'] };
  MemorySource: MemorySource;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  RememberInput: RememberInput;
  RememberPayload: Omit<RememberPayload, 'memory'> & { memory?: Maybe<ResolversParentTypes['Memory']> };
  Boolean: Scalars['Boolean']['output'];
  Subscription: Record<PropertyKey, never>;
  User: User;
  UserError: UserError;
};

export type AccountResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memories?: Resolver<Array<ResolversTypes['Memory']>, ParentType, ContextType, RequireFields<AccountMemoriesArgs, 'limit'>>;
};

export type CancelIngestJobPayloadResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['CancelIngestJobPayload'] = ResolversParentTypes['CancelIngestJobPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  job?: Resolver<Maybe<ResolversTypes['IngestJob']>, ParentType, ContextType>;
};

export type ForgetPayloadResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['ForgetPayload'] = ResolversParentTypes['ForgetPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type IngestDocumentPayloadResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['IngestDocumentPayload'] = ResolversParentTypes['IngestDocumentPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  job?: Resolver<Maybe<ResolversTypes['IngestJob']>, ParentType, ContextType>;
};

export type IngestJobResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['IngestJob'] = ResolversParentTypes['IngestJob']> = {
  chunksDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chunksFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chunksTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memories?: Resolver<Array<ResolversTypes['Memory']>, ParentType, ContextType, RequireFields<IngestJobMemoriesArgs, 'limit'>>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IngestJobStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MemoryResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['Memory'] = ResolversParentTypes['Memory'], FederationReferenceType extends FederationReferenceTypes['Memory'] = FederationReferenceTypes['Memory']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Memory']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accessCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  accessedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MemoryKind'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['MemorySource'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['MemoryTier'], ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['Visibility'], ParentType, ContextType>;
};

export type MemoryHitResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['MemoryHit'] = ResolversParentTypes['MemoryHit']> = {
  memory?: Resolver<ResolversTypes['Memory'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  servedFrom?: Resolver<ResolversTypes['ServedFrom'], ParentType, ContextType>;
};

export type MemorySourceResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['MemorySource'] = ResolversParentTypes['MemorySource']> = {
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelIngestJob?: Resolver<ResolversTypes['CancelIngestJobPayload'], ParentType, ContextType, RequireFields<MutationCancelIngestJobArgs, 'id'>>;
  forget?: Resolver<ResolversTypes['ForgetPayload'], ParentType, ContextType, RequireFields<MutationForgetArgs, 'id'>>;
  ingestDocument?: Resolver<ResolversTypes['IngestDocumentPayload'], ParentType, ContextType, RequireFields<MutationIngestDocumentArgs, 'input'>>;
  remember?: Resolver<ResolversTypes['RememberPayload'], ParentType, ContextType, RequireFields<MutationRememberArgs, 'input'>>;
};

export type QueryResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  ingestJob?: Resolver<Maybe<ResolversTypes['IngestJob']>, ParentType, ContextType, RequireFields<QueryIngestJobArgs, 'id'>>;
  memory?: Resolver<Maybe<ResolversTypes['Memory']>, ParentType, ContextType, RequireFields<QueryMemoryArgs, 'id'>>;
  searchMemories?: Resolver<Maybe<Array<ResolversTypes['MemoryHit']>>, ParentType, ContextType, RequireFields<QuerySearchMemoriesArgs, 'limit' | 'query'>>;
};

export type RememberPayloadResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['RememberPayload'] = ResolversParentTypes['RememberPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  memory?: Resolver<Maybe<ResolversTypes['Memory']>, ParentType, ContextType>;
  merged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  ingestJobProgress?: SubscriptionResolver<ResolversTypes['IngestJob'], "ingestJobProgress", ParentType, ContextType, RequireFields<SubscriptionIngestJobProgressArgs, 'id'>>;
};

export type UserResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = MemoryContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = MemoryContext> = {
  Account?: AccountResolvers<ContextType>;
  CancelIngestJobPayload?: CancelIngestJobPayloadResolvers<ContextType>;
  ForgetPayload?: ForgetPayloadResolvers<ContextType>;
  IngestDocumentPayload?: IngestDocumentPayloadResolvers<ContextType>;
  IngestJob?: IngestJobResolvers<ContextType>;
  Memory?: MemoryResolvers<ContextType>;
  MemoryHit?: MemoryHitResolvers<ContextType>;
  MemorySource?: MemorySourceResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RememberPayload?: RememberPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

