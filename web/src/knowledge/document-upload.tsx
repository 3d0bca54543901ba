import { useState, type FormEvent } from 'react';
import { useMutation, useSubscription } from 'urql';
import type { Visibility } from '../__generated__/graphql.ts';
import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { humanize } from '../ui/format.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { VisibilitySelect } from './visibility-select.tsx';

export const IngestJobFields = graphql(`
  fragment IngestJobFields on IngestJob {
    id
    title
    status
    chunksTotal
    chunksDone
    chunksFailed
    progress
    error
  }
`);

export const IngestDocumentMutation = graphql(`
  mutation IngestDocument($input: IngestDocumentInput!) {
    ingestDocument(input: $input) {
      job {
        id
        ...IngestJobFields
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const IngestJobProgressSubscription = graphql(`
  subscription IngestJobProgress($id: ID!) {
    ingestJobProgress(id: $id) {
      id
      ...IngestJobFields
    }
  }
`);

/** The API's limit on a document's text. */
export const MAX_DOCUMENT_CHARACTERS = 1_000_000;

type Job = FragmentType<typeof IngestJobFields>;

/** A job's progress as it is split and remembered, followed live until it has finished. */
function JobProgress({ started }: { started: Job }) {
  const first = getFragmentData(IngestJobFields, started);
  const [{ data }] = useSubscription({ query: IngestJobProgressSubscription, variables: { id: first.id } });
  const job = data ? getFragmentData(IngestJobFields, data.ingestJobProgress) : first;
  const finished = job.status === 'COMPLETED' || job.status === 'FAILED';
  const tone =
    job.status === 'FAILED' ? 'bad' : job.chunksFailed > 0 ? 'warn' : finished ? 'good' : 'neutral';
  return (
    <div className="stack" data-testid="ingest-job" data-status={job.status}>
      <ProgressBar value={job.progress} label={`Remembering ${job.title}`} tone={tone} />
      <p className="muted" aria-live="polite">
        {humanize(job.status)} · {job.chunksDone} of {job.chunksTotal} chunks
        {job.chunksFailed ? ` · ${job.chunksFailed} failed` : ''}
      </p>
      {job.error ? (
        <p className="notice bad" role="alert">
          {job.error}
        </p>
      ) : null}
      {job.status === 'COMPLETED' ? (
        <p className="notice good">“{job.title}” is in the knowledge base: search for it.</p>
      ) : null}
    </div>
  );
}

/**
 * Uploads a text or markdown document: the browser reads the file, the memory service splits it into
 * chunks and remembers them in the background, and the bar follows the job.
 */
export function DocumentUpload() {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('PRIVATE');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching, data, error }, ingest] = useMutation(IngestDocumentMutation);
  const [job, setJob] = useState<Job | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setProblem(null);
    setJob(null);
    const content = await file.text();
    if (content.trim() === '') return setProblem('The file is empty.');
    if (content.length > MAX_DOCUMENT_CHARACTERS) {
      return setProblem(
        `The file has ${content.length.toLocaleString('en-US')} characters; at most 1,000,000.`,
      );
    }
    const result = await ingest({ input: { title: title.trim() || file.name, content, visibility } });
    const started = result.data?.ingestDocument.job;
    if (started) setJob(started);
  };

  return (
    <section className="card" aria-labelledby="upload-title">
      <h3 id="upload-title">Upload a document</h3>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <label htmlFor="document-file">Document (text or markdown)</label>
        <input
          id="document-file"
          type="file"
          accept=".txt,.md,.markdown,.csv,text/plain,text/markdown"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            if (chosen && !title) setTitle(chosen.name.replace(/\.[^.]+$/, ''));
          }}
        />
        <label htmlFor="document-title">Title</label>
        <input id="document-title" value={title} onChange={(event) => setTitle(event.target.value)} />
        <VisibilitySelect
          id="document-visibility"
          label="Who may see the document"
          value={visibility}
          onChange={setVisibility}
        />
        <button type="submit" className="button primary" disabled={!file || fetching}>
          {fetching ? 'Uploading…' : 'Upload'}
        </button>
      </form>
      <div aria-live="polite">
        {problem ? (
          <p className="notice bad" role="alert">
            {problem}
          </p>
        ) : null}
        {data?.ingestDocument.errors.map((refusal) => (
          <p key={refusal.code + refusal.message} className="notice bad" role="alert">
            {refusal.message}
          </p>
        ))}
        {error ? (
          <p className="notice bad" role="alert">
            The document was not uploaded: {error.graphQLErrors[0]?.message ?? error.message}
          </p>
        ) : null}
      </div>
      {job ? <JobProgress key={getFragmentData(IngestJobFields, job).id} started={job} /> : null}
    </section>
  );
}
