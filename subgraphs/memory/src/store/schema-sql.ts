/** The memory tables: the directory visibility needs, memories, and the lexical index over them. */
export const MEMORY_DDL: readonly string[] = [
  `CREATE TABLE directory (user_id VARCHAR PRIMARY KEY, team_id VARCHAR)`,
  `CREATE TABLE memories (
     id VARCHAR PRIMARY KEY,
     owner_id VARCHAR NOT NULL,
     visibility VARCHAR NOT NULL CHECK (visibility IN ('PRIVATE', 'TEAM', 'ORG')),
     kind VARCHAR NOT NULL CHECK (kind IN ('NOTE', 'DOCUMENT_CHUNK', 'CONVERSATION', 'FACT')),
     content VARCHAR NOT NULL,
     content_hash VARCHAR NOT NULL,
     term_count INTEGER NOT NULL,
     source_type VARCHAR NOT NULL,
     source_id VARCHAR,
     source_title VARCHAR,
     account_id VARCHAR,
     team_id VARCHAR,
     metadata JSON NOT NULL,
     embedding FLOAT[],
     tier TINYINT NOT NULL DEFAULT 2 CHECK (tier IN (1, 2, 3)),
     created_at TIMESTAMP NOT NULL,
     accessed_at TIMESTAMP NOT NULL,
     access_count INTEGER NOT NULL DEFAULT 0)`,
  // The lexical index: one row per (memory, term) with the term's frequency in the memory.
  `CREATE TABLE memory_terms (memory_id VARCHAR NOT NULL, term VARCHAR NOT NULL, tf INTEGER NOT NULL)`,
];
