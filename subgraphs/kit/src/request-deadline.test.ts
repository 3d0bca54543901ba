import { describe, expect, it } from 'vitest';
import {
  budgetFromHeader,
  createRequestDeadline,
  DeadlineExceededError,
  everyDeadline,
} from './request-deadline.ts';

describe('budgetFromHeader', () => {
  it('grants the budget the header names while it is within the maximum', () => {
    expect(budgetFromHeader('9500', 60_000)).toBe(9500);
    expect(budgetFromHeader(' 250 ', 60_000)).toBe(250);
    expect(budgetFromHeader('0', 60_000)).toBe(0);
  });

  it('cuts a huge budget to the maximum', () => {
    expect(budgetFromHeader('999999999', 60_000)).toBe(60_000);
    expect(budgetFromHeader('60001', 60_000)).toBe(60_000);
  });

  it('gives a missing or malformed header the maximum, never an unbounded or negative budget', () => {
    for (const hostile of [
      undefined,
      '',
      '-5',
      '1e12',
      '12.5',
      'Infinity',
      'NaN',
      '0x10',
      '9999999999999999999999',
      '12abc',
      '1\u00002',
    ]) {
      expect(budgetFromHeader(hostile, 1_000), String(hostile)).toBe(1_000);
    }
    expect(budgetFromHeader(['5', '6'], 1_000)).toBe(1_000);
  });
});

describe('createRequestDeadline', () => {
  it('lets a commit through before the deadline and refuses it with DEADLINE_EXCEEDED after', async () => {
    let now = 1_000;
    const deadline = createRequestDeadline({ budgetMs: 500, now: () => now });
    await expect(deadline.beforeCommit()).resolves.toBeUndefined();
    now = 1_500;
    const refusal = await deadline.beforeCommit().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DeadlineExceededError);
    expect((refusal as DeadlineExceededError).extensions['code']).toBe('DEADLINE_EXCEEDED');
  });

  it('refuses as soon as the caller has gone, however much budget is left', async () => {
    const caller = new AbortController();
    const deadline = createRequestDeadline({ budgetMs: 60_000, callerGone: caller.signal });
    await expect(deadline.beforeCommit()).resolves.toBeUndefined();
    caller.abort();
    expect(deadline.signal.aborted).toBe(true);
    await expect(deadline.beforeCommit()).rejects.toBeInstanceOf(DeadlineExceededError);
  });

  it('fires its signal once the budget has run out', async () => {
    const deadline = createRequestDeadline({ budgetMs: 1 });
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve));
    expect(deadline.signal.aborted).toBe(true);
  });
});

describe('everyDeadline', () => {
  it('commits a shared write only while every request still wants it', async () => {
    const first = new AbortController();
    const second = new AbortController();
    const shared = everyDeadline([
      createRequestDeadline({ budgetMs: 60_000, callerGone: first.signal }),
      undefined,
      createRequestDeadline({ budgetMs: 60_000, callerGone: second.signal }),
    ]);
    await expect(shared?.beforeCommit()).resolves.toBeUndefined();
    second.abort();
    expect(shared?.signal.aborted).toBe(true);
    await expect(shared?.beforeCommit()).rejects.toBeInstanceOf(DeadlineExceededError);
  });

  it('adds no deadline when no request has one', () => {
    expect(everyDeadline([undefined, undefined])).toBeUndefined();
  });
});
