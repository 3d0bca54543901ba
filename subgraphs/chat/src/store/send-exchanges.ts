import { randomUUID } from 'node:crypto';
import { placeholders, type Dialect, type RequestDeadline, type SqlParam, type SqlRunner } from '@sophia/kit';
import type { ConversationRow, ConversationTurnRow, Exchange } from '../store.ts';

/** One message to send: into one of the owner's conversations (`conversationId`), or a new one titled `title`. */
export interface SendRequest {
  readonly ownerId: string;
  readonly conversationId: string | null;
  readonly title: string;
  readonly question: string;
  /** How many earlier turns the reply reads. */
  readonly historyTurns: number;
  readonly deadline?: RequestDeadline | undefined;
}

/** What a send wrote and the turns its reply reads; null when the owner has no conversation of that id. */
export type Sent = { exchange: Exchange; turns: ConversationTurnRow[] } | null;

/** What writing exchanges needs from the store. */
export interface ExchangeWriting {
  readonly dialect: Dialect;
  /** The store's clock, strictly increasing: every message gets its own time. */
  readonly now: () => Date;
  /** The conversation columns as the store reads them (`c.`), times as ISO text. */
  readonly conversationColumns: string;
  /** The INSERT … SELECT of `count` exchanges (a question and its reply each, nine values a message). */
  readonly insertExchanges: (count: number) => string;
  /** The writer and lease expiry a STREAMING reply records. */
  readonly writerAndLease: () => [string, string];
}

/**
 * Writes several sends in the caller's transaction, with a few statements for all of them, not a few each: on
 * DuckDB a statement costs about a millisecond whatever its rows, so the sends that queued while the last
 * batch was written cost little more than one. Sends into the same conversation are taken in rounds, in
 * order, so a later one reads the earlier one's question among its turns, as it would have one at a time.
 */
export async function sendExchanges(
  tx: SqlRunner,
  writing: ExchangeWriting,
  requests: readonly SendRequest[],
): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (const round of rounds(requests)) {
    const results = await sendRound(
      tx,
      writing,
      round.map((index) => requests[index]!),
    );
    round.forEach((index, i) => (sent[index] = results[i]!));
  }
  return sent;
}

/** Indexes of `requests` in rounds that each hold a conversation at most once, in the order they came. */
function rounds(requests: readonly SendRequest[]): number[][] {
  const taken: number[][] = [];
  const roundOf = new Map<string, number>();
  requests.forEach((request, index) => {
    const id = request.conversationId;
    const round = id === null ? 0 : (roundOf.get(id) ?? -1) + 1;
    if (id !== null) roundOf.set(id, round);
    (taken[round] ??= []).push(index);
  });
  return taken;
}

