import { SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import {
  internalTokenKind,
  signDelegatedToken,
  signViewerToken,
  verifyDelegatedToken,
  verifyViewerToken,
  ViewerTokenError,
} from './internal-tokens.ts';
import type { Viewer } from './viewer.ts';

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
    expect(internalTokenKind(await signViewerToken(ALICE, SECRET))).toBe('viewer');
    expect(internalTokenKind(await signDelegatedToken(ALICE, SECRET))).toBe('delegated');
    const user = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_alice')
      .sign(new TextEncoder().encode(SECRET));
    expect(internalTokenKind(user)).toBeUndefined();
    expect(internalTokenKind('not a token')).toBeUndefined();
  });

  it('never accepts one kind where the other is expected, under the same secret', async () => {
    const viewer = await signViewerToken(ALICE, SECRET);
    const delegated = await signDelegatedToken(ALICE, SECRET);
    await expect(verifyDelegatedToken(viewer, SECRET)).rejects.toMatchObject({ reason: 'INVALID' });
    await expect(verifyViewerToken(delegated, SECRET)).rejects.toMatchObject({ reason: 'INVALID' });
    expect(await verifyDelegatedToken(delegated, SECRET)).toEqual(ALICE);
  });

  it('refuses a token signed with the raw secret, as every forgery from a known constant would be', async () => {
    const raw = await new SignJWT({ roles: ['exec'], scopes: [] })
      .setProtectedHeader({ alg: 'HS256', typ: 'sophia-viewer+jwt' })
      .setIssuer('sophia-gateway')
      .setAudience('sophia-subgraph')
      .setSubject('usr_alice')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyViewerToken(raw, SECRET)).rejects.toMatchObject({ reason: 'INVALID' });
  });

  it('accepts tokens from a previous secret during a rotation, and signs only with the current one', async () => {
    const old = await signViewerToken(ALICE, SECRET);
    const next = `${SECRET}-rotated`;
    expect(await verifyViewerToken(old, { current: next, previous: [SECRET] })).toEqual(ALICE);
    await expect(verifyViewerToken(old, next)).rejects.toMatchObject({ reason: 'INVALID' });
    const fresh = await signViewerToken(ALICE, { current: next, previous: [SECRET] });
    await expect(verifyViewerToken(fresh, SECRET)).rejects.toMatchObject({ reason: 'INVALID' });
  });

  it('refuses a token older than its lifetime even when it claims a later expiry', async () => {
    const tooOld = await signViewerToken({ ...ALICE, userId: 'usr_old' }, SECRET, 3_600);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 70_000 });
    try {
      await expect(verifyViewerToken(tooOld, SECRET)).rejects.toMatchObject({ reason: 'EXPIRED' });
    } finally {
      vi.useRealTimers();
    }
  });
});
