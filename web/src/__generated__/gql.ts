/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CitationFields on Citation {\n    __typename\n    ... on Memory {\n      id\n      content\n      kind\n      source {\n        title\n      }\n    }\n    ... on Deal {\n      id\n      name\n      amount\n      currency\n      stage\n      closeDate\n      account {\n        id\n        name\n      }\n    }\n    ... on Account {\n      id\n      name\n      industry\n      openPipeline\n      accountCurrency: currency\n    }\n    ... on Metric {\n      id\n      name\n      unit\n      metricCurrency: currency\n      description\n      value\n    }\n    ... on Objective {\n      id\n      title\n      period\n      progress\n      objectiveStatus: status\n    }\n    ... on Project {\n      id\n      name\n      status\n      progress\n      dueDate\n    }\n  }\n": typeof types.CitationFieldsFragmentDoc,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        id\n        title\n      }\n      userMessage {\n        id\n      }\n      reply {\n        id\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  query Conversations {\n    conversations(first: 30) {\n      id\n      title\n      updatedAt\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messages {\n        id\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  subscription ReplyStream($messageId: ID!, $after: Int) {\n    replyStream(messageId: $messageId, after: $after) {\n      seq\n      type\n      delta\n      toolCall {\n        id\n        server\n        name\n        ok\n        errorCode\n        durationMs\n      }\n      citation {\n        ...CitationFields\n      }\n      error {\n        code\n        message\n      }\n      message {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ReplyStreamDocument,
    "\n  fragment MessageFields on Message {\n    id\n    role\n    content\n    status\n    createdAt\n    citations {\n      ...CitationFields\n    }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment IngestJobFields on IngestJob {\n    id\n    title\n    status\n    chunksTotal\n    chunksDone\n    chunksFailed\n    progress\n    error\n  }\n": typeof types.IngestJobFieldsFragmentDoc,
    "\n  mutation IngestDocument($input: IngestDocumentInput!) {\n    ingestDocument(input: $input) {\n      job {\n        id\n        ...IngestJobFields\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.IngestDocumentDocument,
    "\n  subscription IngestJobProgress($id: ID!) {\n    ingestJobProgress(id: $id) {\n      id\n      ...IngestJobFields\n    }\n  }\n": typeof types.IngestJobProgressDocument,
    "\n  fragment MemoryHitFields on MemoryHit {\n    score\n    servedFrom\n    memory {\n      id\n      content\n      kind\n      tier\n      visibility\n      createdAt\n      source {\n        type\n        title\n      }\n      owner {\n        id\n        name\n      }\n      account {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MemoryHitFieldsFragmentDoc,
    "\n  query SearchMemories($query: String!, $limit: Int) {\n    searchMemories(query: $query, limit: $limit) {\n      memory {\n        id\n      }\n      ...MemoryHitFields\n    }\n  }\n": typeof types.SearchMemoriesDocument,
    "\n  mutation RememberNote($input: RememberInput!) {\n    remember(input: $input) {\n      merged\n      memory {\n        id\n        content\n        visibility\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RememberNoteDocument,
    "\n  fragment KpiCardFields on KpiCard {\n    period\n    previousPeriod\n    value\n    previousValue\n    change\n    target\n    status\n    sparkline\n    partial\n    metric {\n      id\n      name\n      unit\n      currency\n      higherIsBetter\n    }\n  }\n": typeof types.KpiCardFieldsFragmentDoc,
    "\n  query MetricSeries($id: ID!, $from: String) {\n    metric(id: $id) {\n      id\n      name\n      unit\n      currency\n      series(from: $from, grain: MONTH) {\n        period\n        value\n      }\n    }\n  }\n": typeof types.MetricSeriesDocument,
    "\n  query Overview($period: String) {\n    kpiCards(period: $period) {\n      period\n      metric {\n        id\n        name\n      }\n      ...KpiCardFields\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  fragment ObjectiveCardFields on Objective {\n    id\n    title\n    period\n    progress\n    status\n    owner {\n      id\n      name\n      title\n    }\n    team {\n      id\n      name\n    }\n    keyResults {\n      id\n      title\n      unit\n      startValue\n      currentValue\n      targetValue\n      progress\n      status\n      metric {\n        id\n        currency\n      }\n    }\n  }\n": typeof types.ObjectiveCardFieldsFragmentDoc,
    "\n  fragment ProjectRowFields on Project {\n    id\n    name\n    status\n    progress\n    dueDate\n    owner {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n  }\n": typeof types.ProjectRowFieldsFragmentDoc,
    "\n  query ProjectsOkrs($period: String) {\n    objectives(period: $period) {\n      id\n      period\n      ...ObjectiveCardFields\n    }\n    projects {\n      id\n      status\n      ...ProjectRowFields\n    }\n  }\n": typeof types.ProjectsOkrsDocument,
    "\n  fragment DealRowFields on Deal {\n    id\n    name\n    amount\n    currency\n    stage\n    probability\n    closeDate\n    account {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.DealRowFieldsFragmentDoc,
    "\n  query DealsPage($filter: DealFilter, $first: Int, $after: String) {\n    deals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        currency\n        ...DealRowFields\n      }\n    }\n  }\n": typeof types.DealsPageDocument,
    "\n  fragment ForecastSummaryFields on Pipeline {\n    period\n    currency\n    openCount\n    openAmount\n    weightedForecast\n    wonCount\n    wonAmount\n    lostCount\n    winRate\n  }\n": typeof types.ForecastSummaryFieldsFragmentDoc,
    "\n  fragment PipelineChartFields on Pipeline {\n    currency\n    stages {\n      stage\n      count\n      amount\n      weightedAmount\n    }\n  }\n": typeof types.PipelineChartFieldsFragmentDoc,
    "\n  query SalesOverview($period: String) {\n    pipeline(period: $period) {\n      period\n      ...ForecastSummaryFields\n      ...PipelineChartFields\n    }\n  }\n": typeof types.SalesOverviewDocument,
};
const documents: Documents = {
    "\n  fragment CitationFields on Citation {\n    __typename\n    ... on Memory {\n      id\n      content\n      kind\n      source {\n        title\n      }\n    }\n    ... on Deal {\n      id\n      name\n      amount\n      currency\n      stage\n      closeDate\n      account {\n        id\n        name\n      }\n    }\n    ... on Account {\n      id\n      name\n      industry\n      openPipeline\n      accountCurrency: currency\n    }\n    ... on Metric {\n      id\n      name\n      unit\n      metricCurrency: currency\n      description\n      value\n    }\n    ... on Objective {\n      id\n      title\n      period\n      progress\n      objectiveStatus: status\n    }\n    ... on Project {\n      id\n      name\n      status\n      progress\n      dueDate\n    }\n  }\n": types.CitationFieldsFragmentDoc,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        id\n        title\n      }\n      userMessage {\n        id\n      }\n      reply {\n        id\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  query Conversations {\n    conversations(first: 30) {\n      id\n      title\n      updatedAt\n    }\n  }\n": types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messages {\n        id\n        ...MessageFields\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  subscription ReplyStream($messageId: ID!, $after: Int) {\n    replyStream(messageId: $messageId, after: $after) {\n      seq\n      type\n      delta\n      toolCall {\n        id\n        server\n        name\n        ok\n        errorCode\n        durationMs\n      }\n      citation {\n        ...CitationFields\n      }\n      error {\n        code\n        message\n      }\n      message {\n        id\n        status\n      }\n    }\n  }\n": types.ReplyStreamDocument,
    "\n  fragment MessageFields on Message {\n    id\n    role\n    content\n    status\n    createdAt\n    citations {\n      ...CitationFields\n    }\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment IngestJobFields on IngestJob {\n    id\n    title\n    status\n    chunksTotal\n    chunksDone\n    chunksFailed\n    progress\n    error\n  }\n": types.IngestJobFieldsFragmentDoc,
    "\n  mutation IngestDocument($input: IngestDocumentInput!) {\n    ingestDocument(input: $input) {\n      job {\n        id\n        ...IngestJobFields\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.IngestDocumentDocument,
    "\n  subscription IngestJobProgress($id: ID!) {\n    ingestJobProgress(id: $id) {\n      id\n      ...IngestJobFields\n    }\n  }\n": types.IngestJobProgressDocument,
    "\n  fragment MemoryHitFields on MemoryHit {\n    score\n    servedFrom\n    memory {\n      id\n      content\n      kind\n      tier\n      visibility\n      createdAt\n      source {\n        type\n        title\n      }\n      owner {\n        id\n        name\n      }\n      account {\n        id\n        name\n      }\n    }\n  }\n": types.MemoryHitFieldsFragmentDoc,
    "\n  query SearchMemories($query: String!, $limit: Int) {\n    searchMemories(query: $query, limit: $limit) {\n      memory {\n        id\n      }\n      ...MemoryHitFields\n    }\n  }\n": types.SearchMemoriesDocument,
    "\n  mutation RememberNote($input: RememberInput!) {\n    remember(input: $input) {\n      merged\n      memory {\n        id\n        content\n        visibility\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RememberNoteDocument,
    "\n  fragment KpiCardFields on KpiCard {\n    period\n    previousPeriod\n    value\n    previousValue\n    change\n    target\n    status\n    sparkline\n    partial\n    metric {\n      id\n      name\n      unit\n      currency\n      higherIsBetter\n    }\n  }\n": types.KpiCardFieldsFragmentDoc,
    "\n  query MetricSeries($id: ID!, $from: String) {\n    metric(id: $id) {\n      id\n      name\n      unit\n      currency\n      series(from: $from, grain: MONTH) {\n        period\n        value\n      }\n    }\n  }\n": types.MetricSeriesDocument,
    "\n  query Overview($period: String) {\n    kpiCards(period: $period) {\n      period\n      metric {\n        id\n        name\n      }\n      ...KpiCardFields\n    }\n  }\n": types.OverviewDocument,
    "\n  fragment ObjectiveCardFields on Objective {\n    id\n    title\n    period\n    progress\n    status\n    owner {\n      id\n      name\n      title\n    }\n    team {\n      id\n      name\n    }\n    keyResults {\n      id\n      title\n      unit\n      startValue\n      currentValue\n      targetValue\n      progress\n      status\n      metric {\n        id\n        currency\n      }\n    }\n  }\n": types.ObjectiveCardFieldsFragmentDoc,
    "\n  fragment ProjectRowFields on Project {\n    id\n    name\n    status\n    progress\n    dueDate\n    owner {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n  }\n": types.ProjectRowFieldsFragmentDoc,
    "\n  query ProjectsOkrs($period: String) {\n    objectives(period: $period) {\n      id\n      period\n      ...ObjectiveCardFields\n    }\n    projects {\n      id\n      status\n      ...ProjectRowFields\n    }\n  }\n": types.ProjectsOkrsDocument,
    "\n  fragment DealRowFields on Deal {\n    id\n    name\n    amount\n    currency\n    stage\n    probability\n    closeDate\n    account {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n": types.DealRowFieldsFragmentDoc,
    "\n  query DealsPage($filter: DealFilter, $first: Int, $after: String) {\n    deals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        currency\n        ...DealRowFields\n      }\n    }\n  }\n": types.DealsPageDocument,
    "\n  fragment ForecastSummaryFields on Pipeline {\n    period\n    currency\n    openCount\n    openAmount\n    weightedForecast\n    wonCount\n    wonAmount\n    lostCount\n    winRate\n  }\n": types.ForecastSummaryFieldsFragmentDoc,
    "\n  fragment PipelineChartFields on Pipeline {\n    currency\n    stages {\n      stage\n      count\n      amount\n      weightedAmount\n    }\n  }\n": types.PipelineChartFieldsFragmentDoc,
    "\n  query SalesOverview($period: String) {\n    pipeline(period: $period) {\n      period\n      ...ForecastSummaryFields\n      ...PipelineChartFields\n    }\n  }\n": types.SalesOverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitationFields on Citation {\n    __typename\n    ... on Memory {\n      id\n      content\n      kind\n      source {\n        title\n      }\n    }\n    ... on Deal {\n      id\n      name\n      amount\n      currency\n      stage\n      closeDate\n      account {\n        id\n        name\n      }\n    }\n    ... on Account {\n      id\n      name\n      industry\n      openPipeline\n      accountCurrency: currency\n    }\n    ... on Metric {\n      id\n      name\n      unit\n      metricCurrency: currency\n      description\n      value\n    }\n    ... on Objective {\n      id\n      title\n      period\n      progress\n      objectiveStatus: status\n    }\n    ... on Project {\n      id\n      name\n      status\n      progress\n      dueDate\n    }\n  }\n"): (typeof documents)["\n  fragment CitationFields on Citation {\n    __typename\n    ... on Memory {\n      id\n      content\n      kind\n      source {\n        title\n      }\n    }\n    ... on Deal {\n      id\n      name\n      amount\n      currency\n      stage\n      closeDate\n      account {\n        id\n        name\n      }\n    }\n    ... on Account {\n      id\n      name\n      industry\n      openPipeline\n      accountCurrency: currency\n    }\n    ... on Metric {\n      id\n      name\n      unit\n      metricCurrency: currency\n      description\n      value\n    }\n    ... on Objective {\n      id\n      title\n      period\n      progress\n      objectiveStatus: status\n    }\n    ... on Project {\n      id\n      name\n      status\n      progress\n      dueDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        id\n        title\n      }\n      userMessage {\n        id\n      }\n      reply {\n        id\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        id\n        title\n      }\n      userMessage {\n        id\n      }\n      reply {\n        id\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations {\n    conversations(first: 30) {\n      id\n      title\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query Conversations {\n    conversations(first: 30) {\n      id\n      title\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messages {\n        id\n        ...MessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messages {\n        id\n        ...MessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReplyStream($messageId: ID!, $after: Int) {\n    replyStream(messageId: $messageId, after: $after) {\n      seq\n      type\n      delta\n      toolCall {\n        id\n        server\n        name\n        ok\n        errorCode\n        durationMs\n      }\n      citation {\n        ...CitationFields\n      }\n      error {\n        code\n        message\n      }\n      message {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReplyStream($messageId: ID!, $after: Int) {\n    replyStream(messageId: $messageId, after: $after) {\n      seq\n      type\n      delta\n      toolCall {\n        id\n        server\n        name\n        ok\n        errorCode\n        durationMs\n      }\n      citation {\n        ...CitationFields\n      }\n      error {\n        code\n        message\n      }\n      message {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    role\n    content\n    status\n    createdAt\n    citations {\n      ...CitationFields\n    }\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    role\n    content\n    status\n    createdAt\n    citations {\n      ...CitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IngestJobFields on IngestJob {\n    id\n    title\n    status\n    chunksTotal\n    chunksDone\n    chunksFailed\n    progress\n    error\n  }\n"): (typeof documents)["\n  fragment IngestJobFields on IngestJob {\n    id\n    title\n    status\n    chunksTotal\n    chunksDone\n    chunksFailed\n    progress\n    error\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IngestDocument($input: IngestDocumentInput!) {\n    ingestDocument(input: $input) {\n      job {\n        id\n        ...IngestJobFields\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IngestDocument($input: IngestDocumentInput!) {\n    ingestDocument(input: $input) {\n      job {\n        id\n        ...IngestJobFields\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IngestJobProgress($id: ID!) {\n    ingestJobProgress(id: $id) {\n      id\n      ...IngestJobFields\n    }\n  }\n"): (typeof documents)["\n  subscription IngestJobProgress($id: ID!) {\n    ingestJobProgress(id: $id) {\n      id\n      ...IngestJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemoryHitFields on MemoryHit {\n    score\n    servedFrom\n    memory {\n      id\n      content\n      kind\n      tier\n      visibility\n      createdAt\n      source {\n        type\n        title\n      }\n      owner {\n        id\n        name\n      }\n      account {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MemoryHitFields on MemoryHit {\n    score\n    servedFrom\n    memory {\n      id\n      content\n      kind\n      tier\n      visibility\n      createdAt\n      source {\n        type\n        title\n      }\n      owner {\n        id\n        name\n      }\n      account {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchMemories($query: String!, $limit: Int) {\n    searchMemories(query: $query, limit: $limit) {\n      memory {\n        id\n      }\n      ...MemoryHitFields\n    }\n  }\n"): (typeof documents)["\n  query SearchMemories($query: String!, $limit: Int) {\n    searchMemories(query: $query, limit: $limit) {\n      memory {\n        id\n      }\n      ...MemoryHitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RememberNote($input: RememberInput!) {\n    remember(input: $input) {\n      merged\n      memory {\n        id\n        content\n        visibility\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RememberNote($input: RememberInput!) {\n    remember(input: $input) {\n      merged\n      memory {\n        id\n        content\n        visibility\n      }\n      errors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiCardFields on KpiCard {\n    period\n    previousPeriod\n    value\n    previousValue\n    change\n    target\n    status\n    sparkline\n    partial\n    metric {\n      id\n      name\n      unit\n      currency\n      higherIsBetter\n    }\n  }\n"): (typeof documents)["\n  fragment KpiCardFields on KpiCard {\n    period\n    previousPeriod\n    value\n    previousValue\n    change\n    target\n    status\n    sparkline\n    partial\n    metric {\n      id\n      name\n      unit\n      currency\n      higherIsBetter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricSeries($id: ID!, $from: String) {\n    metric(id: $id) {\n      id\n      name\n      unit\n      currency\n      series(from: $from, grain: MONTH) {\n        period\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query MetricSeries($id: ID!, $from: String) {\n    metric(id: $id) {\n      id\n      name\n      unit\n      currency\n      series(from: $from, grain: MONTH) {\n        period\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($period: String) {\n    kpiCards(period: $period) {\n      period\n      metric {\n        id\n        name\n      }\n      ...KpiCardFields\n    }\n  }\n"): (typeof documents)["\n  query Overview($period: String) {\n    kpiCards(period: $period) {\n      period\n      metric {\n        id\n        name\n      }\n      ...KpiCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObjectiveCardFields on Objective {\n    id\n    title\n    period\n    progress\n    status\n    owner {\n      id\n      name\n      title\n    }\n    team {\n      id\n      name\n    }\n    keyResults {\n      id\n      title\n      unit\n      startValue\n      currentValue\n      targetValue\n      progress\n      status\n      metric {\n        id\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ObjectiveCardFields on Objective {\n    id\n    title\n    period\n    progress\n    status\n    owner {\n      id\n      name\n      title\n    }\n    team {\n      id\n      name\n    }\n    keyResults {\n      id\n      title\n      unit\n      startValue\n      currentValue\n      targetValue\n      progress\n      status\n      metric {\n        id\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectRowFields on Project {\n    id\n    name\n    status\n    progress\n    dueDate\n    owner {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectRowFields on Project {\n    id\n    name\n    status\n    progress\n    dueDate\n    owner {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectsOkrs($period: String) {\n    objectives(period: $period) {\n      id\n      period\n      ...ObjectiveCardFields\n    }\n    projects {\n      id\n      status\n      ...ProjectRowFields\n    }\n  }\n"): (typeof documents)["\n  query ProjectsOkrs($period: String) {\n    objectives(period: $period) {\n      id\n      period\n      ...ObjectiveCardFields\n    }\n    projects {\n      id\n      status\n      ...ProjectRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealRowFields on Deal {\n    id\n    name\n    amount\n    currency\n    stage\n    probability\n    closeDate\n    account {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DealRowFields on Deal {\n    id\n    name\n    amount\n    currency\n    stage\n    probability\n    closeDate\n    account {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealsPage($filter: DealFilter, $first: Int, $after: String) {\n    deals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        currency\n        ...DealRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealsPage($filter: DealFilter, $first: Int, $after: String) {\n    deals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        currency\n        ...DealRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ForecastSummaryFields on Pipeline {\n    period\n    currency\n    openCount\n    openAmount\n    weightedForecast\n    wonCount\n    wonAmount\n    lostCount\n    winRate\n  }\n"): (typeof documents)["\n  fragment ForecastSummaryFields on Pipeline {\n    period\n    currency\n    openCount\n    openAmount\n    weightedForecast\n    wonCount\n    wonAmount\n    lostCount\n    winRate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PipelineChartFields on Pipeline {\n    currency\n    stages {\n      stage\n      count\n      amount\n      weightedAmount\n    }\n  }\n"): (typeof documents)["\n  fragment PipelineChartFields on Pipeline {\n    currency\n    stages {\n      stage\n      count\n      amount\n      weightedAmount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesOverview($period: String) {\n    pipeline(period: $period) {\n      period\n      ...ForecastSummaryFields\n      ...PipelineChartFields\n    }\n  }\n"): (typeof documents)["\n  query SalesOverview($period: String) {\n    pipeline(period: $period) {\n      period\n      ...ForecastSummaryFields\n      ...PipelineChartFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;