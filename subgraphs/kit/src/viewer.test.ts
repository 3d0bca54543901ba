import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  isViewerToken,
  signViewerToken,
  verifyViewerToken,
  ViewerTokenError,
  type Viewer,
} from './viewer.ts';

const SECRET = 'a-test-secret-of-enough-length-for-hs256-0123456789';
const ALICE: Viewer = { userId: 'usr_alice', roles: ['exec'], scopes: [] };

describe('viewer tokens', () => {
  it('reuses a signed token for the same viewer while more than half its life is left', async () => {
    const first = await signViewerToken(ALICE, SECRET);
    expect(await signViewerToken(ALICE, SECRET)).toBe(first);
    expect(await signViewerToken({ ...ALICE, roles: ['member'] }, SECRET)).not.toBe(first);
    expect(await signViewerToken(ALICE, `${SECRET}-other`)).not.toBe(first);
  });

  it('verifies a token, and the same token again, to the same viewer', async () => {
    const token = await signViewerToken(ALICE, SECRET);
    expect(await verifyViewerToken(token, SECRET)).toEqual(ALICE);
    expect(await verifyViewerToken(token, SECRET)).toEqual(ALICE);
  });

  it('never lets a verified token pass under another secret', async () => {
    const token = await signViewerToken(ALICE, SECRET);
    await verifyViewerToken(token, SECRET);
    await expect(verifyViewerToken(token, `${SECRET}-other`)).rejects.toThrow(ViewerTokenError);
  });

  it('refuses an expired token even after it was verified while valid', async () => {
    const token = await signViewerToken(ALICE, SECRET, 1);
    expect(await verifyViewerToken(token, SECRET)).toEqual(ALICE);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifyViewerToken(token, SECRET)).rejects.toMatchObject({ reason: 'EXPIRED' });
  });

  it('tells a gateway viewer token from a user token without trusting either', async () => {
    expect(isViewerToken(await signViewerToken(ALICE, SECRET))).toBe(true);
    const user = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_alice')
      .sign(new TextEncoder().encode(SECRET));
    expect(isViewerToken(user)).toBe(false);
    expect(isViewerToken('not a token')).toBe(false);
  });
});
