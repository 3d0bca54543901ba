/** The chat tables: conversations and their messages. */
export const CHAT_DDL: readonly string[] = [
  `CREATE TABLE conversations (
     id VARCHAR PRIMARY KEY,
     owner_id VARCHAR NOT NULL,
     title VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL,
     updated_at TIMESTAMP NOT NULL)`,
  // No foreign key to conversations: DuckDB refuses updates of a referenced row, and updated_at moves.
  `CREATE TABLE messages (
     id VARCHAR PRIMARY KEY,
     conversation_id VARCHAR NOT NULL,
     role VARCHAR NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
     content VARCHAR NOT NULL,
     status VARCHAR NOT NULL CHECK (status IN ('STREAMING', 'COMPLETE', 'FAILED', 'CANCELLED')),
     citations JSON NOT NULL,
     created_at TIMESTAMP NOT NULL)`,
];
