import type { GraphQLResolveInfo } from 'graphql';
import type { MetricRow } from '../store.ts';
import type { KpiCardModel } from '../kpi-cards.ts';
import type { KpiContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** Time step of a series. */
export type Grain =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'WEEK';

/** A headline number for a period, compared with the period before and with its target. */
export type KpiCard = {
  __typename?: 'KpiCard';
  /**
   * Relative change against the previous period (0.12 = +12%); null when there is nothing to compare. While the
   * period runs, a flow is compared with the previous value pro rata of the days elapsed, like its target.
   */
  change: Maybe<Scalars['Float']['output']>;
  metric: Metric;
  /** True while the period is still running; flows then cover the days so far. */
  partial: Scalars['Boolean']['output'];
  /** The period the card shows, e.g. `2026-Q3`. */
  period: Scalars['String']['output'];
  /** The period compared against, e.g. `2026-Q2`. */
  previousPeriod: Scalars['String']['output'];
  /** The metric over the whole previous period. */
  previousValue: Maybe<Scalars['Float']['output']>;
  /**
   * The metric's last twelve values at the card's grain, oldest first, ending with this period (with today while
   * it runs): months for a quarter or month card, quarters for a year card. Steps without data are left out.
   */
  sparkline: Array<Scalars['Float']['output']>;
  status: KpiStatus;
  /** The target set for the whole period; null when none is set. */
  target: Maybe<Scalars['Float']['output']>;
  /** The metric over the period (so far, while it runs); null when no data covers it. */
  value: Maybe<Scalars['Float']['output']>;
};

/** How a metric stands against its target. */
export type KpiStatus =
  /** Within 5% of target. */
  | 'AT_RISK'
  /** No target set for the period, or no value yet to judge against it. */
  | 'NO_TARGET'
  /** More than 5% short of target. */
  | 'OFF_TRACK'
  /** At or better than target (pro rata for a running period). */
  | 'ON_TRACK';

/** A company KPI. */
export type Metric = {
  __typename?: 'Metric';
  aggregation: MetricAggregation;
  category: MetricCategory;
  /** Currency of CURRENCY metrics; null otherwise. */
  currency: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  /** Whether a larger value is better (false for burn, churn, CAC). */
  higherIsBetter: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /**
   * Values from `from` to `to` (dates YYYY-MM-DD or periods: a period's first day for `from`, its last for `to`)
   * at a grain, oldest first, at most 800 points. Default: `to` today, `from` the first day of the twelfth month
   * back, i.e. the last twelve months. The first and last steps are clipped to the range; weeks are ISO weeks.
   */
  series: Array<MetricPoint>;
  /** Target for a period (omitted: the current quarter); null when none is set. */
  target: Maybe<Scalars['Float']['output']>;
  unit: MetricUnit;
  /** Value over a period (omitted: the current quarter); null when no data covers it. */
  value: Maybe<Scalars['Float']['output']>;
};


/** A company KPI. */
export type MetricSeriesArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  grain?: InputMaybe<Grain>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/** A company KPI. */
export type MetricTargetArgs = {
  period?: InputMaybe<Scalars['String']['input']>;
};


/** A company KPI. */
export type MetricValueArgs = {
  period?: InputMaybe<Scalars['String']['input']>;
};

/** How values combine over time. */
export type MetricAggregation =
  /** Summed over the period (revenue, bookings). */
  | 'FLOW'
  /** Recomputed from its parts over the period (margin, churn, NRR). */
  | 'RATIO'
  /** Taken at the end of the period (ARR, cash, headcount). */
  | 'STOCK';

export type MetricCategory =
  | 'CUSTOMERS'
  | 'FINANCE'
  | 'PEOPLE'
  | 'SALES';

/** One value of a series. */
export type MetricPoint = {
  __typename?: 'MetricPoint';
  /** Last day, YYYY-MM-DD. */
  end: Scalars['String']['output'];
  /** Label of the step: `2026-11-24`, `2026-W48`, `2026-11`, `2026-Q4`. */
  period: Scalars['String']['output'];
  /** First day, YYYY-MM-DD. */
  start: Scalars['String']['output'];
  /** The metric over the step; null when no data covers it. */
  value: Maybe<Scalars['Float']['output']>;
};

export type MetricUnit =
  | 'COUNT'
  | 'CURRENCY'
  | 'MONTHS'
  | 'PERCENT'
  | 'RATIO'
  | 'SCORE';

export type Query = {
  __typename?: 'Query';
  /** Headline cards for a period (`2026-Q3`, `2026-11`, `2026`, `Q3`; omitted: the current quarter). */
  kpiCards: Maybe<Array<KpiCard>>;
  /** One metric by id, e.g. `revenue`, `arr`, `nrr`. */
  metric: Maybe<Metric>;
  /** Every metric, optionally of one category. */
  metrics: Maybe<Array<Metric>>;
};


export type QueryKpiCardsArgs = {
  period?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMetricArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMetricsArgs = {
  category?: InputMaybe<MetricCategory>;
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
  Metric: Metric;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Metric:
    ( { __typename: 'Metric' }
    & GraphQLRecursivePick<FederationTypes['Metric'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Grain: Grain;
  KpiCard: ResolverTypeWrapper<KpiCardModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  KpiStatus: KpiStatus;
  Metric: ResolverTypeWrapper<MetricRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  MetricAggregation: MetricAggregation;
  MetricCategory: MetricCategory;
  MetricPoint: ResolverTypeWrapper<MetricPoint>;
  MetricUnit: MetricUnit;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  KpiCard: KpiCardModel;
  Float: Scalars['Float']['output'];
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  Metric: MetricRow;
  ID: Scalars['ID']['output'];
  MetricPoint: MetricPoint;
  Query: Record<PropertyKey, never>;
};

export type KpiCardResolvers<ContextType = KpiContext, ParentType extends ResolversParentTypes['KpiCard'] = ResolversParentTypes['KpiCard']> = {
  change?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  partial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousPeriod?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sparkline?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['KpiStatus'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MetricResolvers<ContextType = KpiContext, ParentType extends ResolversParentTypes['Metric'] = ResolversParentTypes['Metric'], FederationReferenceType extends FederationReferenceTypes['Metric'] = FederationReferenceTypes['Metric']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Metric']> | FederationReferenceType, FederationReferenceType, ContextType>;
  aggregation?: Resolver<ResolversTypes['MetricAggregation'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['MetricCategory'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  higherIsBetter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['MetricPoint']>, ParentType, ContextType, RequireFields<MetricSeriesArgs, 'grain'>>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<MetricTargetArgs>>;
  unit?: Resolver<ResolversTypes['MetricUnit'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<MetricValueArgs>>;
};

export type MetricPointResolvers<ContextType = KpiContext, ParentType extends ResolversParentTypes['MetricPoint'] = ResolversParentTypes['MetricPoint']> = {
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = KpiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  kpiCards?: Resolver<Maybe<Array<ResolversTypes['KpiCard']>>, ParentType, ContextType, Partial<QueryKpiCardsArgs>>;
  metric?: Resolver<Maybe<ResolversTypes['Metric']>, ParentType, ContextType, RequireFields<QueryMetricArgs, 'id'>>;
  metrics?: Resolver<Maybe<Array<ResolversTypes['Metric']>>, ParentType, ContextType, Partial<QueryMetricsArgs>>;
};

export type Resolvers<ContextType = KpiContext> = {
  KpiCard?: KpiCardResolvers<ContextType>;
  Metric?: MetricResolvers<ContextType>;
  MetricPoint?: MetricPointResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

