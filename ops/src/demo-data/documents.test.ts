import { describe, expect, it } from 'vitest';
import { formatExactMoney } from './format.ts';
import { ANCHOR, company } from './test-fixture.ts';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('knowledge documents', () => {
  it('are a few hundred notes and documents, written by the anchor day, in id order', () => {
    expect(company.documents.length).toBeGreaterThanOrEqual(200);
    expect(company.documents.length).toBeLessThanOrEqual(500);
    company.documents.forEach((document, index) => {
      expect(document.id).toBe(`doc_${String(index + 1).padStart(4, '0')}`);
      expect(document.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
      expect(document.createdAt.slice(0, 10) <= ANCHOR).toBe(true);
      const previous = company.documents[index - 1];
      if (previous) expect(document.createdAt >= previous.createdAt).toBe(true);
    });
  });

  it('read like real writing', () => {
    for (const document of company.documents) {
      expect(document.title.length).toBeGreaterThan(5);
      expect(document.content).not.toMatch(/lorem|ipsum/i);
      expect(document.content).not.toMatch(/undefined|NaN|Infinity|\{[a-z]+\}|\[object/);
      expect(document.tags.length).toBeGreaterThan(0);
      for (const tag of document.tags) expect(tag).toMatch(/^[a-z0-9-]+$/);
      if (document.kind === 'DOCUMENT') {
        expect(words(document.content), document.title).toBeGreaterThanOrEqual(80);
        expect(words(document.content), document.title).toBeLessThanOrEqual(600);
      } else {
        expect(words(document.content), document.title).toBeGreaterThanOrEqual(20);
      }
    }
    expect(new Set(company.documents.map((document) => document.title)).size).toBeGreaterThan(
      company.documents.length * 0.9,
    );
  });

  it('use every visibility and both kinds', () => {
    for (const visibility of ['ORG', 'TEAM', 'PRIVATE']) {
      expect(company.documents.some((document) => document.visibility === visibility)).toBe(true);
    }
    expect(company.documents.some((document) => document.kind === 'NOTE')).toBe(true);
    expect(company.documents.some((document) => document.kind === 'DOCUMENT')).toBe(true);
  });

  it('mention the deals and accounts they are attached to, with the real amounts', () => {
    const deals = new Map(company.deals.map((deal) => [deal.id, deal]));
    const accounts = new Map(company.accounts.map((account) => [account.id, account]));
    let withDeal = 0;
    for (const document of company.documents) {
      if (document.accountId !== null)
        expect(document.content).toContain(accounts.get(document.accountId)?.name);
      const deal = document.dealId === null ? undefined : deals.get(document.dealId);
      if (!deal) continue;
      withDeal++;
      expect(document.content).toContain(deal.name);
      expect(document.content).toContain(formatExactMoney(deal.amount));
    }
    expect(withDeal).toBeGreaterThan(30);
  });

  it('cover several documents for each of the largest customers', () => {
    const largest = company.accounts
      .filter((account) => account.status === 'CUSTOMER')
      .sort((a, b) => b.arr - a.arr)
      .slice(0, 10);
    for (const account of largest) {
      expect(
        company.documents.filter((document) => document.accountId === account.id).length,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it('keep private notes to their author and team notes to teams that exist', () => {
    const privateNotes = company.documents.filter((document) => document.visibility === 'PRIVATE');
    expect(privateNotes.every((document) => document.tags.includes('one-on-one'))).toBe(true);
  });
});
