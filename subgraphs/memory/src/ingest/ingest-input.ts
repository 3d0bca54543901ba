import { accountIdErrors, type UserError } from '../remember-input.ts';

export const MAX_DOCUMENT_LENGTH = 1_000_000;
export const MAX_TITLE_LENGTH = 300;
export const CHUNK_WORDS_RANGE = { min: 20, max: 1_000 } as const;

const problem = (field: string, message: string): UserError => ({
  field: ['input', field],
  message,
  code: 'BAD_USER_INPUT',
});

/** Checks everything at once, so the caller sees every problem in one answer. */
export function validateIngestInput(input: {
  title: string;
  content: string;
  accountId?: string | null;
  chunkWords: number;
  overlapWords: number;
}): UserError[] {
  const errors: UserError[] = [];
  const title = input.title.trim();
  if (title === '') errors.push(problem('title', 'Title must not be blank.'));
  else if (title.length > MAX_TITLE_LENGTH) {
    errors.push(problem('title', `Title must be at most ${MAX_TITLE_LENGTH} characters.`));
  }
  if (input.content.trim() === '') errors.push(problem('content', 'Content must not be blank.'));
  else if (input.content.length > MAX_DOCUMENT_LENGTH) {
    errors.push(
      problem(
        'content',
        `A document must be at most ${MAX_DOCUMENT_LENGTH.toLocaleString('en-US')} characters ` +
          `(it has ${input.content.length.toLocaleString('en-US')}).`,
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
  } else if (!Number.isInteger(overlapWords) || overlapWords < 0 || overlapWords >= chunkWords) {
    errors.push(problem('overlapWords', 'overlapWords must be at least 0 and less than chunkWords.'));
  }
  errors.push(...accountIdErrors(input.accountId));
  return errors;
}
