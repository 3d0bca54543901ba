import { DocumentUpload } from './document-upload.tsx';
import { MemorySearch } from './memory-search.tsx';
import { RememberForm } from './remember-form.tsx';

/** Search the knowledge base and add to it: notes, and documents with their progress. */
export function KnowledgeTab() {
  return (
    <section className="tab-section" aria-labelledby="knowledge-title">
      <header className="section-head">
        <h2 id="knowledge-title">Knowledge</h2>
      </header>
      <div className="two-columns">
        <MemorySearch />
        <div className="stack">
          <RememberForm />
          <DocumentUpload />
        </div>
      </div>
    </section>
  );
}
