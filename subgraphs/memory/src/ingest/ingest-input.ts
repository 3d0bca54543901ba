import { accountIdErrors, type UserError } from '../remember-input.ts';

export const MAX_TITLE_LENGTH = 300;
export const CHUNK_WORDS_RANGE = { min: 20, max: 1_000 } as const;

/** What one document may cost (MEMORY_INGEST_* in env.ts). */
export interface IngestLimits {
  /** UTF-8 bytes of one document's text. */
  readonly maxBytes: number;
  /** Chunks one document may be split into. */
  readonly maxChunks: number;
  /** Jobs one user may have queued or running at once. */
  readonly maxJobsPerUser: number;
}

const problem = (field: string, message: string): UserError => ({
  field: ['input', field],
  message,
  code: 'BAD_USER_INPUT',
});

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Checks everything that does not need the document split, at once, so the caller sees every problem in one
 * answer. Each chunk must start at least half a chunk after the one before: an overlap close to the chunk size
 * would multiply a document into thousands of near-copies (20 words stepping by 1 makes ~20× the text).
 */
export function validateIngestInput(
  input: {
    title: string;
    content: string;
    accountId?: string | null;
    chunkWords: number;
    overlapWords: number;
  },
  limits: Pick<IngestLimits, 'maxBytes'>,
): UserError[] {
  const errors: UserError[] = [];
  const title = input.title.trim();
  if (title === '') errors.push(problem('title', 'Title must not be blank.'));
  else if (title.length > MAX_TITLE_LENGTH) {
    errors.push(problem('title', `Title must be at most ${MAX_TITLE_LENGTH} characters.`));
  }
  const bytes = Buffer.byteLength(input.content, 'utf8');
  if (input.content.trim() === '') errors.push(problem('content', 'Content must not be blank.'));
  else if (bytes > limits.maxBytes) {
    errors.push(
      problem(
        'content',
        `A document must be at most ${count(limits.maxBytes)} bytes of UTF-8 text (it has ${count(bytes)}).`,
      ),
    );
  }
  const { chunkWords, overlapWords } = input;
  if (
    !Number.isInteger(chunkWords) ||
    chunkWords < CHUNK_WORDS_RANGE.min ||
    chunkWords > CHUNK_WORDS_RANGE.max
  ) {
    errors.push(
      problem('chunkWords', `chunkWords must be from ${CHUNK_WORDS_RANGE.min} to ${CHUNK_WORDS_RANGE.max}.`),
    );
  } else if (!Number.isInteger(overlapWords) || overlapWords < 0 || overlapWords * 2 > chunkWords) {
    errors.push(
      problem(
        'overlapWords',
        `overlapWords must be from 0 to half of chunkWords (${Math.floor(chunkWords / 2)}): each chunk ` +
          'starts at least half a chunk after the one before.',
      ),
    );
  }
  errors.push(...accountIdErrors(input.accountId));
  return errors;
}

/** A document that splits into more chunks than allowed; checked once it is split. */
export function chunkCountErrors(chunks: number, limits: Pick<IngestLimits, 'maxChunks'>): UserError[] {
  if (chunks <= limits.maxChunks) return [];
  return [
    problem(
      'content',
      `The document splits into ${count(chunks)} chunks; at most ${count(limits.maxChunks)} are allowed. ` +
        'Use larger chunks (chunkWords), less overlap, or split the document.',
    ),
  ];
}
