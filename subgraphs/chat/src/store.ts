import { randomUUID } from 'node:crypto';
import {
  createGroupCommit,
  createSerialQueue,
  DeadlineExceededError,
  everyDeadline,
  isoTimestampSql,
  jsonValueSql,
  openStore,
  placeholders,
  type Clock,
  type Dialect,
  type RequestDeadline,
  type SqlDatabase,
  type SqlParam,
  type SqlRunner,
} from '@sophia/kit';
import { parseCitations, type CitationRef } from './citations.ts';
import type { ChatConfig } from './env.ts';
import { createMonotonicClock } from './monotonic-clock.ts';
import { CHAT_STORE } from './store/definition.ts';
import { replyLease, type ReplyLease } from './store/reply-lease.ts';
import { finishReplies, type ReplyEnd, type ReplyEndWriting } from './store/finish-replies.ts';
import { sendExchanges, type ExchangeWriting, type SendRequest, type Sent } from './store/send-exchanges.ts';

/**
 * The most sends one transaction writes, and replies' ends one statement: each batch size is a statement text
 * the store's connections keep prepared.
 */
const BATCH_MAX = 16;

export type MessageRole = 'USER' | 'ASSISTANT';
export type MessageStatus = 'STREAMING' | 'COMPLETE' | 'FAILED' | 'CANCELLED';

export interface ConversationRow {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601: when the latest message was appended. */
  readonly updatedAt: string;
}

export interface MessageRow {
  readonly id: string;
  readonly conversationId: string;
  readonly role: MessageRole;
  readonly content: string;
  readonly status: MessageStatus;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly citations: readonly CitationRef[];
}

export interface NewMessage {
  readonly conversationId: string;
  readonly role: MessageRole;
  readonly content: string;
  /** @default 'COMPLETE' */
  readonly status?: MessageStatus;
  /** @default [] */
  readonly citations?: readonly CitationRef[];
}

/** What the streaming pipeline changes while the assistant writes a reply. */
export interface MessagePatch {
  readonly content?: string;
  readonly status?: MessageStatus;
  readonly citations?: readonly CitationRef[];
}

/** The SQL of the store's reads and writes where the dialects differ: times read as ISO, JSON written. */
function chatSql(dialect: Dialect) {
  const iso = (column: string) => isoTimestampSql(column, dialect);
  const json = jsonValueSql(dialect);
  const message = (role: string, status: string) =>
    `SELECT ?, ?, '${role}', ?, '${status}', ${json}, ?, ?, ?`;
  const columns =
    'id, conversation_id, role, content, status, citations, created_at, writer_id, lease_expires_at';
  const messageKeys = `m.id, m.conversation_id AS "conversationId", m.role, ${iso('m.created_at')} AS "createdAt"`;
  return {
    conversationColumns: `c.id, c.owner_id AS "ownerId", c.title,
      ${iso('c.created_at')} AS "createdAt", ${iso('c.updated_at')} AS "updatedAt"`,
    /** The message columns an update never changes. */
    messageKeyColumns: messageKeys,
    messageColumns: `${messageKeys}, m.content, m.status, m.citations`,
    json,
    // INSERT … SELECT, not VALUES: Snowflake refuses PARSE_JSON inside VALUES.
    insertMessage: `INSERT INTO messages (${columns}) SELECT ?, ?, ?, ?, ?, ${json}, ?, ?, ?`,
    /** `count` exchanges: each a question and its reply. */
    insertExchanges: (count: number) =>
      `INSERT INTO messages (${columns}) ${Array.from(
        { length: count },
        () => `${message('USER', 'COMPLETE')} UNION ALL ${message('ASSISTANT', 'STREAMING')}`,
      ).join(' UNION ALL ')}`,
  };
}

/** A turn of a conversation as a reply reads it: who said it, and what. */
export type ConversationTurnRow = Pick<MessageRow, 'role' | 'content'>;

/** What starting an exchange wrote: the conversation as it now stands, the user's message, the reply begun. */
export interface Exchange {
  readonly conversation: ConversationRow;
  readonly userMessage: MessageRow;
  readonly reply: MessageRow;
}

type StoredMessage = Omit<MessageRow, 'citations'> & { citations: unknown };

const toMessage = (row: StoredMessage): MessageRow => ({ ...row, citations: parseCitations(row.citations) });

