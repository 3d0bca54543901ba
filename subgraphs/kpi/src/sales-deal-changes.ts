import { signDealChangesToken, SophiaError, type SecretsInput } from '@sophia/kit';
import { DEAL_CHANGES_PATH, type DealChange } from '@sophia/domain';
import { parseDealChange } from './deal-change-schema.ts';

/** Changes asked for at once; sales answers at most this many. */
export const DEAL_CHANGES_PAGE = 500;
/** Longest a catch-up request may take before it is abandoned (the next catch-up asks again). */
const REQUEST_TIMEOUT_MS = 10_000;

/** Reads the sales outbox after a change number, oldest first (one page). */
export type DealChangesSource = (after: number) => Promise<DealChange[]>;

/**
 * Sales' internal deal-changes route, called with a `deal-changes` token signed from INTERNAL_TOKEN_SECRET.
 * Every change is checked as the feed's are; one that is not a change fails the whole page, so the cursor
 * never moves past a change kpi could not read.
 */
export function salesDealChanges(salesUrl: string, secrets: SecretsInput): DealChangesSource {
  return async (after) => {
    const url = new URL(DEAL_CHANGES_PATH, salesUrl);
    url.search = new URLSearchParams({ after: String(after), limit: String(DEAL_CHANGES_PAGE) }).toString();
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${await signDealChangesToken(secrets)}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
      throw new SophiaError(
        'DOWNSTREAM_SERVICE_ERROR',
        `Sales answered ${response.status} for deal changes.`,
      );
    }
    const body = (await response.json()) as { changes?: unknown };
    const changes = Array.isArray(body.changes) ? body.changes.map(parseDealChange) : [undefined];
    if (changes.length > DEAL_CHANGES_PAGE || changes.some((change) => change === undefined)) {
      throw new SophiaError('DOWNSTREAM_SERVICE_ERROR', 'Sales answered deal changes kpi cannot read.');
    }
    return changes as DealChange[];
  };
}
