import type { KnowledgeDocument } from '@sophia/domain';
import { chunkText } from '../chunk.ts';
import type { NewMemory } from './rows.ts';

/** A knowledge document as the seed and the import hand it to memory. */
export type DocumentRecord = Pick<
  KnowledgeDocument,
  'id' | 'title' | 'kind' | 'content' | 'authorId' | 'accountId' | 'visibility' | 'createdAt'
> &
  Partial<Pick<KnowledgeDocument, 'projectId' | 'dealId' | 'tags'>>;

/**
 * Documents as memories: a note is one memory; a document is split into overlapping chunks of about 120 words
 * (DOCUMENT_CHUNK), each pointing back at its document. Ids derive from the document's, so the same document
 * always yields the same memory ids. `teamOf` gives the author's team (TEAM visibility).
 */
export function documentMemories(
  documents: readonly DocumentRecord[],
  teamOf: (userId: string) => string | null,
  /** When they were last read: they start warm and age from then. */
  accessedAt: string,
): NewMemory[] {
  return documents.flatMap((document): NewMemory[] => {
    const base = {
      ownerId: document.authorId,
      teamId: teamOf(document.authorId),
      visibility: document.visibility,
      sourceId: document.id,
      sourceTitle: document.title,
      accountId: document.accountId,
      createdAt: document.createdAt,
      accessedAt,
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

/** What else the document is about, kept for retrieval features (entity detection, citations). */
function references(document: DocumentRecord): Record<string, unknown> {
  return {
    tags: document.tags ?? [],
    ...(document.projectId ? { projectId: document.projectId } : {}),
    ...(document.dealId ? { dealId: document.dealId } : {}),
  };
}