/** The chat subgraph's storage: conversations and their messages. The only code that touches the database. */
export class ChatStore {
  /** Message times: the store's clock, strictly increasing. */
  private readonly now: () => Date;
  private readonly sql: ReturnType<typeof chatSql>;
  /** What writing exchanges needs from this store (see send-exchanges.ts). */
  private readonly writing: ExchangeWriting;
  /** What writing replies' ends needs from this store (see finish-replies.ts). */
  private readonly ending: ReplyEndWriting;

  private constructor(
    private readonly db: SqlDatabase,
    /** "Now" for writes and answers: the demo anchor's clock when the demo company is loaded. */
    readonly clock: Clock,
    /** This replica's lease on the replies it writes. */
    private readonly lease: ReplyLease,
  ) {
    this.now = createMonotonicClock(() => clock.now().getTime());
    this.sql = chatSql(db.dialect);
    this.writing = {
      dialect: db.dialect,
      now: this.now,
      conversationColumns: this.sql.conversationColumns,
      insertExchanges: this.sql.insertExchanges,
      writerAndLease: () => this.writerAndLease(),
    };
    this.ending = {
      dialect: db.dialect,
      replicaId: lease.replicaId,
      messageKeyColumns: this.sql.messageKeyColumns,
      readMessages: (ids) => this.findMessages(ids),
    };
  }

  /** The clock's date (YYYY-MM-DD), "today" for anything date-relative. */
  get today(): string {
    return this.clock.today();
  }

  /** This chat process among the replicas sharing the store: the writer its STREAMING replies record. */
  get replicaId(): string {
    return this.lease.replicaId;
  }

