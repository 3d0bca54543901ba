import type { GraphQLResolveInfo } from 'graphql';
import type { ConversationRow, MessageRow } from '../store.ts';
import type { SendMessageResult, CancelReplyResult, UserErrorRow } from '../chat-service.ts';
import type { ChatEventRecord, ToolCallRecord, ChatEventError } from '../event-log/types.ts';
import type { ChatContext } from '../context.ts';
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

export type Account = {
  __typename?: 'Account';
  id: Scalars['ID']['output'];
};

/** What `cancelReply` did. */
export type CancelReplyPayload = {
  __typename?: 'CancelReplyPayload';
  /** Why the cancel was refused (NOT_FOUND, also for someone else's reply; CONFLICT when it had already ended). */
  errors: Array<UserError>;
  /** The reply as it ended; null when the cancel was refused. */
  message: Maybe<Message>;
};

/** Why a reply failed. */
export type ChatError = {
  __typename?: 'ChatError';
  /** An error code from Sophia's catalogue (DOWNSTREAM_SERVICE_ERROR, INTERNAL_SERVER_ERROR, ...). */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One event of an assistant reply. */
export type ChatEvent = {
  __typename?: 'ChatEvent';
  /** CITATION: the entity cited. */
  citation: Maybe<Citation>;
  /** TOKEN: the text to append. */
  delta: Maybe<Scalars['String']['output']>;
  /** ERROR: what went wrong. */
  error: Maybe<ChatError>;
  /** DONE and ERROR: the reply as it ended. */
  message: Maybe<Message>;
  /** Position in the reply's stream, from 1, without gaps: resume with `after: seq`. */
  seq: Scalars['Int']['output'];
  /** TOOL_CALL and TOOL_RESULT: the call. */
  toolCall: Maybe<ToolCall>;
  type: ChatEventType;
};

/** What a reply event says. */
export type ChatEventType =
  /** The answer cites an entity (`citation`). */
  | 'CITATION'
  /** The reply ended (COMPLETE or CANCELLED): `message` is the reply as stored. */
  | 'DONE'
  /** The reply failed: `error` says why, `message` is the reply as stored (FAILED). */
  | 'ERROR'
  /** A piece of the answer's text: append `delta`. */
  | 'TOKEN'
  /** The assistant called a tool (`toolCall`). */
  | 'TOOL_CALL'
  /** A tool the assistant called answered or failed (`toolCall`, with `ok`). */
  | 'TOOL_RESULT';

/** An entity an answer cites. */
export type Citation = Account | Deal | Memory | Metric | Objective | Project;

/** A conversation between one user and the assistant. */
export type Conversation = {
  __typename?: 'Conversation';
  /** ISO 8601 timestamp. */
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Messages, oldest first; `last` keeps only the most recent ones. */
  messages: Array<Message>;
  /** The user who talks with the assistant here; only they see the conversation. */
  owner: User;
  /** Set from the first message; the owner sees it in the conversation list. */
  title: Scalars['String']['output'];
  /** ISO 8601 timestamp of the latest message. */
  updatedAt: Scalars['String']['output'];
};


/** A conversation between one user and the assistant. */
export type ConversationMessagesArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type Deal = {
  __typename?: 'Deal';
  id: Scalars['ID']['output'];
};

export type Memory = {
  __typename?: 'Memory';
  id: Scalars['ID']['output'];
};

/** One turn of a conversation. */
export type Message = {
  __typename?: 'Message';
  /** Entities the answer used, resolved by the subgraphs that own them. */
  citations: Array<Citation>;
  /** Text (markdown for the assistant); a reply still STREAMING has its text in `replyStream`. */
  content: Scalars['String']['output'];
  /** The conversation the message belongs to. */
  conversation: Conversation;
  /** ISO 8601 timestamp. */
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Who wrote it. */
  role: MessageRole;
  /** Whether the assistant is still writing it, or how it ended. */
  status: MessageStatus;
};

/** Who wrote a message. */
export type MessageRole =
  /** Sophia's assistant. */
  | 'ASSISTANT'
  /** The conversation's owner. */
  | 'USER';

/** Where a message stands. */
export type MessageStatus =
  /** The owner stopped it; it keeps what was written until then. */
  | 'CANCELLED'
  /** Written in full. */
  | 'COMPLETE'
  /** The assistant could not finish it; the reply's ERROR event says why. */
  | 'FAILED'
  /** The assistant is still writing it. */
  | 'STREAMING';

export type Metric = {
  __typename?: 'Metric';
  id: Scalars['ID']['output'];
};

/**
 * Talks to the assistant. Mistakes the sender can fix (a blank or too long message, an unknown conversation,
 * too many messages a minute) come back in `errors`, with codes.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Stops the assistant writing a reply (the reply's owner only); the reply ends CANCELLED with what it had. */
  cancelReply: CancelReplyPayload;
  /**
   * Sends a message and starts the assistant's reply at once: `reply` is the assistant message being written
   * (status STREAMING); follow it with `replyStream(messageId: reply.id)`.
   */
  sendMessage: SendMessagePayload;
};


