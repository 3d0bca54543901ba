/**
 * Questions Sophia must decline rather than answer with its own data: about another company ("What was
 * Salesforce's revenue?"), about figures the company does not keep in Sophia (net income, share price), or
 * asking it to act (book, send). Answering those with our revenue or headcount would be a wrong answer
 * that looks right.
 */
import type { Decline } from '../pipeline/answer-contract.ts';
import { perDirectory, type Directory } from './directory.ts';
import { normalize } from './text.ts';

export type { Decline };

/** Figures and subjects no tool of Sophia's holds. */
const NOT_HELD: readonly string[] = [
  'net income',
  'net profit',
  'profit',
  'profits',
  'ebitda',
  'ebit',
  'earnings per share',
  'eps',
  'share price',
  'stock price',
  'market cap',
  'market capitalisation',
  'market capitalization',
  'valuation',
  'dividend',
  'weather',
  'bitcoin',
  'crypto',
  'world cup',
  'gdp',
  'inflation rate',
  'interest rate',
  'exchange rate',
];

const ACTIONS =
  /^\s*(?:please\s+|can you\s+|could you\s+)?(book|schedule|send|email|e-mail|call|set up|cancel|invite|order|buy|pay|transfer|post|tweet)\b/i;

/** Where a question names a company: "Salesforce's revenue", "does Microsoft have", "NPS of Zendesk". */
const COMPANY_PATTERNS: readonly RegExp[] = [
  /\b([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)?)(?:'s|’s)\s/gu,
  /\b(?:does|did|do|is|was|has)\s+([A-Z][\w&.-]+)\s+(?:have|had|make|earn|report|employ|doing)\b/gu,
  /\b(?:of|at|for)\s+([A-Z][\w&.-]+)\s*\??$/gu,
];

/** Names of the company's own things: a possessive of these is ours. */
const ownNames = perDirectory((directory: Directory): ReadonlySet<string> => {
  const own = new Set<string>(['sophia', 'our', 'we', 'us', 'the company', 'company']);
  for (const entry of [...directory.accounts, ...directory.people, ...(directory.teams ?? [])]) {
    own.add(normalize(entry.name));
    for (const word of normalize(entry.name).split(' ')) if (word.length > 2) own.add(word);
  }
  // The company's own name is in everyone's email domain (northwindanalytics.com).
  for (const person of directory.people) {
    const domain = person.email.split('@')[1]?.split('.')[0];
    if (domain) own.add(domain);
  }
  for (const metric of directory.metrics) own.add(normalize(metric.name));
  // "the CRO's reports": titles and their short forms are people here.
  for (const short of ['ceo', 'cfo', 'cro', 'cto', 'coo', 'cmo', 'cpo', 'vp', 'svp', 'evp']) own.add(short);
  for (const person of directory.people) {
    for (const word of normalize(person.title).split(' ')) if (word.length > 2) own.add(word);
  }
  return own;
});

function isOurs(name: string, own: ReadonlySet<string>): boolean {
  const word = normalize(name);
  if (own.has(word)) return true;
  // "Northwind" is the start of the email domain "northwindanalytics".
  return [...own].some((known) => known.length > 6 && word.length > 3 && known.startsWith(word));
}

/** Why the question must be declined, or null when Sophia's data may answer it. */
export function declineReason(question: string, directory: Directory): Decline | null {
  const action = ACTIONS.exec(question);
  if (action) return { kind: 'ACTION', action: action[1]!.toLowerCase() };
  const own = ownNames(directory);
  for (const pattern of COMPANY_PATTERNS) {
    for (const match of question.matchAll(pattern)) {
      const name = match[1]!;
      const at = match.index + match[0].indexOf(name);
      // A capital at the start of a sentence is no name.
      if (/^\s*$|[.!?]\s*$/.test(question.slice(0, at)) && !/(?:'s|’s)$/.test(match[0].trim())) continue;
      if (/^(?:Q[1-4]|FY\d*|H[12]|I|What|Who|How|Which|When|Where|Why)$/.test(name)) continue;
      if (!isOurs(name, own)) return { kind: 'OTHER_COMPANY', name };
    }
  }
  const text = ` ${normalize(question)} `;
  const subject = NOT_HELD.find((phrase) => text.includes(` ${phrase} `));
  return subject ? { kind: 'NOT_HELD', subject } : null;
}

/** The plain refusal for `decline`. */
export function declineText(decline: Decline): string {
  switch (decline.kind) {
    case 'OTHER_COMPANY':
      return (
        `I don't know: Sophia only holds this company's own data, and nothing about ${decline.name}, so I ` +
        `won't answer with our figures instead.`
      );
    case 'NOT_HELD':
      return (
        `I don't know: Sophia does not hold ${decline.subject} (its figures are the company's KPIs, deals, ` +
        `accounts, people, projects, OKRs and documents), so I won't give a figure.`
      );
    case 'ACTION':
      return (
        `I can't help with that: Sophia answers questions from the company's data and cannot ` +
        `${decline.action} anything on your behalf.`
      );
  }
}