  /** Opens `<SOPHIA_DATA_DIR>/chat.duckdb` (or the warehouse), migrating it. */
  static async open(
    config: ChatConfig,
    options: { clock?: Clock; lease?: Partial<ReplyLease> } = {},
  ): Promise<ChatStore> {
    const { db, clock } = await openStore({
      ...CHAT_STORE,
      dataDir: config.SOPHIA_DATA_DIR,
      snowflake: config,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return new ChatStore(db, clock, replyLease(config.CHAT_REPLY_LEASE_SECONDS * 1000, options.lease));
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** The owner's conversations, most recently active first. */
  listConversations(ownerId: string, first: number): Promise<ConversationRow[]> {
    return this.db.query<ConversationRow>(
      `SELECT ${this.sql.conversationColumns} FROM conversations c WHERE c.owner_id = ?
       ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`,
      [ownerId, first],
    );
  }

  /** The owner's conversations among `ids` (others' are left out). */
  async conversationsByIds(ownerId: string, ids: readonly string[]): Promise<ConversationRow[]> {
    if (ids.length === 0) return [];
    return this.db.query<ConversationRow>(
      `SELECT ${this.sql.conversationColumns} FROM conversations c WHERE c.owner_id = ? AND c.id IN (${placeholders(ids)})`,
      [ownerId, ...ids],
    );
  }

  /** Messages among `ids` that belong to the owner's conversations. */
  async messagesByIds(ownerId: string, ids: readonly string[]): Promise<MessageRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<StoredMessage>(
      `SELECT ${this.sql.messageColumns} FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.owner_id = ? AND m.id IN (${placeholders(ids)})`,
      [ownerId, ...ids],
    );
    return rows.map(toMessage);
  }

  /**
   * Messages of several conversations, oldest first within each; `last` keeps only the most recent ones of
   * each conversation. Callers have already checked that the viewer owns the conversations.
   */
  async messagesOfConversations(
    conversationIds: readonly string[],
    last: number | null,
  ): Promise<MessageRow[]> {
    if (conversationIds.length === 0) return [];
    const rows = await this.db.query<StoredMessage>(
      `SELECT ${this.sql.messageColumns} FROM (
         SELECT *, row_number() OVER (PARTITION BY conversation_id ORDER BY created_at DESC, id DESC) AS recency
         FROM messages WHERE conversation_id IN (${placeholders(conversationIds)})) m
       WHERE ? IS NULL OR m.recency <= ?
       ORDER BY m.conversation_id, m.created_at, m.id`,
      [...conversationIds, last, last],
    );
    return rows.map(toMessage);
  }

  async createConversation(input: { ownerId: string; title: string }): Promise<ConversationRow> {
    const id = `cnv_${randomUUID()}`;
    const at = this.now();
    await this.db.run(
      'INSERT INTO conversations (id, owner_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      [id, input.ownerId, input.title, at.toISOString(), at.toISOString()],
    );
    return this.conversation(this.db, id);
  }

  /** Appends a message and marks the conversation active at the message's time, in one transaction. */
  async appendMessage(input: NewMessage): Promise<MessageRow> {
    const id = `msg_${randomUUID()}`;
    return this.db.transaction(async (tx) => {
      const at = this.now().toISOString();
      const found = await tx.query('SELECT 1 FROM conversations WHERE id = ?', [input.conversationId]);
      if (found.length === 0) throw new Error(`Conversation ${input.conversationId} does not exist.`);
      const status = input.status ?? 'COMPLETE';
      await tx.run(this.sql.insertMessage, [
        ...[id, input.conversationId, input.role, input.content, status],
        ...[JSON.stringify(input.citations ?? []), at],
        ...(status === 'STREAMING' ? this.writerAndLease() : [null, null]),
      ]);
      await tx.run('UPDATE conversations SET updated_at = ? WHERE id = ?', [at, input.conversationId]);
      const written = await this.findMessage(tx, id);
      if (!written) throw new Error(`Message ${id} was not written.`);
      return written;
    });
  }

  /**
   * Sends a message into one of the owner's conversations (`conversationId`), or into a new one titled
   * `title`, in one transaction: marks the conversation active and reads its latest `historyTurns` turns (the
   * reply's context), then writes the user's message and the assistant's reply, empty and STREAMING. `null`,
   * writing nothing, when the owner has no conversation of that id. The rows returned are built from what was
   * written, not read back. The read shares the transaction rather than running beside it: on DuckDB every
   * transaction begins and commits under one lock, which a separate read would take twice more.
   *
   * Sends that arrive while others are being written wait and are then written together, in one transaction
   * (group commit, see send-exchanges.ts), which commits only while every sender still wants it: one that has
   * given up is refused as its batch is taken, and if one gives up while it is written each of the others is
   * written alone. The senders wait on it, so it takes a busy pool's next connection ahead of background
   * writes (`interactive`).
   */
  sendIntoConversation(input: Omit<SendRequest, 'deadline'>, deadline?: RequestDeadline): Promise<Sent> {
    return this.sendGrouped({ ...input, deadline });
  }

  private readonly sendGrouped = createGroupCommit<SendRequest, Sent>({
    // One batch at a time: the sends that queue behind it are the next batch.
    exclusive: createSerialQueue(),
    maxItems: BATCH_MAX,
    abandoned: (request) => (request.deadline?.signal.aborted ? new DeadlineExceededError() : undefined),
    commit: (requests) =>
      this.db.transaction((tx) => sendExchanges(tx, this.writing, requests), {
        deadline: everyDeadline(requests.map((request) => request.deadline)),
        interactive: true,
      }),
  });

  /**
   * Replies left STREAMING by a replica that stopped while writing them (their lease ran out unrenewed, or
   * they predate leases), marked FAILED (their text so far kept), each with its conversation. Replies that
   * live replicas sharing the store are writing keep their lease and are left alone. One UPDATE takes them,
   * stamping this sweep as their writer, so of two replicas sweeping at once each reply goes to exactly one.
   * `starting` on embedded DuckDB takes every STREAMING reply: one process at a time opens the file, so at
   * its start whatever is still STREAMING was a stopped process's, whatever its lease says.
   */
  async failInterruptedReplies(
    options: { starting?: boolean } = {},
  ): Promise<{ message: MessageRow; conversation: ConversationRow }[]> {
    // Snowflake has no UPDATE … RETURNING: the sweep's own writer id finds the rows it took.
    const sweep = `${this.lease.replicaId}/sweep:${randomUUID()}`;
    const leases =
      options.starting && this.db.dialect === 'duckdb'
        ? ''
        : 'AND (lease_expires_at IS NULL OR lease_expires_at < ?)';
    await this.db.run(
      `UPDATE messages SET status = 'FAILED', writer_id = ?, lease_expires_at = NULL
       WHERE status = 'STREAMING' ${leases}`,
      leases ? [sweep, this.lease.clock.now().toISOString()] : [sweep],
    );
    const taken = await this.db.query<StoredMessage>(
      `SELECT ${this.sql.messageColumns} FROM messages m WHERE m.writer_id = ?`,
      [sweep],
    );
    const replies = [];
    for (const message of taken.map(toMessage))
      replies.push({ message, conversation: await this.conversation(this.db, message.conversationId) });
    return replies;
  }

  /**
   * Extends this replica's lease on the replies among `ids` it is still writing (one statement for all of
   * them); a reply another replica already failed stays failed.
   */
  async renewReplies(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const [writer, until] = this.writerAndLease();
    await this.db.run(
      `UPDATE messages SET lease_expires_at = ?
       WHERE writer_id = ? AND status = 'STREAMING' AND id IN (${placeholders(ids)})`,
      [until, writer, ...ids],
    );
  }

  /**
   * Writes how a reply ended (its text, citations and final status) and returns it as it now stands. A reply
   * another replica has taken (its lease ran out and it was failed there) is not changed: it is returned as it
   * stands; null when there is no such reply. Replies that end while others' ends are being written are
   * written together, in one statement (group commit, see finish-replies.ts); nobody waits on a reply's last
   * write as on a question, so it takes a busy pool's connection after them.
   */
  finishReply(end: ReplyEnd): Promise<MessageRow | null> {
    return this.finishGrouped(end);
  }

  private readonly finishGrouped = createGroupCommit<ReplyEnd, MessageRow | null>({
    exclusive: createSerialQueue(),
    maxItems: BATCH_MAX,
    commit: (ends) => finishReplies(this.db, this.ending, ends),
  });

  /**
   * Changes a message (the reply being streamed); null when there is no such message. A reply another replica
   * has taken (its lease ran out and it was failed there) is not changed: it is returned as it stands.
   */
  async updateMessage(id: string, patch: MessagePatch): Promise<MessageRow | null> {
    const assignments: string[] = [];
    const params: SqlParam[] = [];
    if (patch.content !== undefined) {
      assignments.push('content = ?');
      params.push(patch.content);
    }
    if (patch.status !== undefined) {
      assignments.push('status = ?');
      params.push(patch.status);
    }
    if (patch.citations !== undefined) {
      assignments.push(`citations = ${this.sql.json}`);
      params.push(JSON.stringify(patch.citations));
    }
    if (assignments.length === 0) return this.findMessage(this.db, id);
    const update = `UPDATE messages AS m SET ${assignments.join(', ')}
      WHERE m.id = ? AND (m.writer_id IS NULL OR m.writer_id = ?)`;
    const values = [...params, id, this.lease.replicaId];
    if (this.db.dialect === 'duckdb') {
      // One statement on DuckDB (Snowflake has no RETURNING); a row the update did not take (another
      // replica's now) is read as it stands. Replies' ends, the frequent update, go through finishReply.
      const [row] = await this.db.query<StoredMessage>(
        `${update} RETURNING ${this.sql.messageColumns}`,
        values,
      );
      return row ? toMessage(row) : this.findMessage(this.db, id);
    }
    await this.db.run(update, values);
    return this.findMessage(this.db, id);
  }

  /** The writer and lease expiry a STREAMING reply of this replica records, as bind values. */
  private writerAndLease(): [string, string] {
    const until = new Date(this.lease.clock.now().getTime() + this.lease.ttlMs);
    return [this.lease.replicaId, until.toISOString()];
  }

  private async conversation(runner: SqlRunner, id: string): Promise<ConversationRow> {
    const [row] = await runner.query<ConversationRow>(
      `SELECT ${this.sql.conversationColumns} FROM conversations c WHERE c.id = ?`,
      [id],
    );
    if (!row) throw new Error(`Conversation ${id} was not written.`);
    return row;
  }

  private async findMessage(runner: SqlRunner, id: string): Promise<MessageRow | null> {
    const [row] = await this.findMessages([id], runner);
    return row ?? null;
  }

  private async findMessages(ids: readonly string[], runner: SqlRunner = this.db): Promise<MessageRow[]> {
    const rows = await runner.query<StoredMessage>(
      `SELECT ${this.sql.messageColumns} FROM messages m WHERE m.id IN (${placeholders(ids)})`,
      ids,
    );
    return rows.map(toMessage);
  }
}
