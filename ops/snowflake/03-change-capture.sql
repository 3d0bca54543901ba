-- Sophia on Snowflake, step 3 of 3: change data capture for memories. Run as SOPHIA_OWNER.
-- A memory inserted, changed or deleted by anything (an import, an analyst's UPDATE, another memory replica)
-- is logged in MEMORY_CHANGES; every memory replica reads the log with its own cursor, re-embeds changed text
-- and updates its L2 index. The memory service's migrations create the same stream and log table.
USE ROLE SOPHIA_OWNER;
USE WAREHOUSE SOPHIA_WH;
USE DATABASE SOPHIA;

CREATE STREAM IF NOT EXISTS SOPHIA_MEMORY.EMBEDDING_CHANGES ON TABLE SOPHIA_MEMORY.MEMORIES;

-- An append-only log: one row per change, numbered. Replicas never delete what they read (each replica must
-- see every change); entries older than a day are pruned by the replicas.
CREATE TABLE IF NOT EXISTS SOPHIA_MEMORY.MEMORY_CHANGES (
  SEQ NUMBER(38, 0) AUTOINCREMENT,
  MEMORY_ID VARCHAR NOT NULL,
  ACTION VARCHAR NOT NULL,
  CHANGED_AT TIMESTAMP_NTZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);

-- Runs each minute, and only when the stream has data (no warehouse time otherwise). Consuming the stream in
-- the INSERT moves its offset in the same transaction. Memory replicas run the same INSERT on each poll (so a
-- change reaches L2 within their poll interval); the task keeps the stream consumed while none is running, so
-- it never goes stale. The body is the service's CONSUME_STREAM_SQL (change-capture/snowflake-change-log.ts).
CREATE OR REPLACE TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK
  WAREHOUSE = SOPHIA_WH
  SCHEDULE = '1 MINUTE'
  WHEN SYSTEM$STREAM_HAS_DATA('SOPHIA_MEMORY.EMBEDDING_CHANGES')
  AS
  INSERT INTO SOPHIA_MEMORY.MEMORY_CHANGES (MEMORY_ID, ACTION)
  SELECT ID, IFF(METADATA$ACTION = 'DELETE' AND NOT METADATA$ISUPDATE, 'DELETE', 'UPSERT')
  FROM SOPHIA_MEMORY.EMBEDDING_CHANGES
  WHERE METADATA$ACTION = 'INSERT' OR NOT METADATA$ISUPDATE;

ALTER TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK RESUME;

-- What the service role may do: rows, not structure.
GRANT USAGE ON SCHEMA SOPHIA.SOPHIA_MEMORY TO ROLE SOPHIA_READER;
GRANT SELECT ON ALL TABLES IN SCHEMA SOPHIA.SOPHIA_MEMORY TO ROLE SOPHIA_READER;
GRANT SELECT ON FUTURE TABLES IN SCHEMA SOPHIA.SOPHIA_MEMORY TO ROLE SOPHIA_READER;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA SOPHIA.SOPHIA_MEMORY TO ROLE SOPHIA_APP;
GRANT INSERT, UPDATE, DELETE ON FUTURE TABLES IN SCHEMA SOPHIA.SOPHIA_MEMORY TO ROLE SOPHIA_APP;
GRANT USAGE ON FUNCTION SOPHIA.SOPHIA_MEMORY.SEMANTIC_SEARCH(VECTOR(FLOAT, 768), NUMBER) TO ROLE SOPHIA_APP;
GRANT SELECT ON STREAM SOPHIA.SOPHIA_MEMORY.EMBEDDING_CHANGES TO ROLE SOPHIA_READER;
