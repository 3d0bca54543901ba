import { badUserInput, decodeCursor, encodeCursor } from '@sophia/kit';

/** Where a deal sits in `amount desc, id asc` order; the next page starts after it. */
export interface DealCursor {
  readonly amount: number;
  readonly id: string;
}

/** Where an account sits in `name, id` order. */
export interface AccountCursor {
  readonly name: string;
  readonly id: string;
}

// Each key is tagged with its list so that a cursor from one list is refused by the other.
export const encodeDealCursor = (key: DealCursor): string =>
  encodeCursor(JSON.stringify(['deal', key.amount, key.id]));

export const encodeAccountCursor = (key: AccountCursor): string =>
  encodeCursor(JSON.stringify(['account', key.name, key.id]));

export function decodeDealCursor(after: string | null | undefined): DealCursor | null {
  const key = decodeTagged(after, 'deal');
  if (key === null) return null;
  const [amount, id] = key;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || typeof id !== 'string') throw notOurCursor();
  return { amount, id };
}

export function decodeAccountCursor(after: string | null | undefined): AccountCursor | null {
  const key = decodeTagged(after, 'account');
  if (key === null) return null;
  const [name, id] = key;
  if (typeof name !== 'string' || typeof id !== 'string') throw notOurCursor();
  return { name, id };
}

function decodeTagged(after: string | null | undefined, tag: string): unknown[] | null {
  const key = decodeCursor(after);
  if (key === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    throw notOurCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== tag) throw notOurCursor();
  return parsed.slice(1);
}

const notOurCursor = () => badUserInput('`after` is not a cursor this API issued.', 'after');
