import type { IncomingMessage } from 'node:http';
import { HttpError, type ErrorCode } from '@sophia/kit';
import { AuthenticationError, type Caller, type CallerAuthenticator } from '../auth/authenticate.ts';
import { clientAddressOf, RateLimitedError, type RateLimits } from '../limits/rate-limits.ts';

/** Why a caller was turned away, as each route writes it (JSON-RPC for /mcp, JSON for /operations). */
export interface Refusal {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly headers: Record<string, string>;
}

export interface AdmissionOptions {
  readonly authenticate: CallerAuthenticator;
  readonly rateLimits: RateLimits;
  readonly trustedProxyHops: number;
}

export interface Admission {
  /** The signed-in caller: a bearer token is required (the anonymous viewer has no tools). */
  callerOf(req: IncomingMessage): Promise<Caller | Refusal>;
  /** Spends `points` (one per tool call) of the caller's MCP rate budget. */
  charge(req: IncomingMessage, caller: Caller, points?: number): Promise<Refusal | undefined>;
  /** Both: the caller, charged one point. */
  admit(req: IncomingMessage): Promise<Caller | Refusal>;
}

/** The door of /mcp and /operations alike, so both admit exactly the same callers at the same rate. */
export function createAdmission(options: AdmissionOptions): Admission {
  const { authenticate, rateLimits, trustedProxyHops } = options;
  const admission: Admission = {
    callerOf: async (req) => {
      const caller = await authenticate(req.headers.authorization).catch((error: unknown) => {
        if (error instanceof AuthenticationError || error instanceof HttpError) return error;
        throw error;
      });
      // The API key store could not be reached (503): the key is neither let in nor called invalid.
      if (caller instanceof HttpError) {
        return { status: caller.status, code: caller.code, message: caller.message, headers: {} };
      }
      if (caller instanceof AuthenticationError || caller.viewer.userId === null) {
        const message =
          caller instanceof AuthenticationError ? caller.message : 'Send "Authorization: Bearer <token>".';
        return { status: 401, code: 'UNAUTHENTICATED', message, headers: { 'www-authenticate': 'Bearer' } };
      }
      return caller;
    },
    charge: async (req, caller, points = 1) => {
      try {
        await rateLimits.consume(
          'mcp',
          { ...caller, address: clientAddressOf(req, trustedProxyHops) },
          points,
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        const headers = { 'retry-after': String(error.retryAfterSeconds) };
        return { status: 429, code: 'RATE_LIMITED', message: error.message, headers };
      }
    },
    admit: async (req) => {
      const caller = await admission.callerOf(req);
      if (isRefusal(caller)) return caller;
      return (await admission.charge(req, caller)) ?? caller;
    },
  };
  return admission;
}

export const isRefusal = (value: Caller | Refusal | undefined): value is Refusal =>
  value !== undefined && 'status' in value;
