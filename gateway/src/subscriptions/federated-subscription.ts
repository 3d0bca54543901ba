import { performance } from 'node:perf_hooks';
import type { FetchNode } from '@apollo/query-planner';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Client, ExecutionResult, FormattedExecutionResult } from 'graphql-ws';
import { createEventQueue, type Logger } from '@sophia/kit';
import { startSubscriptionSpan } from '../telemetry/subscription-span.ts';
import type { EventResolver } from './event-resolver.ts';
import { SubscriptionEndedError, upstreamFailure } from './subscription-error.ts';
import type { SubscriptionMetrics } from './subscription-metrics.ts';
import { toTransport } from './transport-result.ts';

export interface FederatedSubscriptionOptions {
  /** The subgraph that owns the subscription's root field. */
  readonly subgraph: string;
  /** The graphql-ws client for that subgraph, shared by the client socket's subscriptions. */
  readonly upstream: Client;
  /** The plan's primary fetch: the operation sent to the subgraph. */
  readonly primary: FetchNode;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly resolve: EventResolver;
  readonly formatError: (error: GraphQLError) => GraphQLFormattedError;
  /** Events that may wait for the client before `onOverflow` is called. */
  readonly capacity: number;
  /** The client reads too slowly: its socket must close (the subscription has already let go of upstream). */
  readonly onOverflow: () => void;
  /** Called once when the subscription has ended, however it ended. */
  readonly onEnd: () => void;
  readonly metrics: SubscriptionMetrics;
  /** Carries the operation name and request id into every line. */
  readonly log: Logger;
}

/** A live subscription as graphql-ws iterates it; `end` finishes it with an error after the waiting events. */
export interface FederatedSubscription extends AsyncIterableIterator<ExecutionResult> {
  /** The client completed or left: drops waiting events and releases the subgraph's subscription. */
  return(): Promise<IteratorReturnResult<undefined>>;
  end(error: SubscriptionEndedError): void;
}

interface Arrival {
  readonly event: FormattedExecutionResult<Record<string, unknown>, unknown>;
  readonly at: number;
}

/**
 * One client subscription: its primary operation runs on the owning subgraph's socket, each event waits in a
 * bounded queue and is resolved (the rest of the plan) when the client's socket takes the previous one, so
 * events reach the client in the order the subgraph sent them. Ending it from either side ends the other.
 */
export function startFederatedSubscription(options: FederatedSubscriptionOptions): FederatedSubscription {
  const { subgraph, metrics, log } = options;
  let unsubscribe: (() => void) | undefined;
  let upstreamOpen = true;
  const releaseUpstream = () => {
    if (!upstreamOpen) return;
    upstreamOpen = false;
    unsubscribe?.();
  };
  let ended = false;
  const finish = (how: string) => {
    if (ended) return;
    ended = true;
    span.end();
    releaseUpstream();
    metrics.active.dec();
    log.info({ subgraph, how }, 'subscription ended');
    options.onEnd();
  };

  const queue = createEventQueue<Arrival>({
    capacity: options.capacity,
    onReturn: () => finish('client completed or left'),
  });
  metrics.active.inc();
  log.info({ subgraph }, 'subscription started');
  const span = startSubscriptionSpan(subgraph, options.primary.operationName);
  unsubscribe = options.upstream.subscribe(
    {
      query: options.primary.operation,
      operationName: options.primary.operationName ?? null,
      variables: pick(options.variables, options.primary.variableUsages ?? []),
      extensions: span.extensions,
    },
    {
      next: (event) => {
        if (queue.push({ event, at: performance.now() })) return;
        log.warn({ subgraph, capacity: options.capacity }, 'client too slow for its subscription');
        releaseUpstream();
        options.onOverflow();
      },
      error: (reported) => {
        upstreamOpen = false;
        queue.end(upstreamFailure(subgraph, reported));
      },
      complete: () => {
        upstreamOpen = false;
        queue.end();
      },
    },
  );

  const resolveNext = async (arrival: Arrival): Promise<ExecutionResult> => {
    const result = await options.resolve(arrival.event);
    metrics.resolution.observe({ subgraph }, (performance.now() - arrival.at) / 1000);
    metrics.events.inc({ subgraph, outcome: result.errors?.length ? 'error' : 'ok' });
    return toTransport({
      data: result.data ?? null,
      ...(result.errors?.length ? { errors: result.errors.map(options.formatError) } : {}),
    });
  };

  const subscription: FederatedSubscription = {
    async next() {
      try {
        const arrival = await queue.next();
        if (arrival.done) {
          finish('completed by the subgraph');
          return arrival;
        }
        return { done: false, value: await resolveNext(arrival.value) };
      } catch (error) {
        const ending = error instanceof SubscriptionEndedError ? error : unexpected(error);
        log.warn({ subgraph, err: error }, 'subscription failed');
        finish('failed');
        throw ending;
      }
    },
    return: () => queue.return(),
    end(error) {
      releaseUpstream();
      queue.end(error);
    },
    [Symbol.asyncIterator]: () => subscription,
  };
  return subscription;
}

/** Only the variables the primary operation declares are sent to the subgraph. */
function pick(
  variables: Readonly<Record<string, unknown>>,
  names: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    names.filter((name) => variables[name] !== undefined).map((n) => [n, variables[n]]),
  );
}

/** A failure of the gateway itself; the error formatter masks and logs it. */
function unexpected(error: unknown): SubscriptionEndedError {
  const original = error instanceof Error ? error : new Error(String(error));
  return new SubscriptionEndedError([new GraphQLError(original.message, { originalError: original })]);
}
