import { badUserInput } from './errors.ts';
import { boundedCount } from './input-limits.ts';

/** Relay-style page info, as every Sophia connection returns it. */
export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** Cursors are opaque to clients: base64url of an offset-free key the store orders by. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor)
    throw badUserInput('`after` is not a cursor this API issued.', 'after');
  return key;
}

/** Validates `first` against 1…MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  return boundedCount(first, { argument: 'first', max: MAX_PAGE_SIZE, fallback });
}
