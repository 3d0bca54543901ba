import type { GraphQLResolveInfo } from 'graphql';
import type { UserRow, TeamRow, ProjectRow, MilestoneRow, ObjectiveRow, KeyResultRow } from '../store-rows.ts';
import type { ApiKeyRow } from '../store/api-keys-store.ts';
import type { ProjectContext } from '../context.ts';
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

/** A key for tools and agents, as the API shows it: never the secret or its hash. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** When the key stops working (ISO 8601). */
  expiresAt: Scalars['String']['output'];
  /** The key's public id; its secret starts with `prefix`. */
  id: Scalars['ID']['output'];
  /** When a gateway last accepted the key (ISO 8601, recorded at most once a minute); null if never. */
  lastUsedAt: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** The admin who created the key: it acts as this person, limited to its scopes. */
  owner: Maybe<User>;
  /** The start of the key's secret (`sk_sophia_<id>_`), to recognise it in a tool's settings or a log. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked (ISO 8601); null while it is not. */
  revokedAt: Maybe<Scalars['String']['output']>;
  /** What the key may do (see CreateApiKeyInput.scopes). */
  scopes: Array<Scalars['String']['output']>;
};

/** What a new API key is called, what it may do and when it stops working. */
export type CreateApiKeyInput = {
  /** When the key stops working (ISO 8601), at most 365 days ahead; default 90 days from now. */
  expiresAt?: InputMaybe<Scalars['String']['input']>;
  /** A name saying who uses the key, 1 to 100 characters (e.g. `CRM sync`). */
  name: Scalars['String']['input'];
  /**
   * What the key may do: `kpi:read`, `sales:read`, `sales:write`, `memory:read`, `memory:write`,
   * `project:read`, `chat`, and `sophia:arbitrary-operations` (operations outside the registered ones).
   */
  scopes: Array<Scalars['String']['input']>;
};

export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  apiKey: Maybe<ApiKey>;
  errors: Array<UserError>;
  /** The key's secret, shown this once: store it now. Send it as `Authorization: Bearer <secret>`. */
  secret: Maybe<Scalars['String']['output']>;
};

/** A measurable result of an objective. */
export type KeyResult = {
  __typename?: 'KeyResult';
  /** Latest value; for results tied to a metric, the metric's value for the objective's quarter. */
  currentValue: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  /** The KPI this result tracks, when it tracks one. */
  metric: Maybe<Metric>;
  /** Share of the way from start to target, 0 to 1. */
  progress: Scalars['Float']['output'];
  startValue: Scalars['Float']['output'];
  status: OkrStatus;
  targetValue: Scalars['Float']['output'];
  title: Scalars['String']['output'];
  /** Unit of the values, e.g. CURRENCY, PERCENT, COUNT. */
  unit: Scalars['String']['output'];
};

export type Metric = {
  __typename?: 'Metric';
  id: Scalars['ID']['output'];
};

/** A dated step of a project. */
export type Milestone = {
  __typename?: 'Milestone';
  /** When it was completed, YYYY-MM-DD; null while open. */
  completedAt: Maybe<Scalars['String']['output']>;
  /** Due date, YYYY-MM-DD. */
  dueDate: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  status: MilestoneStatus;
};

/** State of a milestone as of today. */
export type MilestoneStatus =
  | 'DONE'
  | 'OVERDUE'
  | 'UPCOMING';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Creates an API key for a tool or an agent; admins only (FORBIDDEN otherwise). The key acts as its creator,
   * limited to its scopes, until it expires or is revoked. The secret comes back in this payload once and is
   * never shown again: only a hash of it is stored. Bounded: a name of 1 to 100 characters, scopes from
   * CreateApiKeyInput.scopes (each once), an expiry at most 365 days ahead (default 90 days), and 20 active keys per
   * admin; beyond them the payload's errors say BAD_USER_INPUT or CONFLICT.
   */
  createApiKey: CreateApiKeyPayload;
  /**
   * Revokes an API key at once, on every gateway; admins only. Revoking a revoked key changes nothing; an
   * unknown id answers NOT_FOUND in the payload's errors.
   */
  revokeApiKey: RevokeApiKeyPayload;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};

