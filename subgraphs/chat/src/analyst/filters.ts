/**
 * The filters and rankings a question puts on a list: regions ("in EMEA"), amounts ("over $500k"), deal
 * stages ("in negotiation"), how many ("top 3", "the biggest deal") and whether it asks about risk. Regions
 * are the ones the accounts really have, with the words people use for them.
 */
import { normalize } from './text.ts';

import type { QuestionFilters } from '../pipeline/answer-contract.ts';

export type { QuestionFilters };

export const NO_FILTERS: QuestionFilters = {
  regions: [],
  minAmount: null,
  maxAmount: null,
  stages: [],
  limit: null,
};

/** Other words for the regions accounts are in (keys are normalised region names). */
const REGION_WORDS: Readonly<Record<string, readonly string[]>> = {
  'north america': ['north america', 'na', 'us', 'usa', 'united states', 'america', 'americas', 'canada'],
  emea: ['emea', 'europe', 'european', 'uk', 'middle east', 'africa'],
  apac: ['apac', 'asia', 'asia pacific', 'australia', 'japan', 'anz'],
  latam: ['latam', 'latin america', 'south america', 'brazil', 'mexico'],
};

const STAGE_WORDS: Readonly<Record<string, readonly string[]>> = {
  PROSPECTING: ['prospecting', 'prospect stage'],
  QUALIFICATION: ['qualification', 'qualifying', 'qualified'],
  PROPOSAL: ['proposal', 'proposals', 'proposal stage'],
  NEGOTIATION: ['negotiation', 'negotiating', 'negotiations', 'contracting'],
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
};

const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  million: 1e6,
  mil: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const AMOUNT = String.raw`\$?\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|mm|mil|million|thousand|b|bn|billion)?\b`;
const OVER = new RegExp(
  String.raw`\b(?:over|above|more than|greater than|larger than|bigger than|at least|exceeding|>=?|min(?:imum)?(?: of)?)\s*${AMOUNT}`,
  'i',
);
const UNDER = new RegExp(String.raw`\b(?:under|below|less than|smaller than|at most|<=?)\s*${AMOUNT}`, 'i');

function amount(match: RegExpMatchArray | null): number | null {
  if (!match) return null;
  const value = Number(match[1]!.replaceAll(',', ''));
  return Number.isFinite(value) ? value * (SCALE[(match[2] ?? '').toLowerCase()] ?? 1) : null;
}

function has(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

/** The filters of `question`, with `regions` the regions the data knows. */
export function parseFilters(question: string, regions: readonly string[]): QuestionFilters {
  const text = normalize(question);
  const lower = question.toLowerCase();
  const foundRegions = regions.filter((region) => {
    const key = normalize(region);
    const words = [key, ...(REGION_WORDS[key] ?? [])];
    // "us" is a region only when written in capitals ("deals in the US"), not the pronoun.
    return words.some((word) => (word === 'us' ? /\bUS\b/.test(question) : has(text, word)));
  });
  const stages = Object.entries(STAGE_WORDS)
    .filter(([, words]) => words.some((word) => has(text, word)))
    .map(([stage]) => stage);
  const top = /\btop\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\b/.exec(text);
  const singular =
    /\b(?:the|our)?\s*(?:single\s+)?(?:biggest|largest|top|most valuable|highest)\s+(?:open\s+)?(?:deal|opportunity|opp|customer|account|client)\b(?!s)/.test(
      text,
    ) || /\bwhich (?:customer|account|client) has the (?:most|biggest|largest|highest)\b/.test(text);
  const limit = top ? (NUMBER_WORDS[top[1]!] ?? Number(top[1])) : singular ? 1 : null;
  return {
    regions: foundRegions,
    minAmount: amount(lower.match(OVER)),
    maxAmount: amount(lower.match(UNDER)),
    stages,
    limit,
  };
}

export function hasFilters(filters: QuestionFilters): boolean {
  return (
    filters.regions.length > 0 ||
    filters.minAmount !== null ||
    filters.maxAmount !== null ||
    filters.stages.length > 0 ||
    filters.limit !== null
  );
}
