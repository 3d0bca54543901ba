/**
 * What `account_rows` selects: each account with its open and won deals summed. CASE inside SUM rather than
 * `FILTER (WHERE …)`, so both dialects define the same view (a store made with the FILTER form gives the
 * same rows).
 */
export const ACCOUNT_ROWS = `SELECT a.id, a.name, a.industry, a.segment, a.region, a.employees, a.website,
    a.owner_id AS "ownerId",
    COALESCE(SUM(CASE WHEN d.status = 'OPEN' THEN d.amount END), 0) AS "openPipeline",
    COALESCE(SUM(CASE WHEN d.status = 'WON' THEN d.amount END), 0) AS "wonAmount"
  FROM accounts a LEFT JOIN deals d ON d.account_id = a.id
  GROUP BY a.id, a.name, a.industry, a.segment, a.region, a.employees, a.website, a.owner_id`;

/**
 * The sales tables. Amounts are DOUBLE: whole dollars stay exact far beyond any pipeline's size, and they come
 * back as numbers. `account_rows` sums each account's open and won deals so every account read agrees.
 */
export const SALES_DDL = [
  `CREATE TABLE accounts (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    industry VARCHAR NOT NULL,
    segment VARCHAR NOT NULL,
    region VARCHAR NOT NULL,
    employees INTEGER NOT NULL,
    website VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    created_at DATE NOT NULL,
    customer_since DATE
  )`,
  `CREATE TABLE deals (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    account_id VARCHAR NOT NULL REFERENCES accounts (id),
    owner_id VARCHAR NOT NULL,
    amount DOUBLE NOT NULL,
    stage VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    probability DOUBLE NOT NULL,
    created_at DATE NOT NULL,
    close_date DATE NOT NULL,
    closed_at DATE
  )`,
  `CREATE TABLE deal_stage_changes (
    deal_id VARCHAR NOT NULL REFERENCES deals (id),
    position INTEGER NOT NULL,
    stage VARCHAR NOT NULL,
    entered_at DATE NOT NULL,
    PRIMARY KEY (deal_id, position)
  )`,
  `CREATE VIEW account_rows AS ${ACCOUNT_ROWS}`,
];

/** The columns of a `DealRow`, selected from `deals d`. */
export const DEAL_COLUMNS = `d.id, d.name, d.amount, d.stage, d.status, d.type, d.probability,
  d.amount * d.probability AS "weightedAmount", d.close_date AS "closeDate", d.created_at AS "createdAt",
  d.account_id AS "accountId", d.owner_id AS "ownerId"`;
