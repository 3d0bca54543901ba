import { STAGE_PROBABILITY, type DealStage } from '@sophia/domain';
import {
  replaceStageHistories,
  replaceStageHistoriesFrom,
  SALES_STORE,
  upsertAccounts,
  upsertAccountsFrom,
  upsertDeals,
  upsertDealsFrom,
  type AccountRecord,
  type DealRecord,
  type StageChangeRecord,
} from '@sophia/sales/store';
import { date, fraction, id, integer, nonNegative, oneOf, optional, required, text } from '../fields.ts';
import { defineKind, groupBy } from '../kind.ts';

const STAGES = [
  'PROSPECTING',
  'QUALIFICATION',
  'PROPOSAL',
  'NEGOTIATION',
  'CLOSED_WON',
  'CLOSED_LOST',
] as const;

/** The stage's win probability, as STAGE_PROBABILITY gives it, for a deal the file gives none. */
const stageProbabilitySql = (stage: string) =>
  `CASE ${stage} ${STAGES.map((s) => `WHEN '${s}' THEN ${STAGE_PROBABILITY[s]}`).join(' ')} END`;

export const accounts = defineKind<AccountRecord>({
  name: 'accounts',
  summary: 'Customer and prospect accounts.',
  store: SALES_STORE,
  fields: [
    required('id', id, 'the account’s id in your CRM'),
    required('name', text, 'company name'),
    required('industry', text, 'industry'),
    required('segment', oneOf(['ENTERPRISE', 'MID_MARKET', 'SMB'] as const), 'ENTERPRISE, MID_MARKET or SMB'),
    required('region', text, 'sales region'),
    required('employees', integer, 'head count, a whole number'),
    optional('website', text, 'web domain', ''),
    required('owner_id', id, 'the account executive (a `people` id)'),
    required('status', oneOf(['PROSPECT', 'CUSTOMER', 'CHURNED'] as const), 'PROSPECT, CUSTOMER or CHURNED'),
    required('created_at', date, 'when it entered the CRM, YYYY-MM-DD'),
    optional('customer_since', date, 'first day as a customer, YYYY-MM-DD'),
  ],
  key: ['id'],
  defines: 'accounts',
  references: [{ column: 'owner_id', to: 'people' }],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      id: values['id'] as string,
      name: values['name'] as string,
      industry: values['industry'] as string,
      segment: values['segment'] as AccountRecord['segment'],
      region: values['region'] as string,
      employees: values['employees'] as number,
      website: values['website'] as string,
      ownerId: values['owner_id'] as string,
      status: values['status'] as AccountRecord['status'],
      createdAt: values['created_at'] as string,
      customerSince: values['customer_since'] as string | null,
    })),
  write: upsertAccounts,
  upsertStaged: upsertAccountsFrom,
});

export const deals = defineKind<DealRecord>({
  name: 'deals',
  summary: 'Deals with their current stage (import `deal-stages` for their history).',
  store: SALES_STORE,
  fields: [
    required('id', id, 'the deal’s id in your CRM'),
    required('name', text, 'deal name'),
    required('account_id', id, 'its account (an `accounts` id)'),
    required('owner_id', id, 'the seller who owns it (a `people` id)'),
    required('amount', nonNegative, 'annual contract value in the organisation’s currency'),
    required('stage', oneOf(STAGES), STAGES.join(', ')),
    required(
      'type',
      oneOf(['NEW_BUSINESS', 'EXPANSION', 'RENEWAL'] as const),
      'NEW_BUSINESS, EXPANSION or RENEWAL',
    ),
    optional('probability', fraction, 'win probability 0–1 (default: the stage’s)'),
    required('created_at', date, 'when it was opened, YYYY-MM-DD'),
    required('close_date', date, 'expected close (open deals) or actual close, YYYY-MM-DD'),
    optional('closed_at', date, 'when it closed, for won and lost deals'),
  ],
  key: ['id'],
  defines: 'deals',
  references: [
    { column: 'account_id', to: 'accounts' },
    { column: 'owner_id', to: 'people' },
  ],
  toRecords: (rows) =>
    rows.map(({ values }) => {
      const stage = values['stage'] as DealStage;
      const closed = stage === 'CLOSED_WON' || stage === 'CLOSED_LOST';
      return {
        id: values['id'] as string,
        name: values['name'] as string,
        accountId: values['account_id'] as string,
        ownerId: values['owner_id'] as string,
        amount: values['amount'] as number,
        stage,
        type: values['type'] as DealRecord['type'],
        probability: (values['probability'] as number | null) ?? STAGE_PROBABILITY[stage],
        createdAt: values['created_at'] as string,
        closeDate: values['close_date'] as string,
        closedAt: closed
          ? ((values['closed_at'] as string | null) ?? (values['close_date'] as string))
          : null,
      };
    }),
  write: upsertDeals,
  upsertStaged: (tx, dialect, rows) =>
    upsertDealsFrom(
      tx,
      dialect,
      `(SELECT id, name, account_id, owner_id, amount, stage, type,
          COALESCE(probability, ${stageProbabilitySql('stage')}) AS probability, created_at, close_date,
          CASE WHEN stage IN ('CLOSED_WON', 'CLOSED_LOST') THEN COALESCE(closed_at, close_date) END AS closed_at
        FROM ${rows})`,
    ),
});

export const dealStages = defineKind<readonly [string, readonly StageChangeRecord[]]>({
  name: 'deal-stages',
  summary:
    'Stage history: every stage each deal entered and when; replaces the history of the deals it names.',
  store: SALES_STORE,
  fields: [
    required('deal_id', id, 'the deal (a `deals` id)'),
    required('stage', oneOf(STAGES), STAGES.join(', ')),
    required('entered_at', date, 'when the deal entered the stage, YYYY-MM-DD'),
  ],
  key: ['deal_id', 'stage', 'entered_at'],
  references: [{ column: 'deal_id', to: 'deals' }],
  toRecords: (rows) =>
    [...groupBy(rows, (row) => row.values['deal_id'] as string)].map(([dealId, changes]) => [
      dealId,
      changes
        .map(({ values }) => ({
          stage: values['stage'] as DealStage,
          enteredAt: values['entered_at'] as string,
        }))
        .sort((a, b) => a.enteredAt.localeCompare(b.enteredAt)),
    ]),
  write: replaceStageHistories,
  upsertStaged: replaceStageHistoriesFrom,
});
