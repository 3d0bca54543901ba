import type { FixtureResult } from './fixture-client.ts';

/**
 * Answers shaped exactly like the dashboard's queries select (the fixture client fails when they are
 * not). Figures are the demo company's, anchored to 2026-11-24.
 */

const revenue = { id: 'revenue', name: 'Revenue', unit: 'CURRENCY', currency: 'EUR', higherIsBetter: true };
const churn = {
  id: 'gross_churn',
  name: 'Gross churn',
  unit: 'PERCENT',
  currency: null,
  higherIsBetter: false,
};

export const kpiCard = (
  metric: typeof revenue | typeof churn,
  period: string,
  value: number | null,
  change: number | null,
  target: number | null,
  status: string,
) => ({
  period,
  previousPeriod: period === '2026-Q4' ? '2026-Q3' : '2026-Q2',
  value,
  previousValue: value === null ? null : value * 0.9,
  change,
  target,
  status,
  sparkline: [1, 2, 3, 2, 4],
  partial: period === '2026-Q4',
  metric,
});

export const overview = (period: string): FixtureResult => ({
  data: {
    kpiCards:
      period === '2026-Q3'
        ? [kpiCard(revenue, '2026-Q3', 7_992_708.53, 0.1757, 7_510_000, 'ON_TRACK')]
        : [
            kpiCard(revenue, '2026-Q4', 5_100_000, -0.05, 8_000_000, 'AT_RISK'),
            kpiCard(churn, '2026-Q4', 2.4, 0.1, 2, 'OFF_TRACK'),
          ],
  },
});

export const metricSeries: FixtureResult = {
  data: {
    metric: {
      id: revenue.id,
      name: revenue.name,
      unit: revenue.unit,
      currency: revenue.currency,
      series: [
        { period: '2026-09', value: 2_600_000 },
        { period: '2026-10', value: 2_700_000 },
      ],
    },
  },
};

const user = (id: string, name: string) => ({ id, name });
const team = { id: 'team_sales', name: 'Sales' };

export const projectsOkrs: FixtureResult = {
  data: {
    objectives: [
      {
        id: 'obj_1',
        period: '2026-Q4',
        title: 'Accelerate durable, efficient growth',
        progress: 0.62,
        status: 'ON_TRACK',
        owner: { ...user('usr_001', 'Avery Chen'), title: 'Chief Executive Officer' },
        team: null,
        keyResults: [
          {
            id: 'kr_1',
            title: 'Grow ARR to $32.7M',
            unit: 'CURRENCY',
            startValue: 31_200_000,
            currentValue: 32_770_500,
            targetValue: 32_710_000,
            progress: 1,
            status: 'ACHIEVED',
            metric: { id: 'arr', currency: 'USD' },
          },
          {
            id: 'kr_2',
            title: 'Ship the partner portal',
            unit: 'MILESTONES',
            startValue: 0,
            currentValue: 2,
            targetValue: 5,
            progress: 0.4,
            status: 'AT_RISK',
            metric: null,
          },
        ],
      },
    ],
    projects: [
      {
        id: 'prj_2',
        name: 'Data platform migration',
        status: 'OFF_TRACK',
        progress: 0.35,
        dueDate: '2026-12-15',
        owner: user('usr_010', 'Malik Ito'),
        team,
      },
      {
        id: 'prj_1',
        name: 'Partner portal',
        status: 'ON_TRACK',
        progress: 0.8,
        dueDate: '2027-01-31',
        owner: user('usr_011', 'Elijah Schmidt'),
        team: null,
      },
    ],
  },
};

const stages = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];
export const salesOverview: FixtureResult = {
  data: {
    pipeline: {
      period: '2026-Q4',
      currency: 'USD',
      openCount: 40,
      openAmount: 12_400_000,
      weightedForecast: 9_870_000,
      wonCount: 12,
      wonAmount: 4_100_000,
      lostCount: 6,
      winRate: 0.6667,
      stages: stages.map((stage, i) => ({
        stage,
        count: i + 1,
        amount: (i + 1) * 1_000_000,
        weightedAmount: i * 500_000,
      })),
    },
  },
};

export const deal = (n: number) => ({
  id: `deal_${String(n).padStart(4, '0')}`,
  name: `Deal ${n}`,
  amount: 100_000 * (30 - n),
  currency: 'USD',
  stage: n % 2 ? 'PROPOSAL' : 'NEGOTIATION',
  probability: n % 2 ? 0.4 : 0.6,
  closeDate: `2026-12-${String(n).padStart(2, '0')}`,
  account: { id: `acc_${n}`, name: `Account ${String.fromCharCode(90 - n)}` },
  owner: user('usr_010', 'Malik Ito'),
});

export const dealsPage = (variables: Record<string, unknown>): FixtureResult => {
  const start = variables['after'] === 'cursor-10' ? 10 : 0;
  const nodes = Array.from({ length: start ? 2 : 10 }, (_, i) => deal(start + i + 1));
  return {
    data: {
      deals: {
        totalCount: 12,
        totalAmount: 31_000_000,
        pageInfo: { hasNextPage: start === 0, endCursor: start === 0 ? 'cursor-10' : 'cursor-12' },
        nodes,
      },
    },
  };
};

export const searchMemories: FixtureResult = {
  data: {
    searchMemories: [
      {
        score: 0.8731,
        servedFrom: 'L2',
        memory: {
          id: 'mem_1',
          content: 'Mayfield Transport wants a three-year renewal with a volume discount.',
          kind: 'NOTE',
          tier: 'WARM',
          visibility: 'ORG',
          createdAt: '2026-11-02T10:00:00.000Z',
          source: { type: 'NOTE', title: null },
          owner: user('usr_010', 'Malik Ito'),
          account: { id: 'acc_1', name: 'Mayfield Transport' },
        },
      },
    ],
  },
};
