import { describe, expect, it } from 'vitest';
import { relevantMemories } from '../../src/analyst/relevance.ts';
import { unknownNames } from '../../src/analyst/unknown-names.ts';
import type { RetrievedMemory } from '../../src/pipeline/answer-contract.ts';
import { DIRECTORY } from './directory-fixture.ts';

const memory = (id: string, content: string, sourceTitle: string | null = null): RetrievedMemory => ({
  id,
  content,
  kind: 'NOTE',
  score: 0.9,
  sourceTitle,
  accountId: null,
});

const POLICY = memory(
  'mem_policy',
  'This policy sets who can approve discounts on quotes.\n\nUp to 10% off list price, the account executive decides.',
  'Discount approval policy',
);
const HYBRID = memory(
  'mem_hybrid',
  'Teams choose their office days together. The travel budget is set by each office manager.',
  'Remote and hybrid work policy',
);

describe('unknownNames', () => {
  it('finds a name the data does not know where a question names a thing', () => {
    expect(unknownNames('What was revenue from our Atlantis account?', DIRECTORY, [])).toEqual(['Atlantis']);
    expect(unknownNames("What is our office in Tokyo's budget?", DIRECTORY, [HYBRID])).toEqual(['Tokyo']);
    expect(unknownNames('Tell me about the Tokyo expansion project', DIRECTORY, [])).toEqual(['Tokyo']);
  });

  it('accepts known names, vocabulary, periods and a capitalised first word', () => {
    const questions = [
      'What do we know about Alder Mutual?',
      'What are the top deals in Q3?',
      'How is revenue in November?',
      'Which deals does the Enterprise Sales team have?',
      'Stalled deals this quarter?',
      'Tell me about Malik Ito',
      'Deals for Broadleaf this quarter',
    ];
    for (const question of questions) expect(unknownNames(question, DIRECTORY, []), question).toEqual([]);
  });

  it('wants an account named in the directory, whatever the notes mention', () => {
    const travel = memory('mem_travel', 'Book the Atlantis hotel for offsites.');
    expect(unknownNames('What was revenue from our Atlantis account?', DIRECTORY, [travel])).toEqual([
      'Atlantis',
    ]);
  });

  it('accepts a name that a retrieved memory mentions', () => {
    const note = memory('mem_kavya', 'Check-in with Kavya Novak (VP Finance).');
    expect(unknownNames('What did we discuss with Kavya?', DIRECTORY, [note])).toEqual([]);
    expect(unknownNames('What did we discuss with Kavya?', DIRECTORY, [])).toEqual(['Kavya']);
  });
});

describe('relevantMemories', () => {
  it('keeps a memory that contains most of the subject words, with its best paragraph', () => {
    const [hit, ...rest] = relevantMemories('What is our discount approval policy?', [HYBRID, POLICY]);
    expect(hit?.memory.id).toBe('mem_policy');
    expect(hit?.excerpt).toContain('approve discounts');
    expect(rest.map((entry) => entry.memory.id)).not.toContain('mem_policy');
  });

  it('refuses a memory that lacks a name the question capitalises', () => {
    expect(relevantMemories("What is the Tokyo office's budget?", [HYBRID])).toEqual([]);
    expect(relevantMemories('What is the office budget?', [HYBRID]).map((entry) => entry.memory.id)).toEqual([
      'mem_hybrid',
    ]);
  });

  it('wants the subject words together in one passage, not scattered over a long document', () => {
    const scattered = memory(
      'mem_long',
      'The marketing plan for next year.\n\nTravel stays within budget.',
      'Plan',
    );
    expect(relevantMemories('What is the marketing budget?', [scattered])).toEqual([]);
    const together = memory('mem_short', 'The marketing budget for next year is set.', 'Plan');
    expect(relevantMemories('What is the marketing budget?', [together]).map((hit) => hit.memory.id)).toEqual(
      ['mem_short'],
    );
  });

  it('finds nothing for a question made only of common words', () => {
    expect(relevantMemories('What is the latest?', [POLICY, HYBRID])).toEqual([]);
  });
});