/**
 * Talks to the assistant. Mistakes the sender can fix (a blank or too long message, an unknown conversation,
 * too many messages a minute) come back in `errors`, with codes.
 */
export type MutationCancelReplyArgs = {
  messageId: Scalars['ID']['input'];
};


/**
 * Talks to the assistant. Mistakes the sender can fix (a blank or too long message, an unknown conversation,
 * too many messages a minute) come back in `errors`, with codes.
 */
export type MutationSendMessageArgs = {
  input: SendMessageInput;
};

export type Objective = {
  __typename?: 'Objective';
  id: Scalars['ID']['output'];
};

export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One of the viewer's conversations. */
  conversation: Maybe<Conversation>;
  /** The viewer's conversations, most recently active first. */
  conversations: Maybe<Array<Conversation>>;
};


export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConversationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What to send. */
export type SendMessageInput = {
  /** The conversation to continue; omitted: a new conversation, titled from the text. */
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  /** The message (markdown), at most the configured length (4,000 characters by default). */
  text: Scalars['String']['input'];
};

/** What `sendMessage` did. */
export type SendMessagePayload = {
  __typename?: 'SendMessagePayload';
  /** The conversation the message went to; null when the message was refused. */
  conversation: Maybe<Conversation>;
  /** Why the message was refused; empty when it was sent. */
  errors: Array<UserError>;
  /** The assistant's reply being written (status STREAMING); null when refused. */
  reply: Maybe<Message>;
  /** The message as stored; null when refused. */
  userMessage: Maybe<Message>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The events of an assistant reply in order: the ones after `after` (a `seq` already received; omitted: from
   * the start), then the live ones until DONE or ERROR. Reconnect with the last `seq` seen to lose nothing.
   * Only the reply's owner may follow it: anyone else gets NOT_FOUND, as for a reply that does not exist. A
   * reply's events stay an hour after it ends (CHAT_STREAM_TTL_SECONDS); after that NOT_FOUND: read the message
   * itself.
   */
  replyStream: ChatEvent;
};


export type SubscriptionReplyStreamArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  messageId: Scalars['ID']['input'];
};

