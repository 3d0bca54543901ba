import { encodeCursor } from '@sophia/kit';
import { describe, expect, it } from 'vitest';
import { decodeAccountCursor, decodeDealCursor, encodeAccountCursor, encodeDealCursor } from './cursors.ts';

describe('cursors', () => {
  it('round-trips a deal key and an account key, including odd names', () => {
    expect(decodeDealCursor(encodeDealCursor({ amount: 125_000, id: 'deal_0042' }))).toEqual({
      amount: 125_000,
      id: 'deal_0042',
    });
    const name = 'Ström & "Söhne" – ünïcode';
    expect(decodeAccountCursor(encodeAccountCursor({ name, id: 'acc_007' }))).toEqual({
      name,
      id: 'acc_007',
    });
  });

  it('reads no cursor as the first page', () => {
    expect(decodeDealCursor(null)).toBeNull();
    expect(decodeAccountCursor(undefined)).toBeNull();
  });

  it.each([
    ['another list', encodeAccountCursor({ name: 'Acme', id: 'acc_001' })],
    ['not JSON', encodeCursor('amount=5')],
    ['a wrong shape', encodeCursor(JSON.stringify(['deal', 5]))],
    ['a text amount', encodeCursor(JSON.stringify(['deal', '5', 'deal_0001']))],
    ['not base64url', 'hello world'],
  ])('refuses a deal cursor from %s with BAD_USER_INPUT on `after`', (_, cursor) => {
    expect(() => decodeDealCursor(cursor)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }),
    );
  });
});
