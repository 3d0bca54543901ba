/** KPI values, comparisons and trends, in the words executives use, checked against kpiCards and series. */
import { all, cites, metricValue, type EvalCase } from '../checks.ts';
import type { CardTruth, Truth } from '../truth.ts';

function card(truth: Truth, period: string, id: string): CardTruth {
  const found = truth.cards.get(period)?.find((c) => c.metric.id === id);
  if (!found) throw new Error(`No ${id} card for ${period}`);
  return found;
}

const value = (c: CardTruth) => metricValue(c.value ?? Number.NaN, c.metric.unit);

/** Ways of asking for one metric's current value: [metric id, question]. */
const CURRENT: readonly (readonly [string, string])[] = [
  ['revenue', 'What is our revenue this quarter?'],
  ['arr', "What's our ARR right now?"],
  ['new_bookings', 'How much have we booked this quarter?'],
  ['gross_margin', 'What is our gross margin?'],
  ['burn', "What's our net burn this quarter?"],
  ['cash', 'How much cash do we have in the bank?'],
  ['runway', 'How many months of runway do we have?'],
  ['nrr', "What's our net revenue retention?"],
  ['churn', 'What is gross churn this quarter?'],
  ['cac', 'What does it cost us to acquire a customer?'],
  ['headcount', "What's our headcount?"],
  ['pipeline_coverage', 'What is our pipeline coverage?'],
  ['win_rate', "What's our win rate this quarter?"],
  ['nps', 'What is our NPS?'],
  ['new_customers', 'How many new logos did we add this quarter?'],
  ['arr', 'annual recurring revnue?'],
  ['revenue', 'revenue so far this quarter'],
  ['gross_margin', 'Remind me of our margins this quarter'],
];

export function kpiCases(truth: Truth): EvalCase[] {
  const q = truth.currentQuarter;
  const p = truth.previousQuarter;
  const [year, qn] = p.split('-Q');
  const cases: EvalCase[] = CURRENT.map(([id, question]) => ({
    category: 'KPIs',
    question,
    check: all(value(card(truth, q, id)), cites('Metric', id)),
  }));
  const last: readonly (readonly [string, string])[] = [
    ['revenue', 'What was revenue last quarter?'],
    ['arr', `What was ARR at the end of Q${qn}?`],
    ['new_bookings', `Bookings in Q${qn} ${year}?`],
    ['burn', 'How much did we burn last quarter?'],
    ['nrr', `What was NRR in the last quarter?`],
    ['cash', `What was our cash position at the end of last quarter?`],
  ];
  for (const [id, question] of last) {
    cases.push({ category: 'KPIs', question, check: all(value(card(truth, p, id)), cites('Metric', id)) });
  }
  return cases;
}

export function comparisonCases(truth: Truth): EvalCase[] {
  const q = truth.currentQuarter;
  const [year, qn] = q.split('-Q');
  const both = (id: string) => all(value(card(truth, q, id)), value(card(truth, truth.previousQuarter, id)));
  const withTarget = (id: string) => {
    const c = card(truth, q, id);
    return all(value(c), metricValue(c.target ?? Number.NaN, c.metric.unit));
  };
  const vsLast: readonly (readonly [string, string])[] = [
    ['revenue', 'How does revenue this quarter compare with last quarter?'],
    ['arr', 'Is ARR up or down versus last quarter?'],
    ['new_bookings', 'Compare bookings this quarter to last quarter'],
    ['gross_margin', 'Did gross margin improve compared to last quarter?'],
    ['burn', 'Are we burning more than last quarter?'],
    ['churn', 'Has churn gotten better or worse since last quarter?'],
    ['nrr', 'How does NRR compare with the previous quarter?'],
    ['win_rate', 'Is our win rate better than last quarter?'],
    ['headcount', 'How has headcount changed since last quarter?'],
    ['nps', 'NPS this quarter vs last quarter?'],
  ];
  const cases: EvalCase[] = vsLast.map(([id, question]) => ({
    category: 'comparisons',
    question,
    check: both(id),
  }));
  const vsTarget: readonly (readonly [string, string])[] = [
    ['revenue', 'Are we on track to hit our revenue target this quarter?'],
    ['new_bookings', 'How are bookings tracking against target?'],
    ['arr', 'Are we ahead or behind plan on ARR?'],
    ['new_customers', 'How many new customers have we added against the target?'],
    ['gross_margin', 'Is gross margin above target?'],
  ];
  for (const [id, question] of vsTarget)
    cases.push({ category: 'comparisons', question, check: withTarget(id) });
  const pq = truth.previousQuarter.split('-Q')[1];
  const twoQuarters: readonly (readonly [string, string])[] = [
    ['revenue', `Compare revenue in Q${pq} and Q${qn}`],
    ['arr', `ARR Q${pq} vs Q${qn} ${year}`],
    ['new_bookings', `How did bookings in Q${qn} compare with Q${pq}?`],
    ['burn', `Net burn: Q${pq} versus Q${qn}?`],
    ['cac', `CAC in Q${qn} compared with Q${pq}`],
  ];
  for (const [id, question] of twoQuarters) {
    cases.push({
      category: 'comparisons',
      question,
      check: all(value(card(truth, q, id)), value(card(truth, truth.previousQuarter, id))),
    });
  }
  return cases;
}

export function trendCases(truth: Truth): EvalCase[] {
  const ask: readonly (readonly [string, string])[] = [
    ['revenue', 'How is revenue trending?'],
    ['arr', 'Show me ARR over the last 12 months'],
    ['new_bookings', 'What is the trend in bookings?'],
    ['gross_margin', 'How has gross margin evolved over the past year?'],
    ['burn', 'Is our burn growing or declining?'],
    ['cash', 'How has our cash balance moved month by month?'],
    ['runway', 'Runway trend over the last year?'],
    ['nrr', 'Net retention over time'],
    ['churn', 'Is churn trending up?'],
    ['cac', 'How has CAC developed over the past twelve months?'],
    ['headcount', 'How has headcount grown this year?'],
    ['pipeline_coverage', 'Pipeline coverage month by month'],
    ['win_rate', 'How has our win rate trended?'],
    ['nps', 'NPS trend please'],
    ['new_customers', 'New customers per month over the last year?'],
    ['revenue', 'Chart monthly revenue for the past 12 months'],
    ['arr', 'How has ARR grown?'],
    ['burn', 'show me the burn rate history'],
    ['cash', 'cash trajectory'],
    ['new_bookings', 'bookings over time'],
  ];
  return ask.map(([id, question]) => {
    const metric = truth.metrics.find((m) => m.id === id)!;
    const points = (truth.series.get(id) ?? []).filter((point) => point.value !== null);
    const latest = points.at(-1)!.value!;
    return {
      category: 'trends',
      question,
      check: all(metricValue(latest, metric.unit), cites('Metric', id)),
    };
  });
}