/** A tool the assistant called while answering. */
export type ToolCall = {
  __typename?: 'ToolCall';
  /** The arguments, as JSON. */
  arguments: Scalars['String']['output'];
  /** TOOL_RESULT: how long the call took, in milliseconds. */
  durationMs: Maybe<Scalars['Int']['output']>;
  /** TOOL_RESULT of a failed call: the error code. */
  errorCode: Maybe<Scalars['String']['output']>;
  /** Pairs a TOOL_CALL with its TOOL_RESULT. */
  id: Scalars['ID']['output'];
  /** The tool's name (an operation in schema/operations for `sophia`). */
  name: Scalars['String']['output'];
  /** TOOL_RESULT: whether the call succeeded; null on TOOL_CALL. */
  ok: Maybe<Scalars['Boolean']['output']>;
  /** The MCP server the tool belongs to (`sophia` for the gateway's own tools). */
  server: Scalars['String']['output'];
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
  Conversation: Conversation;
  Message: Message;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Conversation:
    ( { __typename: 'Conversation' }
    & GraphQLRecursivePick<FederationTypes['Conversation'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  Citation:
    | ( Account )
    | ( Deal )
    | ( Memory )
    | ( Metric )
    | ( Objective )
    | ( Project )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<Account>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CancelReplyPayload: ResolverTypeWrapper<CancelReplyResult>;
  ChatError: ResolverTypeWrapper<ChatEventError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ChatEvent: ResolverTypeWrapper<ChatEventRecord>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ChatEventType: ChatEventType;
  Citation: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Citation']>;
  Conversation: ResolverTypeWrapper<ConversationRow>;
  Deal: ResolverTypeWrapper<Deal>;
  Memory: ResolverTypeWrapper<Memory>;
  Message: ResolverTypeWrapper<MessageRow>;
  MessageRole: MessageRole;
  MessageStatus: MessageStatus;
  Metric: ResolverTypeWrapper<Metric>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Objective: ResolverTypeWrapper<Objective>;
  Project: ResolverTypeWrapper<Project>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: ResolverTypeWrapper<SendMessageResult>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ToolCall: ResolverTypeWrapper<ToolCallRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  User: ResolverTypeWrapper<User>;
  UserError: ResolverTypeWrapper<UserErrorRow>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: Account;
  ID: Scalars['ID']['output'];
  CancelReplyPayload: CancelReplyResult;
  ChatError: ChatEventError;
  String: Scalars['String']['output'];
  ChatEvent: ChatEventRecord;
  Int: Scalars['Int']['output'];
  Citation: ResolversUnionTypes<ResolversParentTypes>['Citation'];
  Conversation: ConversationRow;
  Deal: Deal;
  Memory: Memory;
  Message: MessageRow;
  Metric: Metric;
  Mutation: Record<PropertyKey, never>;
  Objective: Objective;
  Project: Project;
  Query: Record<PropertyKey, never>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: SendMessageResult;
  Subscription: Record<PropertyKey, never>;
  ToolCall: ToolCallRecord;
  Boolean: Scalars['Boolean']['output'];
  User: User;
  UserError: UserErrorRow;
};

export type AccountResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CancelReplyPayloadResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['CancelReplyPayload'] = ResolversParentTypes['CancelReplyPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
};

export type ChatErrorResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['ChatError'] = ResolversParentTypes['ChatError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChatEventResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['ChatEvent'] = ResolversParentTypes['ChatEvent']> = {
  citation?: Resolver<Maybe<ResolversTypes['Citation']>, ParentType, ContextType>;
  delta?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['ChatError']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toolCall?: Resolver<Maybe<ResolversTypes['ToolCall']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ChatEventType'], ParentType, ContextType>;
};

export type CitationResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = {
  __resolveType: TypeResolveFn<'Account' | 'Deal' | 'Memory' | 'Metric' | 'Objective' | 'Project', ParentType, ContextType>;
};

export type ConversationResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation'], FederationReferenceType extends FederationReferenceTypes['Conversation'] = FederationReferenceTypes['Conversation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Conversation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType, Partial<ConversationMessagesArgs>>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DealResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Deal'] = ResolversParentTypes['Deal']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MemoryResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Memory'] = ResolversParentTypes['Memory']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MessageRole'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MessageStatus'], ParentType, ContextType>;
};

export type MetricResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Metric'] = ResolversParentTypes['Metric']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelReply?: Resolver<ResolversTypes['CancelReplyPayload'], ParentType, ContextType, RequireFields<MutationCancelReplyArgs, 'messageId'>>;
  sendMessage?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
};

export type ObjectiveResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Objective'] = ResolversParentTypes['Objective']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
  conversations?: Resolver<Maybe<Array<ResolversTypes['Conversation']>>, ParentType, ContextType, RequireFields<QueryConversationsArgs, 'first'>>;
};

export type SendMessagePayloadResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['SendMessagePayload'] = ResolversParentTypes['SendMessagePayload']> = {
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  reply?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  userMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  replyStream?: SubscriptionResolver<ResolversTypes['ChatEvent'], "replyStream", ParentType, ContextType, RequireFields<SubscriptionReplyStreamArgs, 'messageId'>>;
};

export type ToolCallResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['ToolCall'] = ResolversParentTypes['ToolCall']> = {
  arguments?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ok?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  server?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = ChatContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ChatContext> = {
  Account?: AccountResolvers<ContextType>;
  CancelReplyPayload?: CancelReplyPayloadResolvers<ContextType>;
  ChatError?: ChatErrorResolvers<ContextType>;
  ChatEvent?: ChatEventResolvers<ContextType>;
  Citation?: CitationResolvers<ContextType>;
  Conversation?: ConversationResolvers<ContextType>;
  Deal?: DealResolvers<ContextType>;
  Memory?: MemoryResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  Metric?: MetricResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Objective?: ObjectiveResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SendMessagePayload?: SendMessagePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  ToolCall?: ToolCallResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

