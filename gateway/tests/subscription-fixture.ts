import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';
import {
  createEventQueue,
  createLogger,
  createSubgraph,
  gql,
  requireViewer,
  SophiaError,
  type BaseContext,
  type EventQueue,
  type Subgraph,
} from '@sophia/kit';
import { TEST_SECRET } from '@sophia/kit/testing';

/**
 * A two-subgraph federation with subscriptions, not Sophia's: `catalog` owns Product and its subscriptions,
 * `reviews` adds fields that each event must fetch from it (and that need the forwarded viewer).
 */
const catalogTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    products: [Product!]!
  }
  type Mutation {
    rename(id: ID!, name: String!): Product!
  }
  type Subscription {
    "Each rename, in order; \`by\` is the viewer the subgraph's socket was opened for."
    renamed: Renamed!
    "\`count\` events at once, each with \`size\` characters of padding, then completes."
    burst(count: Int!, size: Int!): Burst!
    "One event, then the subgraph ends the subscription with a FORBIDDEN error."
    refused: Int!
  }
  type Renamed {
    product: Product!
    by: String!
  }
  type Burst {
    seq: Int!
    padding: String!
    product: Product!
  }
  type Product @key(fields: "id") {
    id: ID!
    name: String!
  }
`;

const reviewsTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    topRated: Product
  }
  type Product @key(fields: "id") {
    id: ID!
    rating: Float!
    "Who the gateway said the viewer is, on this entity fetch."
    reviewedFor: String!
    reviews: [Review!]!
  }
  type Review {
    stars: Int!
  }
`;

const names = new Map([
  ['p1', 'Desk'],
  ['p2', 'Lamp'],
]);
const ratings: Record<string, number> = { p1: 4.5, p2: 3.9 };

interface Renamed {
  readonly product: { readonly id: string; readonly name: string };
  readonly by: string;
}

export interface Catalog {
  readonly subgraph: Subgraph;
  /** Open `renamed` subscriptions on the subgraph itself. */
  readonly renamedSubscribers: () => number;
}

export async function createCatalog(): Promise<Catalog> {
  const subscribers = new Map<EventQueue<Renamed>, string>();
  const subgraph = await createSubgraph({
    name: 'catalog',
    typeDefs: catalogTypeDefs,
    internalTokenSecret: TEST_SECRET,
    logger: createLogger('catalog', 'silent'),
    createContext: (base) => base,
    resolvers: {
      Query: { products: () => [...names].map(([id, name]) => ({ id, name })) },
      Mutation: {
        rename: (_: unknown, { id, name }: { id: string; name: string }) => {
          names.set(id, name);
          for (const [queue, by] of subscribers) queue.push({ product: { id, name }, by });
          return { id, name };
        },
      },
      Subscription: {
        renamed: {
          // The queue itself, not an async generator over it: its return() must end a read that waits.
          subscribe: (_: unknown, __: unknown, { viewer }: BaseContext) => {
            const queue = createEventQueue<Renamed>({
              capacity: 100,
              onReturn: () => subscribers.delete(queue),
            });
            subscribers.set(queue, requireViewer(viewer).userId);
            return queue;
          },
          resolve: (event: Renamed) => event,
        },
        burst: {
          subscribe: async function* (_: unknown, { count, size }: { count: number; size: number }) {
            const padding = 'x'.repeat(size);
            for (let seq = 1; seq <= count; seq++) yield { burst: { seq, padding, product: { id: 'p1' } } };
          },
        },
        refused: {
          subscribe: async function* () {
            yield { refused: 1 };
            throw new SophiaError('FORBIDDEN', 'No more for you.');
          },
        },
      },
      Product: {
        __resolveReference: ({ id }: { id: string }) => ({ id, name: names.get(id) }),
      },
    },
  });
  return { subgraph, renamedSubscribers: () => subscribers.size };
}

export async function createReviews(): Promise<Subgraph> {
  return createSubgraph({
    name: 'reviews',
    typeDefs: reviewsTypeDefs,
    internalTokenSecret: TEST_SECRET,
    logger: createLogger('reviews', 'silent'),
    createContext: (base) => base,
    resolvers: {
      Query: { topRated: () => ({ id: 'p1' }) },
      Product: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        rating: ({ id }: { id: string }) => ratings[id],
        reviewedFor: (_: unknown, __: unknown, { viewer }: BaseContext) => requireViewer(viewer).userId,
        reviews: ({ id }: { id: string }) => [{ stars: 5 }, { stars: Math.round(ratings[id] ?? 0) }],
      },
    },
  });
}

/** Composes the two at their URLs into a supergraph file; `extra` SDL is added to catalog (for reloads). */
export function writeSupergraph(
  urls: { catalog: string; reviews: string },
  path = join(mkdtempSync(join(tmpdir(), 'sophia-subscriptions-')), 'supergraph.graphql'),
  extra?: DocumentNode,
): string {
  const result = composeServices([
    {
      name: 'catalog',
      url: urls.catalog,
      typeDefs: extra ? concat(catalogTypeDefs, extra) : catalogTypeDefs,
    },
    { name: 'reviews', url: urls.reviews, typeDefs: reviewsTypeDefs },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  writeFileSync(path, result.supergraphSdl);
  return path;
}

const concat = (a: DocumentNode, b: DocumentNode): DocumentNode => ({
  kind: a.kind,
  definitions: [...a.definitions, ...b.definitions],
});
