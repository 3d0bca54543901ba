/** Memories as the store returns and takes them, and the SQL that reads them into that shape. */
import { createHash } from 'node:crypto';
import { parseJsonColumn, placeholders, type RequestDeadline, type SqlParam } from '@sophia/kit';
import type { Guarded, ViewerScope, Visibility } from '../visibility.ts';

export type MemoryKind = 'NOTE' | 'DOCUMENT_CHUNK' | 'CONVERSATION' | 'FACT';
/** DOCUMENT and NOTE come from the knowledge base, CONVERSATION from chat, USER from `remember`. */
export type SourceType = 'DOCUMENT' | 'NOTE' | 'CONVERSATION' | 'USER';
/** 1 hot, 2 warm, 3 cold (DESIGN §6). */
export type Tier = 1 | 2 | 3;
/** The tiers by their API names (`MemoryTier`). */
export const TIER_BY_NAME = { HOT: 1, WARM: 2, COLD: 3 } as const satisfies Record<string, Tier>;
export type TierName = keyof typeof TIER_BY_NAME;
export const TIER_NAME: Record<Tier, TierName> = { 1: 'HOT', 2: 'WARM', 3: 'COLD' };

export interface MemoryRow extends Guarded {
  readonly id: string;
  readonly kind: MemoryKind;
  readonly content: string;
  readonly sourceType: SourceType;
  readonly sourceId: string | null;
  readonly sourceTitle: string | null;
  readonly accountId: string | null;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly tier: Tier;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly accessedAt: string;
  readonly accessCount: number;
}

/** A memory as it is written; the store derives the hash, the index terms and the access fields. */
export interface NewMemory {
  readonly id: string;
  readonly ownerId: string;
  readonly teamId: string | null;
  readonly visibility: Visibility;
  readonly kind: MemoryKind;
  readonly content: string;
  readonly sourceType: SourceType;
  readonly sourceId: string | null;
  readonly sourceTitle: string | null;
  readonly accountId: string | null;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** ISO 8601. */
  readonly createdAt: string;
  /** @default 2 (warm) */
  readonly tier?: Tier;
  /** ISO 8601. @default createdAt */
  readonly accessedAt?: string;
  /** The content's embedding; absent until it is embedded. */
  readonly embedding?: Float32Array;
}

/** What the warm index needs of one hot or warm memory. */
export interface WarmRow extends Guarded {
  readonly id: string;
  readonly embedding: Float32Array;
  readonly content: string;
  readonly sourceTitle: string | null;
  readonly kind: MemoryKind;
  readonly accountId: string | null;
}

/** An account as memory knows it: sales owns accounts, memory only adds what it knows about them. */
export interface AccountRef {
  readonly id: string;
}

export interface MemoryFilter {
  readonly kinds?: readonly MemoryKind[] | null;
  readonly tiers?: readonly Tier[] | null;
  readonly accountId?: string | null;
  readonly visibility?: readonly Visibility[] | null;
}

/** What `remember` stores: the viewer's input with its vector. */
export interface RememberRequest {
  readonly scope: ViewerScope;
  readonly input: {
    readonly content: string;
    readonly kind: MemoryKind;
    readonly visibility: Visibility;
    readonly accountId: string | null;
    /** @default 'USER' */
    readonly sourceType?: SourceType;
    readonly sourceId?: string | null;
    readonly sourceTitle?: string | null;
    readonly metadata?: Readonly<Record<string, unknown>>;
  };
  readonly embedding: Float32Array;
  /** A memory the warm index found nearly identical; merged into when its duplicate scope is the request's. */
  readonly nearDuplicateOf?: string | null;
  /** The deadline of the request that asked (none for an ingest job): the row commits only within it. */
  readonly deadline?: RequestDeadline | undefined;
}

export interface RememberResult {
  readonly memory: MemoryRow;
  readonly merged: boolean;
}

export interface ScoredMemory {
  readonly memory: MemoryRow;
  /** 0..1, see `bm25Sql`. */
  readonly score: number;
}

/**
 * The columns of a `MemoryRow`, selected from `memories m`, in SQL both dialects run: times come back as the
 * backend's text and `toMemory` makes them ISO 8601 (Snowflake has no strftime).
 */
export const MEMORY_COLUMNS = `m.id, m.owner_id AS "ownerId", m.team_id AS "teamId", m.visibility, m.kind, m.content,
  m.source_type AS "sourceType", m.source_id AS "sourceId", m.source_title AS "sourceTitle",
  m.account_id AS "accountId", m.metadata, m.tier::INTEGER AS tier, m.created_at AS "createdAt",
  m.accessed_at AS "accessedAt", m.access_count::INTEGER AS "accessCount"`;

export type StoredMemory = Omit<MemoryRow, 'metadata'> & { metadata: unknown };

export const toMemory = ({ metadata, createdAt, accessedAt, ...row }: StoredMemory): MemoryRow => ({
  ...row,
  createdAt: isoTimestamp(createdAt),
  accessedAt: isoTimestamp(accessedAt),
  // JSON text from DuckDB, a parsed VARIANT from Snowflake.
  metadata: parseJsonColumn<Record<string, unknown> | null>(metadata) ?? {},
});

/**
 * A TIMESTAMP as either backend gives it (`2024-03-01 12:34:56`, `… 12:34:56.789`, up to nanoseconds) as the
 * API's ISO 8601 with milliseconds and `Z`. Stored times are UTC.
 */
export function isoTimestamp(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?/.exec(value);
  if (!match) throw new TypeError(`Not a timestamp: ${JSON.stringify(value)}`);
  const millis = (match[3] ?? '').padEnd(3, '0').slice(0, 3);
  return `${match[1]}T${match[2]}.${millis}Z`;
}

/** Narrows by the optional filter; an omitted or empty list does not narrow. */
export function filterSql(filter: MemoryFilter): { sql: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  if (filter.kinds?.length) {
    clauses.push(`m.kind IN (${placeholders(filter.kinds)})`);
    params.push(...filter.kinds);
  }
  if (filter.visibility?.length) {
    clauses.push(`m.visibility IN (${placeholders(filter.visibility)})`);
    params.push(...filter.visibility);
  }
  if (filter.tiers?.length) {
    clauses.push(`m.tier IN (${placeholders(filter.tiers)})`);
    params.push(...filter.tiers);
  }
  if (filter.accountId !== undefined && filter.accountId !== null) {
    clauses.push('m.account_id = ?');
    params.push(filter.accountId);
  }
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), params };
}

/**
 * The text a memory is indexed and embedded by: its source's title (a chunk is found by its document's name)
 * and its content. `stored-embeddings.ts` builds the same text in SQL.
 */
export function memoryText(memory: {
  readonly sourceTitle: string | null;
  readonly content: string;
}): string {
  return memory.sourceTitle ? `${memory.sourceTitle}\n${memory.content}` : memory.content;
}

/** `memoryText` in SQL over a `memories` row, in both dialects (an empty title counts as none, as in JS). */
export const MEMORY_TEXT_SQL = `CASE WHEN coalesce(source_title, '') = '' THEN content ELSE source_title || chr(10) || content END`;

/**
 * The hash of the text a memory's vector and index terms were made from (`indexed_hash`): md5 as both
 * DuckDB's and Snowflake's `md5()` compute it in SQL over `MEMORY_TEXT_SQL`, so a row whose text anyone
 * changed is found by comparing the two (see change-capture/).
 */
export const indexedHash = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');
