/**
 * The knowledge base: notes and documents that mention the company's real accounts, deals, people, projects
 * and figures. Ids follow creation time.
 */
import { accountDocuments } from './doc-accounts.ts';
import { businessReviewDocuments } from './doc-business-reviews.ts';
import { DocumentContext, type DocumentDraft, type DocumentSources } from './doc-context.ts';
import { dealDocuments } from './doc-deals.ts';
import { engineeringDocuments } from './doc-engineering.ts';
import { marketingDocuments } from './doc-marketing.ts';
import { meetingDocuments } from './doc-meetings.ts';
import { policyDocuments } from './doc-policies.ts';
import { projectDocuments } from './doc-projects.ts';
import { strategyDocuments } from './doc-strategy.ts';
import type { Rng } from './prng.ts';
import type { KnowledgeDocument } from '@sophia/domain';
import { compareText } from './order.ts';

const WRITERS = {
  accounts: accountDocuments,
  deals: dealDocuments,
  meetings: meetingDocuments,
  'business-reviews': businessReviewDocuments,
  strategy: strategyDocuments,
  policies: policyDocuments,
  projects: projectDocuments,
  engineering: engineeringDocuments,
  marketing: marketingDocuments,
} satisfies Record<string, (rng: Rng, context: DocumentContext) => DocumentDraft[]>;

export function buildDocuments(rng: Rng, sources: DocumentSources): KnowledgeDocument[] {
  const context = new DocumentContext(sources);
  const drafts = Object.entries(WRITERS).flatMap(([name, write]) => write(rng.fork(name), context));
  return drafts
    .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.title, b.title))
    .map((draft, index) => ({ id: `doc_${String(index + 1).padStart(4, '0')}`, ...draft }));
}