/** One round: its conversations touched or created, their turns read, its messages written. */
async function sendRound(
  tx: SqlRunner,
  writing: ExchangeWriting,
  requests: readonly SendRequest[],
): Promise<Sent[]> {
  // toISOString is both the value bound and the text isoTimestampSql reads back: milliseconds, `Z`.
  const times = requests.map(() => ({
    asked: writing.now().toISOString(),
    replied: writing.now().toISOString(),
  }));
  const continued = requests.flatMap((request, i) =>
    request.conversationId === null
      ? []
      : [{ id: request.conversationId, ownerId: request.ownerId, at: times[i]!.replied }],
  );
  const touched = await touchConversations(tx, writing, continued);
  const created = requests.flatMap((request, i): ConversationRow[] =>
    request.conversationId === null
      ? [
          {
            id: `cnv_${randomUUID()}`,
            ownerId: request.ownerId,
            title: request.title,
            createdAt: times[i]!.asked,
            updatedAt: times[i]!.replied,
          },
        ]
      : [],
  );
  if (created.length > 0) {
    await tx.run(
      `INSERT INTO conversations (id, owner_id, title, created_at, updated_at)
       VALUES ${created.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      created.flatMap((c) => [c.id, c.ownerId, c.title, c.createdAt, c.updatedAt]),
    );
  }
  const historyTurns = Math.max(...requests.map((request) => request.historyTurns));
  // Every message already stored is older than this round's first question: the store's clock only rises.
  const turns = await turnsOf(tx, [...touched.keys()], times[0]!.asked, historyTurns);
  const newConversations = created.values();
  const written: Exchange[] = [];
  const results = requests.map((request, i): Sent => {
    const conversation =
      request.conversationId === null ? newConversations.next().value! : touched.get(request.conversationId);
    if (!conversation) return null;
    const { asked, replied } = times[i]!;
    const base = { conversationId: conversation.id, citations: [] };
    const exchange: Exchange = {
      conversation,
      userMessage: {
        ...base,
        id: `msg_${randomUUID()}`,
        role: 'USER',
        content: request.question,
        status: 'COMPLETE',
        createdAt: asked,
      },
      reply: {
        ...base,
        id: `msg_${randomUUID()}`,
        role: 'ASSISTANT',
        content: '',
        status: 'STREAMING',
        createdAt: replied,
      },
    };
    const earlier = turns.get(conversation.id) ?? [];
    const sent = { exchange, turns: request.historyTurns > 0 ? earlier.slice(-request.historyTurns) : [] };
    written.push(exchange);
    return sent;
  });
  if (written.length > 0) {
    await tx.run(
      writing.insertExchanges(written.length),
      written.flatMap(({ userMessage, reply }): SqlParam[] => [
        ...[userMessage.id, userMessage.conversationId, userMessage.content, '[]', userMessage.createdAt],
        ...[null, null],
        ...[reply.id, reply.conversationId, '', '[]', reply.createdAt, ...writing.writerAndLease()],
      ]),
    );
  }
  return results;
}

/**
 * Marks the owners' conversations active, each at its `at` (ISO); the rows as they now stand, by id. A
 * conversation that is not its sender's is not touched and not returned.
 */
async function touchConversations(
  tx: SqlRunner,
  writing: ExchangeWriting,
  wanted: readonly { id: string; ownerId: string; at: string }[],
): Promise<Map<string, ConversationRow>> {
  if (wanted.length === 0) return new Map();
  const senders = `(VALUES ${wanted.map(() => '(?, ?, ?)').join(', ')}) AS v(id, owner_id, touched_at)`;
  const values = wanted.flatMap((w) => [w.id, w.ownerId, w.at]);
  const touch = `UPDATE conversations AS c SET updated_at = CAST(v.touched_at AS TIMESTAMP) FROM ${senders}
    WHERE c.id = v.id AND c.owner_id = v.owner_id`;
  if (writing.dialect === 'duckdb') {
    // One statement on DuckDB: the rows the update took are the conversations that are their senders'.
    const rows = await tx.query<ConversationRow>(`${touch} RETURNING ${writing.conversationColumns}`, values);
    return new Map(rows.map((row) => [row.id, row]));
  }
  // Snowflake has no UPDATE … RETURNING: the conversations are read first, in the same transaction.
  const rows = await tx.query<ConversationRow>(
    `SELECT ${writing.conversationColumns} FROM conversations c
     JOIN ${senders} ON c.id = v.id AND c.owner_id = v.owner_id`,
    values,
  );
  if (rows.length > 0) await tx.run(touch, values);
  const at = new Map(wanted.map((w) => [w.id, w.at]));
  return new Map(rows.map((row) => [row.id, { ...row, updatedAt: at.get(row.id)! }]));
}

/**
 * The turns replies in `conversationIds` read: the `last` complete messages of each written before `before`
 * (ISO 8601), oldest first, by conversation. Only role and text are read: a follow-up needs no more. Callers
 * have already checked that the conversations are their senders'.
 */
async function turnsOf(
  runner: SqlRunner,
  conversationIds: readonly string[],
  before: string,
  last: number,
): Promise<Map<string, ConversationTurnRow[]>> {
  const turns = new Map<string, ConversationTurnRow[]>();
  if (conversationIds.length === 0) return turns;
  const rows = await runner.query<ConversationTurnRow & { conversationId: string }>(
    `SELECT m.conversation_id AS "conversationId", m.role, m.content FROM (
       SELECT conversation_id, role, content, created_at, id,
         row_number() OVER (PARTITION BY conversation_id ORDER BY created_at DESC, id DESC) AS recency
       FROM messages
       WHERE conversation_id IN (${placeholders(conversationIds)}) AND created_at < ?
         AND status = 'COMPLETE' AND content <> '') m
     WHERE m.recency <= ?
     ORDER BY m.conversation_id, m.created_at, m.id`,
    [...conversationIds, before, last],
  );
  for (const { conversationId, role, content } of rows) {
    let of = turns.get(conversationId);
    if (!of) turns.set(conversationId, (of = []));
    of.push({ role, content });
  }
  return turns;
}
