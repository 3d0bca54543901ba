import type { CombinedError } from 'urql';

/** A skeleton while data loads; `label` is what assistive technology announces. */
export function Loading({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}

/** Nothing to show, said plainly, with what to do next when there is something. */
export function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="state state-empty" role="status">
      <p className="state-title">{title}</p>
      {hint ? <p className="state-hint">{hint}</p> : null}
    </div>
  );
}

/** What failed (by error code, never by server prose alone) and a way to retry. */
export function ErrorState({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const codes = error.graphQLErrors.map((e) => e.extensions['code']).filter(Boolean);
  const title = error.networkError
    ? 'Sophia could not be reached.'
    : codes.includes('DOWNSTREAM_SERVICE_ERROR')
      ? 'A service behind Sophia is not answering.'
      : 'Something went wrong loading this.';
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-hint">
        {error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message}
        {codes.length ? <code> {String(codes[0])}</code> : null}
      </p>
      {retry ? (
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