/** A quarterly objective (OKR) with measurable key results. */
export type Objective = {
  __typename?: 'Objective';
  id: Scalars['ID']['output'];
  keyResults: Array<KeyResult>;
  owner: User;
  /** Quarter, e.g. `2026-Q3`. */
  period: Scalars['String']['output'];
  /** Mean progress of the key results, 0 to 1. */
  progress: Scalars['Float']['output'];
  status: OkrStatus;
  team: Maybe<Team>;
  title: Scalars['String']['output'];
};

/** Progress of an objective or key result against where it should be by now. */
export type OkrStatus =
  | 'ACHIEVED'
  | 'AT_RISK'
  | 'OFF_TRACK'
  | 'ON_TRACK';

/** A project with an owner, dates and milestones. */
export type Project = {
  __typename?: 'Project';
  description: Scalars['String']['output'];
  /** Due date, YYYY-MM-DD. */
  dueDate: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  milestones: Array<Milestone>;
  name: Scalars['String']['output'];
  owner: User;
  /** Share of the work done, 0 to 1. */
  progress: Scalars['Float']['output'];
  /** Start date, YYYY-MM-DD. */
  startDate: Scalars['String']['output'];
  status: ProjectStatus;
  team: Maybe<Team>;
};

/** Health of a project. */
export type ProjectStatus =
  | 'AT_RISK'
  | 'COMPLETED'
  | 'NOT_STARTED'
  | 'OFF_TRACK'
  | 'ON_TRACK';

export type Query = {
  __typename?: 'Query';
  /**
   * The organisation's API keys, newest first, at most 500; never their secrets. Admins only (FORBIDDEN
   * otherwise). Revoked and expired keys only with `includeInactive: true`.
   */
  apiKeys: Maybe<Array<ApiKey>>;
  /** Projects at risk or off track, the most urgent first. */
  atRisk: Maybe<Array<Project>>;
  /** The signed-in user. */
  me: Maybe<User>;
  /** Objectives (OKRs) of a period: `2026-Q3`, `Q3` (this year), or omitted for the current quarter. */
  objectives: Maybe<Array<Objective>>;
  /** One project by id. */
  project: Maybe<Project>;
  /** Projects, optionally with one status; at-risk and off-track first, then by due date. */
  projects: Maybe<Array<Project>>;
  /** All teams. */
  teams: Maybe<Array<Team>>;
  /** One person by id. */
  user: Maybe<User>;
  /** People in the directory, optionally in one team or matching a name, email or title. */
  users: Maybe<Array<User>>;
};


