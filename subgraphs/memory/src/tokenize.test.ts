import { describe, expect, it } from 'vitest';
import { queryTerms, stem, termFrequencies, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('lowercases, drops stop words and punctuation, and folds accents', () => {
    expect(tokenize('The Café renewal is at RISK, and Q4 matters!')).toEqual([
      'cafe',
      'renewal',
      'risk',
      'q4',
      'matter',
    ]);
  });

  it('maps plurals to their singular (Harman S stemmer)', () => {
    expect(['renewals', 'companies', 'boxes', 'status', 'glass', 'is'].map(stem)).toEqual([
      'renewal',
      'company',
      'boxe',
      'status',
      'glass',
      'is',
    ]);
  });

  it('counts term frequencies and dedupes query terms', () => {
    expect(Object.fromEntries(termFrequencies('Churn risk: churn rose; risks remain'))).toEqual({
      churn: 2,
      risk: 2,
      rose: 1,
      remain: 1,
    });
    expect(queryTerms('churn churn RISK the')).toEqual(['churn', 'risk']);
  });
});
