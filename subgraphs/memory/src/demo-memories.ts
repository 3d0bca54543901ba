import type { Company, KnowledgeDocument } from '@sophia/ops';
import { chunkText } from './chunk.ts';
import type { NewMemory } from './store.ts';

/** Who is on which team, so that TEAM visibility can be decided inside the memory subgraph. */
export function directoryRows(company: Company): Array<{ user_id: string; team_id: string }> {
  return company.users.map((user) => ({ user_id: user.id, team_id: user.teamId }));
}

/**
 * The demo knowledge base as memories: a note is one memory; a document is split into overlapping chunks of
 * about 120 words (DOCUMENT_CHUNK), each pointing back at its document. Ids derive from the document's, so
 * the same seed always yields the same memory ids.
 */
export function demoMemories(company: Company): NewMemory[] {
  const teamOf = new Map(company.users.map((user) => [user.id, user.teamId]));
  return company.documents.flatMap((document): NewMemory[] => {
    const base = {
      ownerId: document.authorId,
      teamId: teamOf.get(document.authorId) ?? null,
      visibility: document.visibility,
      sourceId: document.id,
      sourceTitle: document.title,
      accountId: document.accountId,
      createdAt: document.createdAt,
    };
    if (document.kind === 'NOTE') {
      return [
        {
          ...base,
          id: `mem_${document.id}`,
          kind: 'NOTE',
          content: document.content,
          sourceType: 'NOTE',
          metadata: references(document),
        },
      ];
    }
    const chunks = chunkText(document.content);
    return chunks.map((content, index) => ({
      ...base,
      id: `mem_${document.id}_${String(index + 1).padStart(2, '0')}`,
      kind: 'DOCUMENT_CHUNK',
      content,
      sourceType: 'DOCUMENT',
      metadata: { ...references(document), chunk: index + 1, chunks: chunks.length },
    }));
  });
}

/** What else the document is about, kept for later retrieval features (entity detection, citations). */
function references(document: KnowledgeDocument): Record<string, unknown> {
  return {
    tags: document.tags,
    ...(document.projectId === null ? {} : { projectId: document.projectId }),
    ...(document.dealId === null ? {} : { dealId: document.dealId }),
  };
}
