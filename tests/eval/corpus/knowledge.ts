/**
 * Knowledge in the company's own documents, and questions Sophia must decline. A knowledge answer quotes
 * the passage with the fact and cites the document it comes from.
 */
import { all, cites, declines, mentions, type EvalCase } from '../checks.ts';
import type { Truth } from '../truth.ts';

const FACTS: readonly (readonly [string, string])[] = [
  ["What's the daily meal allowance when travelling?", '$75'],
  ['How far ahead should we book travel?', '14 days'],
  ['Can I fly business class?', 'economy'],
  ['How long do I have to submit expenses?', '30 days'],
  ['Who approves a discount above 20%?', 'Chief Financial Officer'],
  ['Who can approve a 15% discount?', 'sales team lead'],
  ['What is the approval limit for a vendor contract above $50k?', 'CFO'],
  ['Who needs to sign off on a $300k vendor contract?', 'CEO'],
  ['How quickly must we update the status page in a Severity 1 incident?', '15 minutes'],
  ['What is the response time for a Sev 2 incident?', '30 minutes'],
  ['When is the postmortem due after an incident?', 'five working days'],
  ['How many days of paid time off do we get?', '25 days'],
  ['How long is parental leave?', '16 weeks'],
  ['Do I need a doctor’s note when I am sick?', 'three days'],
  ["What's the home office allowance?", '$1,000'],
  ['What are our core collaboration hours?', '10:00 to 15:00'],
  ['How long do we keep customer data after a contract ends?', '30 days'],
  ['How long are support tickets kept?', 'three years'],
  ['After how long must a laptop screen lock?', 'five minutes'],
  ['Can I work from another country?', 'four weeks'],
];

export function knowledgeCases(_truth: Truth): EvalCase[] {
  return FACTS.map(([question, fact]) => ({
    category: 'knowledge',
    question,
    check: all(mentions(fact), cites('Memory')),
  }));
}

const OTHER_COMPANIES: readonly string[] = [
  "What was Salesforce's revenue last quarter?",
  'How many employees does Microsoft have?',
  "What is Snowflake's ARR?",
  "What's Google's headcount?",
  "What is Apple's gross margin?",
  'How much cash does Stripe have?',
  "What is HubSpot's churn rate?",
  "What's Amazon's market cap?",
  'How many customers does Slack have?',
  "What was Oracle's revenue this year?",
  "How is Datadog's pipeline looking?",
  "What's the NPS of Zendesk?",
];

const NOT_HELD: readonly string[] = [
  "What's the weather in Paris tomorrow?",
  'Who won the World Cup?',
  "What's the price of bitcoin today?",
  "What's our net income this quarter?",
  'What is our EBITDA?',
  "What's our share price?",
  'Book a meeting with the CFO next week',
  'Send an email to the board',
];

export function outOfScopeCases(_truth: Truth): EvalCase[] {
  return [
    ...OTHER_COMPANIES.map((question) => ({
      category: 'out of scope' as const,
      question,
      check: declines,
      otherCompany: true,
    })),
    ...NOT_HELD.map((question) => ({ category: 'out of scope' as const, question, check: declines })),
  ];
}
