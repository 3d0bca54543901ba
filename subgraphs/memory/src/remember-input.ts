import { createHash } from 'node:crypto';

export const MAX_CONTENT_LENGTH = 20_000;

/** Demo and CRM account ids: `acc_` and digits (sales owns accounts; memory only refers to them). */
const ACCOUNT_ID = /^acc_\d+$/;

/** A mistake the caller can fix, returned as data on the payload (STYLE: errors as data on mutations). */
export interface UserError {
  field: string[];
  message: string;
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'RATE_LIMITED' | 'CONFLICT';
}

/** Checks everything at once, so the caller sees every problem in one answer. */
export function validateRememberInput(input: { content: string; accountId?: string | null }): UserError[] {
  const errors: UserError[] = [];
  const content = input.content.trim();
  if (content === '') {
    errors.push({
      field: ['input', 'content'],
      message: 'Content must not be blank.',
      code: 'BAD_USER_INPUT',
    });
  } else if (content.length > MAX_CONTENT_LENGTH) {
    errors.push({
      field: ['input', 'content'],
      message: `Content must be at most ${MAX_CONTENT_LENGTH} characters (it has ${content.length}).`,
      code: 'BAD_USER_INPUT',
    });
  }
  errors.push(...accountIdErrors(input.accountId));
  return errors;
}

/** An account id, when one is given, must look like one (memory cannot ask sales whether it exists). */
export function accountIdErrors(accountId: string | null | undefined): UserError[] {
  if (accountId === undefined || accountId === null || ACCOUNT_ID.test(accountId)) return [];
  return [
    {
      field: ['input', 'accountId'],
      message: `Account id ${JSON.stringify(accountId)} is not an account id (acc_ followed by digits).`,
      code: 'BAD_USER_INPUT',
    },
  ];
}

/**
 * Identity of content for duplicate detection: the same words with different case or spacing are the same
 * memory.
 */
export function contentHash(content: string): string {
  const normalized = content.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256').update(normalized).digest('hex');
}
