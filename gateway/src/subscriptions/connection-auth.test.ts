import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@sophia/kit';
import { AuthenticationError } from '../auth/authenticate.ts';
import { authenticateConnection, authorizationOf } from './connection-auth.ts';

describe('authorizationOf', () => {
  it('reads the token in any letter case, at the top or under headers', () => {
    expect(authorizationOf({ authorization: 'Bearer a' })).toBe('Bearer a');
    expect(authorizationOf({ Authorization: 'Bearer b' })).toBe('Bearer b');
    expect(authorizationOf({ headers: { AUTHORIZATION: 'Bearer c' } })).toBe('Bearer c');
  });

  it('finds nothing in an absent, empty or non-string value', () => {
    for (const payload of [undefined, {}, { authorization: '  ' }, { authorization: 42 }, { headers: 'x' }]) {
      expect(authorizationOf(payload)).toBeUndefined();
    }
  });
});

describe('authenticateConnection', () => {
  const authenticate = async (authorization: string | undefined) => {
    if (authorization !== 'Bearer good') throw new AuthenticationError('bad');
    return { viewer: ANONYMOUS };
  };

  it('closes with 4401 without credentials and 4403 with bad ones', async () => {
    expect(await authenticateConnection(undefined, authenticate)).toMatchObject({ closeCode: 4401 });
    expect(await authenticateConnection({ authorization: 'Bearer bad' }, authenticate)).toMatchObject({
      closeCode: 4403,
    });
    expect(await authenticateConnection({ authorization: 'Bearer good' }, authenticate)).toEqual({
      viewer: ANONYMOUS,
    });
  });
});
