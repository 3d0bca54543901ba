import { anchoredClock, systemClock, type SqlRunner } from '@sophia/kit';
import {
  documentMemories,
  MEMORY_STORE,
  replaceSourceMemories,
  type DocumentRecord,
} from '@sophia/memory/store';
import { id, list, oneOf, optional, required, text, timestamp } from '../fields.ts';
import { defineKind } from '../kind.ts';

/** The directory memory keeps (people import), for TEAM visibility of each document's author. */
async function teamsOf(tx: SqlRunner): Promise<Map<string, string | null>> {
  const rows = await tx.query<{ userId: string; teamId: string | null }>(
    'SELECT user_id AS "userId", team_id AS "teamId" FROM directory',
  );
  return new Map(rows.map((row) => [row.userId, row.teamId]));
}

export const documents = defineKind<DocumentRecord>({
  name: 'documents',
  summary:
    'Knowledge documents and notes, ingested into memory (chunked, indexed, embedded at memory’s start).',
  store: MEMORY_STORE,
  fields: [
    required('id', id, 'the document’s id in your system'),
    required('title', text, 'title'),
    required(
      'kind',
      oneOf(['NOTE', 'DOCUMENT'] as const),
      'NOTE (one memory) or DOCUMENT (split into chunks)',
    ),
    required('content', text, 'the text'),
    required('author_id', id, 'who wrote it (a `people` id)'),
    required(
      'visibility',
      oneOf(['ORG', 'TEAM', 'PRIVATE'] as const),
      'ORG, TEAM (the author’s team) or PRIVATE',
    ),
    optional('account_id', id, 'the account it is about (an `accounts` id)'),
    required('created_at', timestamp, 'when it was written: YYYY-MM-DD or an ISO 8601 time'),
    optional('tags', list, 'comma-separated tags (or a JSON list)', []),
  ],
  key: ['id'],
  references: [
    { column: 'author_id', to: 'people' },
    { column: 'account_id', to: 'accounts' },
  ],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      id: values['id'] as string,
      title: values['title'] as string,
      kind: values['kind'] as DocumentRecord['kind'],
      content: values['content'] as string,
      authorId: values['author_id'] as string,
      visibility: values['visibility'] as DocumentRecord['visibility'],
      accountId: values['account_id'] as string | null,
      createdAt: values['created_at'] as string,
      tags: values['tags'] as string[],
    })),
  write: async (tx, records, dialect) => {
    const teams = await teamsOf(tx);
    const [anchor] = await tx.query<{ value: string }>(
      "SELECT value FROM sophia_meta WHERE key = 'demo_anchor'",
    );
    const now = (anchor ? anchoredClock(anchor.value) : systemClock).now().toISOString();
    const memories = documentMemories(records, (userId) => teams.get(userId) ?? null, now);
    await replaceSourceMemories(
      tx,
      records.map((record) => record.id),
      memories,
      dialect,
    );
  },
});