export type QueryApiKeysArgs = {
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryObjectivesArgs = {
  period?: InputMaybe<Scalars['String']['input']>;
};


export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectsArgs = {
  status?: InputMaybe<ProjectStatus>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** The key as it stands after the call; null when there is no such key. */
  apiKey: Maybe<ApiKey>;
  errors: Array<UserError>;
};

/** A team in the organisation. */
export type Team = {
  __typename?: 'Team';
  id: Scalars['ID']['output'];
  /** The team's lead. */
  lead: Maybe<User>;
  /** People in the team. */
  members: Array<User>;
  name: Scalars['String']['output'];
  /** The team this one belongs to, if any. */
  parent: Maybe<Team>;
  /** Projects the team runs. */
  projects: Array<Project>;
};

/** A person in the organisation's directory. */
export type User = {
  __typename?: 'User';
  /** Work email, unique. */
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The person's manager; null for the chief executive. */
  manager: Maybe<User>;
  /** Full name. */
  name: Scalars['String']['output'];
  /** Projects this person owns. */
  ownedProjects: Array<Project>;
  /** People who report directly to this person. */
  reports: Array<User>;
  /** Seniority in the organisation. */
  role: UserRole;
  /** The team the person belongs to. */
  team: Maybe<Team>;
  /** Job title. */
  title: Scalars['String']['output'];
};

/** A mistake the caller can fix, returned as data. */
export type UserError = {
  __typename?: 'UserError';
  code: Scalars['String']['output'];
  /** Path to the input field at fault. */
  field: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

/** Seniority of a person. */
export type UserRole =
  | 'EXECUTIVE'
  | 'MANAGER'
  | 'MEMBER';



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
  Objective: Objective;
  Project: Project;
  Team: Team;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Objective:
    ( { __typename: 'Objective' }
    & GraphQLRecursivePick<FederationTypes['Objective'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
  Team:
    ( { __typename: 'Team' }
    & GraphQLRecursivePick<FederationTypes['Team'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiKey: ResolverTypeWrapper<ApiKeyRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  KeyResult: ResolverTypeWrapper<KeyResultRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Metric: ResolverTypeWrapper<Metric>;
  Milestone: ResolverTypeWrapper<MilestoneRow>;
  MilestoneStatus: MilestoneStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Objective: ResolverTypeWrapper<ObjectiveRow>;
  OkrStatus: OkrStatus;
  Project: ResolverTypeWrapper<ProjectRow>;
  ProjectStatus: ProjectStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  RevokeApiKeyPayload: ResolverTypeWrapper<Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  Team: ResolverTypeWrapper<TeamRow>;
  User: ResolverTypeWrapper<UserRow>;
  UserError: ResolverTypeWrapper<UserError>;
  UserRole: UserRole;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiKey: ApiKeyRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  KeyResult: KeyResultRow;
  Float: Scalars['Float']['output'];
  Metric: Metric;
  Milestone: MilestoneRow;
  Mutation: Record<PropertyKey, never>;
  Objective: ObjectiveRow;
  Project: ProjectRow;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  RevokeApiKeyPayload: Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  Team: TeamRow;
  User: UserRow;
  UserError: UserError;
};

export type ApiKeyResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreateApiKeyPayloadResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type KeyResultResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['KeyResult'] = ResolversParentTypes['KeyResult']> = {
  currentValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metric?: Resolver<Maybe<ResolversTypes['Metric']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  startValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OkrStatus'], ParentType, ContextType>;
  targetValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MetricResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['Metric'] = ResolversParentTypes['Metric']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MilestoneResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MilestoneStatus'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['RevokeApiKeyPayload'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
};

export type ObjectiveResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['Objective'] = ResolversParentTypes['Objective'], FederationReferenceType extends FederationReferenceTypes['Objective'] = FederationReferenceTypes['Objective']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Objective']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keyResults?: Resolver<Array<ResolversTypes['KeyResult']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OkrStatus'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  milestones?: Resolver<Array<ResolversTypes['Milestone']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProjectStatus'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeys?: Resolver<Maybe<Array<ResolversTypes['ApiKey']>>, ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'includeInactive'>>;
  atRisk?: Resolver<Maybe<Array<ResolversTypes['Project']>>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  objectives?: Resolver<Maybe<Array<ResolversTypes['Objective']>>, ParentType, ContextType, Partial<QueryObjectivesArgs>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projects?: Resolver<Maybe<Array<ResolversTypes['Project']>>, ParentType, ContextType, Partial<QueryProjectsArgs>>;
  teams?: Resolver<Maybe<Array<ResolversTypes['Team']>>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<Maybe<Array<ResolversTypes['User']>>, ParentType, ContextType, Partial<QueryUsersArgs>>;
};

export type RevokeApiKeyPayloadResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['RevokeApiKeyPayload'] = ResolversParentTypes['RevokeApiKeyPayload']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TeamResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team'], FederationReferenceType extends FederationReferenceTypes['Team'] = FederationReferenceTypes['Team']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Team']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lead?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  manager?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownedProjects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['UserRole'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = ProjectContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ProjectContext> = {
  ApiKey?: ApiKeyResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  KeyResult?: KeyResultResolvers<ContextType>;
  Metric?: MetricResolvers<ContextType>;
  Milestone?: MilestoneResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Objective?: ObjectiveResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RevokeApiKeyPayload?: RevokeApiKeyPayloadResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

